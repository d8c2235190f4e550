import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteChunkBuilder, releaseChunk } from '../../../src/format/matrix/byte-chunk-builder.js';

const decode = (b: Uint8Array): string => new TextDecoder().decode(b);
const text = fc.string({ unit: fc.constantFrom('a', 'é', '→', '\n', '"') });
const piece = fc.oneof(
  text.map((s) => ({ text: s })),
  fc.tuple(text, text).map(([a, b]) => ({ two: [a, b] as const })), // add2: a line's start and end
  fc.oneof(fc.nat(), fc.constantFrom(0, 9, 10, 99, 100, 999_999, 1_000_000, 2 ** 31 - 1)).map((n) => ({ number: n })),
);

describe('ByteChunkBuilder', () => {
  it('hands over, chunk by chunk, exactly the bytes added (one piece or two) and the decimals written, cut only after a piece once a chunk is full', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (pieces, size) => {
        const out = new ByteChunkBuilder(size);
        const chunks: Uint8Array[] = [];
        for (const p of pieces) {
          if ('text' in p) out.add(new TextEncoder().encode(p.text));
          else if ('two' in p) out.add2(new TextEncoder().encode(p.two[0]), new TextEncoder().encode(p.two[1]));
          else out.addDecimal(p.number);
          if (out.full) chunks.push(out.take());
        }
        const last = out.take();
        if (last.length > 0) chunks.push(last);
        expect(chunks.map(decode).join('')).toBe(pieces.map((p) => ('text' in p ? p.text : 'two' in p ? p.two.join('') : String(p.number))).join(''));
        // No chunk but the last is under the size; none is empty.
        chunks.slice(0, -1).forEach((c) => expect(c.length).toBeGreaterThanOrEqual(size));
        chunks.forEach((c) => expect(c.length).toBeGreaterThan(0));
      }),
    );
  });

  it('gives every chunk a buffer of its own (a pipe may still hold the last one) and grows for a piece longer than the room left', () => {
    const out = new ByteChunkBuilder(4);
    out.add(new TextEncoder().encode('abc'));
    out.add(new TextEncoder().encode('x'.repeat(5000)));
    const first = out.take();
    out.add(new TextEncoder().encode('zzzz'));
    const second = out.take();
    expect(decode(first)).toBe(`abc${'x'.repeat(5000)}`);
    expect(decode(second)).toBe('zzzz');
    expect(out.take().length).toBe(0);
    out.add(new TextEncoder().encode('ab'));
    out.add2(new TextEncoder().encode('cd'), new TextEncoder().encode('y'.repeat(3000))); // two pieces past the room left
    expect(decode(out.take())).toBe(`abcd${'y'.repeat(3000)}`);
  });

  it('fills a buffer again only once its chunk was given back, and never hands one buffer to two chunks alive at once', () => {
    // A model of a writer: some chunks are written at once and given back (a file), others kept
    // (a pipe still holding them, a test collecting them). A kept chunk's bytes must never change,
    // whatever is made after it; a chunk given back twice, or one not made by a builder, is ignored.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('keep', 'release', 'release twice', 'foreign')), { minLength: 1, maxLength: 40 }), (steps) => {
        const a = new ByteChunkBuilder(8);
        const b = new ByteChunkBuilder(8); // a second builder draws from the same buffers given back
        const kept: { chunk: Uint8Array; text: string }[] = [];
        steps.forEach(([text, what], i) => {
          const out = i % 2 === 0 ? a : b;
          out.add(new TextEncoder().encode(text));
          const chunk = out.take();
          expect(decode(chunk)).toBe(text);
          if (what === 'keep') kept.push({ chunk, text });
          else if (what === 'release') releaseChunk(chunk);
          else if (what === 'release twice') {
            releaseChunk(chunk);
            releaseChunk(chunk);
          } else releaseChunk(new Uint8Array(chunk)); // a copy: not a builder's buffer
          for (const k of kept) expect(decode(k.chunk)).toBe(k.text);
        });
        const buffers = kept.map((k) => k.chunk.buffer);
        expect(new Set(buffers).size).toBe(buffers.length);
      }),
    );
  });

  it('a chunk given back is where a later chunk is made (the memory is used again)', () => {
    const out = new ByteChunkBuilder(8);
    out.add(new TextEncoder().encode('first chunk'));
    const first = out.take(); // the builder moves on to a second buffer
    releaseChunk(first);
    out.add(new TextEncoder().encode('second chunk'));
    out.take(); // handed over: the builder moves on to the buffer given back
    out.add(new TextEncoder().encode('third chunk'));
    const third = out.take();
    expect(third.buffer).toBe(first.buffer);
    expect(decode(third)).toBe('third chunk');
  });
});
