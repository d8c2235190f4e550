import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/lint/config.js';
import { Glob, MAX_GLOB_LENGTH, MAX_GLOBS } from '../../src/lint/glob.js';

/** The backtracking regular expression ignorePaths used to compile to: the oracle for small inputs. */
function oracle(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`(^|/)${re}$`);
}

describe('ignorePaths globs (issue 18, item 7)', () => {
  it('match as the regular expressions they replace, on random patterns and paths', () => {
    const ch = fc.constantFrom('a', 'b', '/', '*', '?', '.');
    fc.assert(
      fc.property(fc.string({ unit: ch, maxLength: 8 }), fc.string({ unit: fc.constantFrom('a', 'b', '/', '.'), maxLength: 10 }), (pattern, path) => {
        expect(new Glob(pattern).test(path)).toBe(oracle(pattern).test(path));
      }),
      { numRuns: 3000 },
    );
  });

  it('a crafted pattern that makes a backtracking matcher run for minutes is matched at once', () => {
    const pattern = `${'**a'.repeat(300)}b`; // the oracle (and picomatch/minimatch) hang on 5 repetitions
    const path = `${'a/'.repeat(2000)}${'a'.repeat(2000)}`;
    const start = performance.now();
    expect(new Glob(pattern).test(path)).toBe(false);
    expect(new Glob(`${'*a'.repeat(500)}`).test(`${'a'.repeat(4000)}b`)).toBe(false);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('the config bounds pattern length and count', () => {
    const long = parseConfig('c.yaml', `ignorePaths: ["${'*'.repeat(MAX_GLOB_LENGTH + 1)}"]\n`, []);
    expect(long.problems.map((p) => p.code)).toEqual(['bad-config']);
    expect(long.problems[0]!.message).toMatch(/1024 characters/);
    const many = parseConfig('c.yaml', `ignorePaths: [${Array.from({ length: MAX_GLOBS + 1 }, (_, i) => `"p${i}"`).join(', ')}]\n`, []);
    expect(many.problems[0]!.message).toMatch(/256 items/);
  });
});
