import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skipValue } from '../../src/load/json-positions.js';

/**
 * skipValue (src/load/json-positions.ts) finds where a JSON value ends without parsing it (the
 * items of a big list are cut with it): for any value as JSON.stringify writes it, compact or
 * indented, and followed by more text, it must end exactly where the value's text ends —
 * brackets and escaped quotes inside strings included.
 */
const tricky = fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', 'a', ' ', '\n', 'é') });
const value = fc.oneof(fc.jsonValue(), fc.dictionary(tricky, fc.oneof(tricky, fc.jsonValue())), fc.array(tricky));

describe('skipValue', () => {
  it('ends where the value ends, whatever its strings hold', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(undefined, 2, 4, '\t'), fc.constantFrom('', ',', ' ,"next": [1]', '\n]'), (v, indent, after) => {
        const text = JSON.stringify(v, null, indent);
        expect(skipValue(`${text}${after}`, 0)).toBe(text.length);
        // And from inside a container, as a list item is cut.
        expect(skipValue(`[ ${text}${after}`, 2)).toBe(2 + text.length);
      }),
      { numRuns: 2000 },
    );
  });
});
