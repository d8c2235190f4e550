import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainIsString, resolvePlain } from '../../src/load/go-yaml-scalar.js';

// go-yaml v2 resolve.go: resolveMap spellings (y/yes/on/true…, n/no/off/false…, ~/null, .inf/.nan),
// then numbers for texts hinted by their first character. plainIsString is the allocation-free
// answer for the common case and must never call a typed scalar a string.
describe('plainIsString', () => {
  it.each([
    ['nginx', true],
    ['frontend', true],
    ['tcp', true],
    ['~x', true],
    ['Yes', false],
    ['y', false],
    ['off', false],
    ['~', false],
    ['null', false],
    ['80', false],
    ['.inf', false],
    ['-1', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(plainIsString(text)).toBe(expected);
  });

  it('says string only where resolvePlain reads the text as that same string', () => {
    const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('y', 'Y', 'yes', 'on', 'On', 'off', 'NO', 'n', 'true', 'False', '~', 'null', 'Null', 'nul', 'yess', 'o', 'O', 't', 'f', '.inf', '.NaN'));
    fc.assert(
      fc.property(text, (t) => {
        if (plainIsString(t)) expect(resolvePlain(t)).toEqual({ kind: 'str', value: t });
      }),
      { numRuns: 20_000, seed: 16 },
    );
  });
});
