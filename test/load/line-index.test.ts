import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/load/line-index.js';

/** The sparse, lazy line index against counting lines by hand. */
describe('LineIndex', () => {
  const naive = (text: string, offset: number) => {
    const before = text.slice(0, offset);
    const lines = before.split('\n');
    return { line: lines.length, col: lines[lines.length - 1]!.length + 1 };
  };

  it('agrees with counting, for offsets asked in any order, across many checkpoints', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bc', '\n', '\n\n', 'xyz\n'), { maxLength: 3000 }), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (parts, picks) => {
        const text = parts.join('');
        const index = new LineIndex(text);
        for (const p of picks) {
          const offset = text.length ? p % (text.length + 1) : 0;
          expect(index.linePos(offset)).toEqual(naive(text, offset));
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('handles a text without newlines and the very end', () => {
    expect(new LineIndex('abc').linePos(2)).toEqual({ line: 1, col: 3 });
    expect(new LineIndex('a\nb\n').linePos(4)).toEqual({ line: 3, col: 1 });
  });
});
