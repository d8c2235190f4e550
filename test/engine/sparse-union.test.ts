import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NonZeroWords, SparseUnion, SparseUnionPool } from '../../src/engine/sparse-union.js';

/** A random bitset of `width` words: mostly empty words, some dense. */
const words = (width: number) =>
  fc.array(fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, { arbitrary: fc.integer({ min: 0, max: 0xffffffff }), weight: 1 }), { minLength: width, maxLength: width }).map((a) => Uint32Array.from(a));

describe('SparseUnion', () => {
  it('equals the plain word-by-word OR, and lists every non-zero word among its candidates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((width) => fc.tuple(fc.constant(width), fc.array(fc.tuple(words(width), fc.boolean()), { maxLength: 6 }), fc.array(words(width), { maxLength: 3 }))),
        ([width, operands, others]) => {
          const nz = new NonZeroWords();
          const u = new SparseUnion(width);
          const plain = new Uint32Array(width);
          for (const [b, dense] of operands) {
            if (dense) u.orDense(b);
            else u.or(b, nz.of(b));
            for (let w = 0; w < width; w++) plain[w]! |= b[w]!;
          }
          for (const o of others) {
            const v = new SparseUnion(width);
            v.or(o, nz.of(o));
            u.orUnion(v);
            for (let w = 0; w < width; w++) plain[w]! |= o[w]!;
          }
          expect([...u.bits]).toEqual([...plain]);
          const touched = u.touched();
          if (touched) {
            expect(touched).toEqual([...touched].sort((a, b) => a - b));
            for (let w = 0; w < width; w++) if (plain[w] !== 0) expect(touched).toContain(w);
          }
          // Cleared, it is empty and sparse again (the matrix reuses unions row after row).
          u.clear();
          expect(u.bits.every((x) => x === 0)).toBe(true);
          expect(u.touched()).toEqual([]);
        },
      ),
      { numRuns: 2000, seed: 24 },
    );
  });

  it('walks only the non-zero words of a sparse operand (a wide, nearly empty bitset stays sparse)', () => {
    const b = new Uint32Array(1000);
    b[3] = 1;
    b[700] = 0x80000000;
    const u = new SparseUnion(1000);
    u.or(b, new NonZeroWords().of(b));
    expect(u.touched()).toEqual([3, 700]);
  });

  it('a pool hands out cleared unions again', () => {
    const pool = new SparseUnionPool(4);
    const a = pool.take();
    a.or(Uint32Array.from([1, 0, 0, 2]), Int32Array.from([0, 3]));
    pool.takeBackAll();
    const b = pool.take();
    expect(b).toBe(a);
    expect([...b.bits]).toEqual([0, 0, 0, 0]);
  });

  it('NonZeroWords remembers the answer per bitset', () => {
    const nz = new NonZeroWords();
    const b = Uint32Array.from([0, 5, 0, 7]);
    expect([...nz.of(b)]).toEqual([1, 3]);
    expect(nz.of(b)).toBe(nz.of(b));
  });
});
