import { describe, expect, it } from 'vitest';
import { isDns1123Label, isDns1123Subdomain } from '../../../src/load/validation/dns-name.js';

const LABEL_REGEX_MSG = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_REGEX_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const T1 = 'apimachinery validation_test.go TestIsDNS1123Label';
const T2 = 'apimachinery validation_test.go TestIsDNS1123Subdomain';

describe('IsDNS1123Label (apimachinery v0.32 validation.go)', () => {
  it.each([
    ...['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a'.repeat(63)].map((v) => ({ value: v, source: T1 })),
  ])('valid: $value ($source)', ({ value }) => {
    expect(isDns1123Label(value)).toEqual([]);
  });

  it.each([
    ...['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
      '.', 'a.', '.a', '1.', '.1', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2'].map((v) => ({ value: v, errors: [LABEL_REGEX_MSG], source: T1 })),
    { value: 'a.b', errors: ['must not contain dots'], source: `${T1} (a valid subdomain: the "dots" branch)` },
    { value: '1.2', errors: ['must not contain dots'], source: `${T1} (a valid subdomain: the "dots" branch)` },
    { value: 'a'.repeat(64), errors: ['must be no more than 63 characters'], source: `${T1} (64: one over)` },
    { value: `${'a'.repeat(62)}é`, errors: ['must be no more than 63 characters', LABEL_REGEX_MSG], source: 'validation.go len() counts UTF-8 bytes: 62 + 2 = 64' },
    { value: 'café', errors: [LABEL_REGEX_MSG], source: 'validation.go dns1123LabelFmt is ASCII only' },
    { value: 'a\n', errors: [LABEL_REGEX_MSG], source: 'Go regexp $ is end of text (no trailing newline)' },
  ])('invalid: $value → $errors ($source)', ({ value, errors }) => {
    expect(isDns1123Label(value)).toEqual(errors);
  });
});

describe('IsDNS1123Subdomain (apimachinery v0.32 validation.go)', () => {
  it.each([
    'a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2',
    'a.a', 'ab.a', 'abc.a', 'a1.a', 'a-1.a', 'a--1--2--b.a', 'a.1', 'ab.1', 'abc.1', 'a1.1', 'a-1.1', 'a--1--2--b.1',
    '0.a', '01.a', '012.a', '1a.a', '1-a.a', '0.1', '01.1', '012.1', '1a.1', '1-a.1', '1--a--b--2.1',
    'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55', 'a'.repeat(253),
  ].map((value) => ({ value, source: T2 })))('valid: $value ($source)', ({ value }) => {
    expect(isDns1123Subdomain(value)).toEqual([]);
  });

  it.each([
    ...['', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
      '.', 'a.', '.a', 'a..b', '1.', '.1', '1..2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2',
      'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A', 'A.1', 'aB.1', 'A1.1', '1A.1', '0.A', '01.A', '012.A', '1A.a', '1a.A',
      'A.B.C.D.E', 'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee', 'a@b', 'a,b', 'a;b', 'a:b', 'a%b', 'a?b', 'a$b',
    ].map((v) => ({ value: v, errors: [SUBDOMAIN_REGEX_MSG], source: T2 })),
    { value: 'a'.repeat(254), errors: ['must be no more than 253 characters'], source: `${T2} (254: one over)` },
    { value: `${'a.'.repeat(126)}é`, errors: ['must be no more than 253 characters', SUBDOMAIN_REGEX_MSG], source: 'validation.go len() counts UTF-8 bytes: 252 + 2' },
  ])('invalid: $value → $errors ($source)', ({ value, errors }) => {
    expect(isDns1123Subdomain(value)).toEqual(errors);
  });

  it('a 63-byte label inside a subdomain is fine, and labels over 63 are not checked separately (IsDNS1123Subdomain has no per-label limit)', () => {
    expect(isDns1123Subdomain(`${'a'.repeat(64)}.b`)).toEqual([]);
  });
});
