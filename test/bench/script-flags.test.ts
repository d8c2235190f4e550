import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

// The built scripts (npm test builds first). None of these runs a benchmark.
const SCRIPTS = ['run', 'generate', 'generate-dense', 'measure', 'plain-write'];
const script = (name: string, args: string[]) => spawnSync(process.execPath, [resolve(ROOT, 'dist/bench', `${name}.js`), ...args], { encoding: 'utf8', timeout: 20_000 });

describe('benchmark scripts', () => {
  it.each(SCRIPTS)('%s refuses an unknown flag with exit 2, a message and the usage', (name) => {
    const r = script(name, ['--no-such-flag']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("Unknown option '--no-such-flag'");
    expect(r.stderr).toContain('Usage:');
  });

  it.each(SCRIPTS)('%s --help prints the usage and exits 0 without running', (name) => {
    const r = script(name, ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage:/);
    expect(r.stderr).toBe('');
  });

  it('run refuses a positional argument, a bad size and an unknown part with exit 2', () => {
    for (const args of [['quick'], ['--sizes', '2x'], ['--parts', 'engine,nope'], ['--timeout', '-1']]) {
      const r = script('run', args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage:');
    }
  });
});
