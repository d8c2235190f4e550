import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteChunkBuilder } from '../../../src/format/matrix/byte-chunk-builder.js';

const decode = (b: Uint8Array): string => new TextDecoder().decode(b);
const piece = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'é', '→', '\n', '"') }).map((s) => ({ text: s })),
  fc.oneof(fc.nat(), fc.constantFrom(0, 9, 10, 99, 100, 999_999, 1_000_000, 2 ** 31 - 1)).map((n) => ({ number: n })),
);

describe('ByteChunkBuilder', () => {
  it('hands over, chunk by chunk, exactly the bytes added and the decimals written, cut only after a piece once a chunk is full', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (pieces, size) => {
        const out = new ByteChunkBuilder(size);
        const chunks: Uint8Array[] = [];
        for (const p of pieces) {
          if ('text' in p) out.add(new TextEncoder().encode(p.text));
          else out.addDecimal(p.number);
          if (out.full) chunks.push(out.take());
        }
        const last = out.take();
        if (last.length > 0) chunks.push(last);
        expect(chunks.map(decode).join('')).toBe(pieces.map((p) => ('text' in p ? p.text : String(p.number))).join(''));
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
  });
});
