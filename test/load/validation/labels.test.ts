import { describe, expect, it } from 'vitest';
import { formatFieldPath } from '../../../src/load/validation/field-error.js';
import { isValidLabelValue, validateLabels } from '../../../src/load/validation/labels.js';

const VALUE_REGEX = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const V = 'apimachinery validation_test.go TestIsValidLabelValue';
const L = 'apimachinery meta/v1/validation validation_test.go TestValidateLabels';

describe('IsValidLabelValue (apimachinery v0.32 validation.go)', () => {
  it.each(['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', 'a'.repeat(63), '', 'MiXeD_Case.1']
    .map((value) => ({ value, source: V })))('valid: "$value" ($source)', ({ value }) => {
    expect(isValidLabelValue(value)).toEqual([]);
  });

  it.each([
    { value: 'nospecialchars%^=@', errors: [VALUE_REGEX], source: V },
    { value: 'Tama-nui-te-rā.is.Māori.sun', errors: [VALUE_REGEX], source: V },
    { value: '\\backslashes\\are\\bad', errors: [VALUE_REGEX], source: V },
    { value: '-starts-with-dash', errors: [VALUE_REGEX], source: V },
    { value: 'ends-with-dash-', errors: [VALUE_REGEX], source: V },
    { value: '.starts.with.dot', errors: [VALUE_REGEX], source: V },
    { value: 'ends.with.dot.', errors: [VALUE_REGEX], source: V },
    { value: 'a'.repeat(64), errors: ['must be no more than 63 characters'], source: V },
    { value: `${'a'.repeat(62)}ā`, errors: ['must be no more than 63 characters', VALUE_REGEX], source: 'validation.go len() counts UTF-8 bytes' },
    { value: ' ', errors: [VALUE_REGEX], source: 'validation.go labelValueFmt (no spaces)' },
  ])('invalid: "$value" ($source)', ({ value, errors }) => {
    expect(isValidLabelValue(value)).toEqual(errors);
  });
});

describe('ValidateLabels (apimachinery v0.32 meta/v1/validation)', () => {
  it.each(([
    { simple: 'bar' }, { 'now-with-dashes': 'bar' }, { '1-starts-with-num': 'bar' }, { '1234': 'bar' }, { 'simple/simple': 'bar' },
    { 'now-with-dashes/simple': 'bar' }, { 'now-with-dashes/now-with-dashes': 'bar' }, { 'now.with.dots/simple': 'bar' },
    { 'now-with.dashes-and.dots/simple': 'bar' }, { '1-num.2-num/3-num': 'bar' }, { '1234/5678': 'bar' }, { '1.2.3.4/5678': 'bar' },
    { UpperCaseAreOK123: 'bar' }, { goodvalue: '123_-.BaR' }, { empty: '' },
  ] as Record<string, string>[]).map((labels) => ({ labels, source: L })))('valid: $labels ($source)', ({ labels }) => {
    expect(validateLabels(labels, ['metadata', 'labels'])).toEqual([]);
  });

  it.each([
    { labels: { 'nospecialchars^=@': 'bar' }, message: 'name part must consist of', value: 'nospecialchars^=@', source: L },
    { labels: { 'cantendwithadash-': 'bar' }, message: 'name part must consist of', value: 'cantendwithadash-', source: L },
    { labels: { 'only/one/slash': 'bar' }, message: 'a qualified name must consist of', value: 'only/one/slash', source: L },
    { labels: { ['a'.repeat(254)]: 'bar' }, message: 'must be no more than', value: 'a'.repeat(254), source: L },
    { labels: { toolongvalue: 'a'.repeat(64) }, message: 'must be no more than', value: 'a'.repeat(64), source: L },
    { labels: { backslashesinvalue: 'some\\bad\\value' }, message: 'a valid label must be an empty string or consist of', value: 'some\\bad\\value', source: L },
    { labels: { nocommasallowed: 'bad,value' }, message: 'a valid label must be an empty string or consist of', value: 'bad,value', source: L },
    { labels: { strangecharsinvalue: '?#$notsogood' }, message: 'a valid label must be an empty string or consist of', value: '?#$notsogood', source: L },
    { labels: { 'Example.com/key': 'v' }, message: 'prefix part a lowercase RFC 1123 subdomain', value: 'Example.com/key', source: 'validation.go IsQualifiedName: label key prefixes are not lower-cased (annotations are)' },
  ] as { labels: Record<string, string>; message: string; value: string; source: string }[])('one error at the map path: $message ($source)', ({ labels, message, value }) => {
    const errs = validateLabels(labels, ['metadata', 'labels']);
    expect(errs).toHaveLength(1);
    expect(formatFieldPath(errs[0]!.path)).toBe('metadata.labels');
    expect(errs[0]!.type).toBe('Invalid');
    expect(errs[0]!.value).toBe(value);
    expect(errs[0]!.message).toContain(message);
  });

  it('reports key and value problems of every entry (ValidateLabels loops over all)', () => {
    const errs = validateLabels({ '-a': '-b', ok: 'fine', 'c-': 'x'.repeat(64) }, ['labels']);
    expect(errs.map((e) => e.value)).toEqual(['-a', '-b', 'c-', 'x'.repeat(64)]);
  });
});
