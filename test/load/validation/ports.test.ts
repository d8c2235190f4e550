import { describe, expect, it } from 'vitest';
import { isValidPortName, isValidPortNum } from '../../../src/load/validation/ports.js';

const NUM = 'apimachinery validation_test.go TestIsValidPortNum';
const NAME = 'apimachinery validation_test.go TestIsValidPortName';
const CHARSET = 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)';
const LETTER = 'must contain at least one letter (a-z)';
const DOUBLE = 'must not contain consecutive hyphens';
const ENDS = 'must not begin or end with a hyphen';

describe('IsValidPortNum (apimachinery v0.32 validation.go)', () => {
  it.each([1, 2, 1000, 16384, 32768, 65535].map((port) => ({ port, source: NUM })))('valid: $port ($source)', ({ port }) => {
    expect(isValidPortNum(port)).toEqual([]);
  });
  it.each([0, -1, 65536, 100000, 123456789].map((port) => ({ port, source: NUM })))('invalid: $port ($source)', ({ port }) => {
    expect(isValidPortNum(port)).toEqual(['must be between 1 and 65535, inclusive']);
  });
  it('a non-integer fails the range check (Go never sees one: int32 decoding refuses it)', () => {
    expect(isValidPortNum(80.5)).toEqual(['must be between 1 and 65535, inclusive']);
  });
});

describe('IsValidPortName (apimachinery v0.32 validation.go)', () => {
  it.each(['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3', 'a'.repeat(15)]
    .map((name) => ({ name, source: NAME })))('valid: $name ($source)', ({ name }) => {
    expect(isValidPortName(name)).toEqual([]);
  });
  it.each([
    { name: 'longerthan15characters', errors: ['must be no more than 15 characters'], source: NAME },
    { name: '', errors: [CHARSET, LETTER], source: NAME },
    { name: 'a'.repeat(16), errors: ['must be no more than 15 characters'], source: NAME },
    { name: '12345', errors: [LETTER], source: NAME },
    { name: '1-2-3-4', errors: [LETTER], source: NAME },
    { name: '-begin', errors: [ENDS], source: NAME },
    { name: 'end-', errors: [ENDS], source: NAME },
    { name: 'two--hyphens', errors: [DOUBLE], source: NAME },
    { name: 'whois++', errors: [CHARSET], source: NAME },
    { name: 'HTTP', errors: [CHARSET, LETTER], source: 'validation.go IsValidPortName: lower case only' },
    { name: '80', errors: [LETTER], source: 'networking ValidateNetworkPolicyPort: a quoted number is a (bad) name' },
    { name: '--', errors: [LETTER, DOUBLE, ENDS], source: 'validation.go IsValidPortName: every rule is reported' },
  ])('invalid: "$name" → $errors ($source)', ({ name, errors }) => {
    expect(isValidPortName(name)).toEqual(errors);
  });
});
