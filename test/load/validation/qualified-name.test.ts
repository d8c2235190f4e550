import { describe, expect, it } from 'vitest';
import { isQualifiedName } from '../../../src/load/validation/qualified-name.js';

const SRC = 'apimachinery validation_test.go TestIsQualifiedName';
const NAME_REGEX = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const SLASHES = "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";

describe('IsQualifiedName (apimachinery v0.32 validation.go)', () => {
  it.each([
    'simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple',
    'now-with-dashes/now-with-dashes', 'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num',
    '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123', 'example.com/Uppercase_Is_OK_123', 'requests.storage-foo',
    'a'.repeat(63), `${'a'.repeat(253)}/${'b'.repeat(63)}`,
  ].map((value) => ({ value, source: SRC })))('valid: $value ($source)', ({ value }) => {
    expect(isQualifiedName(value)).toEqual([]);
  });

  it.each([
    { value: 'nospecialchars%^=@', errors: [NAME_REGEX], source: SRC },
    { value: 'cantendwithadash-', errors: [NAME_REGEX], source: SRC },
    { value: '-cantstartwithadash-', errors: [NAME_REGEX], source: SRC },
    { value: 'only/one/slash', errors: [SLASHES], source: SRC },
    { value: 'Example.com/abc', errors: [expect.stringMatching(/^prefix part a lowercase RFC 1123 subdomain must consist of/)], source: SRC },
    { value: 'example_com/abc', errors: [expect.stringMatching(/^prefix part a lowercase RFC 1123 subdomain/)], source: SRC },
    { value: 'example.com/', errors: ['name part must be non-empty', NAME_REGEX], source: `${SRC} (empty name: both the empty and the regex message)` },
    { value: '/simple', errors: ['prefix part must be non-empty'], source: SRC },
    { value: 'a'.repeat(64), errors: ['name part must be no more than 63 characters'], source: SRC },
    { value: `${'a'.repeat(254)}/abc`, errors: ['prefix part must be no more than 253 characters'], source: SRC },
    { value: '', errors: ['name part must be non-empty', NAME_REGEX], source: 'validation.go IsQualifiedName: empty name' },
    { value: `${'a'.repeat(62)}é`, errors: ['name part must be no more than 63 characters', NAME_REGEX], source: 'validation.go len() counts bytes; ASCII-only regex' },
    { value: 'ünïcode', errors: [NAME_REGEX], source: 'validation.go qnameCharFmt is ASCII only' },
  ])('invalid: $value ($source)', ({ value, errors }) => {
    expect(isQualifiedName(value)).toEqual(errors);
  });
});
