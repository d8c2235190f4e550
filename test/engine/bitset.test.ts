import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { andInto, Bitset, forEachSetBit, orInto, popcount, setBits, wordsFor } from '../../src/engine/bitset.js';

describe('Bitset', () => {
  it.each([0, 1, 31, 32, 33, 64, 65, 100])('full(%i) has exactly that many bits', (n) => {
    const b = Bitset.full(n);
    expect(b.count()).toBe(n);
    expect([...b.indices()]).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(b.words.length).toBe(wordsFor(n));
  });

  it('set, has, and, or, clone, isEmpty', () => {
    const a = Bitset.of(70, [0, 31, 32, 69]);
    const b = Bitset.of(70, [31, 40, 69]);
    expect([0, 31, 32, 69].every((i) => a.has(i))).toBe(true);
    expect(a.has(1) || a.has(33) || a.has(68)).toBe(false);
    expect([...a.and(b).indices()]).toEqual([31, 69]);
    expect([...a.indices()]).toEqual([0, 31, 32, 69]); // and() leaves a alone
    const c = a.clone().orWith(b);
    expect([...c.indices()]).toEqual([0, 31, 32, 40, 69]);
    expect([...a.indices()]).toEqual([0, 31, 32, 69]); // clone() copied
    expect(new Bitset(70).isEmpty()).toBe(true);
    expect(a.isEmpty()).toBe(false);
    expect(Bitset.of(70, [69]).isEmpty()).toBe(false);
  });

  it('word operations', () => {
    const t = new Uint32Array([0b1100, 0xffffffff]);
    andInto(t, new Uint32Array([0b0110, 1]));
    expect([...t]).toEqual([0b0100, 1]);
    orInto(t, new Uint32Array([1, 0x80000000]));
    expect([...t]).toEqual([0b0101, 0x80000001]);
  });

  it.each([0, 1, 0xff, 0x80000000, 0xffffffff, 0x55555555, 0x12345678])('popcount(%i)', (x) => {
    expect(popcount(x)).toBe(x.toString(2).split('').filter((c) => c === '1').length);
  });

  it('forEachSetBit visits what setBits yields, in the same order (bit 31 and full words included)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(0, 0x80000000, 0xffffffff, 1), fc.integer({ min: 0, max: 0xffffffff })), { maxLength: 8 }), (ws) => {
        const words = Uint32Array.from(ws);
        const seen: number[] = [];
        forEachSetBit(words, (i) => seen.push(i));
        expect(seen).toEqual([...setBits(words)]);
      }),
      { numRuns: 2000, seed: 24 },
    );
  });

  it('forEachSetBit from an index visits the set bits at or after it, and only those', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(0, 0x80000000, 0xffffffff, 1), fc.integer({ min: 0, max: 0xffffffff })), { maxLength: 6 }), fc.nat(200), (ws, from) => {
        const words = Uint32Array.from(ws);
        const seen: number[] = [];
        forEachSetBit(words, (i) => seen.push(i), from);
        expect(seen).toEqual([...setBits(words)].filter((i) => i >= from));
      }),
      { numRuns: 2000, seed: 25 },
    );
    // Bit 31 and bit 32 on either side of a word's edge.
    const seen: number[] = [];
    forEachSetBit(new Uint32Array([0xffffffff, 1]), (i) => seen.push(i), 31);
    expect(seen).toEqual([31, 32]);
  });

  it('setBits in order across words', () => {
    expect([...setBits(new Uint32Array([0x80000001, 0, 5]))]).toEqual([0, 31, 64, 66]);
  });
});
