import { describe, expect, it } from 'vitest';
import { TOTAL_ANNOTATION_SIZE_LIMIT_B, validateAnnotations } from '../../../src/load/validation/annotations.js';
import { formatFieldError } from '../../../src/load/validation/field-error.js';

const SRC = 'apimachinery api/validation objectmeta_test.go TestValidateAnnotations';
const LIMIT = TOTAL_ANNOTATION_SIZE_LIMIT_B;

describe('ValidateAnnotations (apimachinery v0.32 objectmeta.go)', () => {
  it('the limit is 256 KiB', () => {
    expect(LIMIT).toBe(262144);
  });

  it.each(([
    { simple: 'bar' }, { 'now-with-dashes': 'bar' }, { '1-starts-with-num': 'bar' }, { '1234': 'bar' }, { 'simple/simple': 'bar' },
    { 'now-with-dashes/simple': 'bar' }, { 'now-with-dashes/now-with-dashes': 'bar' }, { 'now.with.dots/simple': 'bar' },
    { 'now-with.dashes-and.dots/simple': 'bar' }, { '1-num.2-num/3-num': 'bar' }, { '1234/5678': 'bar' }, { '1.2.3.4/5678': 'bar' },
    { UpperCase123: 'bar' }, { a: 'b'.repeat(LIMIT - 1) }, { a: 'b'.repeat(LIMIT / 2 - 1), c: 'd'.repeat(LIMIT / 2 - 1) },
  ] as Record<string, string>[]).map((annotations) => ({ annotations, source: SRC })))('valid #%# ($source)', ({ annotations }) => {
    expect(validateAnnotations(annotations, ['metadata', 'annotations'])).toEqual([]);
  });

  it.each([
    { annotations: { 'Example.COM/Key': 'v' }, source: 'objectmeta.go ValidateAnnotations: keys are lower-cased before IsQualifiedName' },
    { annotations: { 'a-value-can-be-anything': ' {"json": true}\n' }, source: 'objectmeta.go ValidateAnnotations: values are not checked' },
  ] as { annotations: Record<string, string>; source: string }[])('valid: $annotations ($source)', ({ annotations }) => {
    expect(validateAnnotations(annotations, ['metadata', 'annotations'])).toEqual([]);
  });

  it.each([
    { annotations: { 'nospecialchars^=@': 'bar' }, message: 'name part must consist of', source: SRC },
    { annotations: { 'cantendwithadash-': 'bar' }, message: 'name part must consist of', source: SRC },
    { annotations: { 'only/one/slash': 'bar' }, message: 'a qualified name must consist of', source: SRC },
    { annotations: { ['a'.repeat(254)]: 'bar' }, message: 'must be no more than', source: SRC },
  ] as { annotations: Record<string, string>; message: string; source: string }[])('one Invalid at the map path, with the key as written: $message ($source)', ({ annotations, message }) => {
    const errs = validateAnnotations(annotations, ['metadata', 'annotations']);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ path: ['metadata', 'annotations'], type: 'Invalid', value: Object.keys(annotations)[0] });
    expect(errs[0]!.message).toContain(message);
  });

  it('the error value is the original key, not the lower-cased one', () => {
    expect(validateAnnotations({ 'Bad_Key-': 'x' }, ['a'])[0]!.value).toBe('Bad_Key-');
  });

  it.each([
    { annotations: { a: 'b'.repeat(LIMIT) }, source: SRC },
    { annotations: { a: 'b'.repeat(LIMIT / 2), c: 'd'.repeat(LIMIT / 2) }, source: SRC },
    { annotations: { a: 'é'.repeat(LIMIT / 2) }, source: 'objectmeta.go ValidateAnnotationsSize: len() counts UTF-8 bytes (1 + 262144)' },
  ] as { annotations: Record<string, string>; source: string }[])('over the total size → one TooLong ($source)', ({ annotations }) => {
    const errs = validateAnnotations(annotations, ['metadata', 'annotations']);
    expect(errs).toEqual([{ path: ['metadata', 'annotations'], type: 'TooLong', message: 'may not be more than 262144 bytes' }]);
    expect(formatFieldError(errs[0]!)).toBe('metadata.annotations: Too long: may not be more than 262144 bytes');
  });
});
