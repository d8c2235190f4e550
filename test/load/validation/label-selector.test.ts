import { describe, expect, it } from 'vitest';
import { formatFieldPath, type FieldError } from '../../../src/load/validation/field-error.js';
import { validateLabelSelector, type LabelSelectorInput } from '../../../src/load/validation/label-selector.js';

const T = 'apimachinery meta/v1/validation validation_test.go TestLabelSelectorMatchExpression';
const R = 'apimachinery meta/v1/validation validation.go ValidateLabelSelectorRequirement';
const brief = (errs: FieldError[]) => errs.map((e) => [formatFieldPath(e.path), e.type]);

describe('ValidateLabelSelector (apimachinery v0.32, AllowInvalidLabelValueInSelector=false)', () => {
  it.each([
    { selector: undefined, source: 'validation.go ValidateLabelSelector: nil selector' },
    { selector: {}, source: 'validation.go ValidateLabelSelector: empty selector' },
    { selector: { matchExpressions: [{ key: 'key', operator: 'In', values: ['value'] }] }, source: T },
    { selector: { matchExpressions: [{ key: 'key', operator: 'NotIn', values: [''] }] }, source: `${R} (an empty value is a valid label value)` },
    { selector: { matchExpressions: [{ key: 'k', operator: 'Exists' }, { key: 'k', operator: 'DoesNotExist', values: [] }] }, source: R },
    { selector: { matchLabels: { 'example.com/a': 'b' } }, source: 'validation.go ValidateLabels' },
  ] as { selector: LabelSelectorInput | undefined; source: string }[])('valid: $selector ($source)', ({ selector }) => {
    expect(validateLabelSelector(selector, ['labelSelector'])).toEqual([]);
  });

  it.each([
    { selector: { matchExpressions: [{ key: '-key', operator: 'In', values: ['value'] }] }, errors: [['labelSelector.matchExpressions[0].key', 'Invalid']], message: 'name part must consist of alphanumeric characters', source: T },
    { selector: { matchExpressions: [{ key: 'key', operator: 'abc', values: ['value'] }] }, errors: [['labelSelector.matchExpressions[0].operator', 'Invalid']], message: 'not a valid selector operator', source: T },
    { selector: { matchExpressions: [{ key: 'key', operator: 'In', values: ['-value'] }] }, errors: [['labelSelector.matchExpressions[0].values[0]', 'Invalid']], message: 'a valid label must be an empty string or consist of', source: T },
    { selector: { matchExpressions: [{ key: 'key', operator: 'in', values: ['v'] }] }, errors: [['labelSelector.matchExpressions[0].operator', 'Invalid']], message: 'not a valid selector operator', source: `${R} (operators are case-sensitive)` },
    { selector: { matchExpressions: [{ key: 'key', operator: 'In' }] }, errors: [['labelSelector.matchExpressions[0].values', 'Required']], message: "must be specified when `operator` is 'In' or 'NotIn'", source: R },
    { selector: { matchExpressions: [{ key: 'key', operator: 'NotIn', values: [] }] }, errors: [['labelSelector.matchExpressions[0].values', 'Required']], message: "must be specified when `operator` is 'In' or 'NotIn'", source: R },
    { selector: { matchExpressions: [{ key: 'key', operator: 'Exists', values: ['x'] }] }, errors: [['labelSelector.matchExpressions[0].values', 'Forbidden']], message: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'", source: R },
    { selector: { matchExpressions: [{ key: 'key', operator: 'DoesNotExist', values: ['x'] }] }, errors: [['labelSelector.matchExpressions[0].values', 'Forbidden']], message: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'", source: R },
    { selector: { matchLabels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'b' } }, errors: [['labelSelector.matchLabels', 'Invalid']], message: 'name part must consist of', source: 'networking validation_test.go TestValidateNetworkPolicy invalidSelector' },
    { selector: { matchLabels: { a: 'b' }, matchExpressions: [{ key: '', operator: 'Exists' }] }, errors: [['labelSelector.matchExpressions[0].key', 'Invalid'], ['labelSelector.matchExpressions[0].key', 'Invalid']], message: 'name part must be non-empty', source: `${R} (empty key: the non-empty and the regex message)` },
  ] as { selector: LabelSelectorInput; errors: string[][]; message: string; source: string }[])('invalid: $message ($source)', ({ selector, errors, message }) => {
    const errs = validateLabelSelector(selector, ['labelSelector']);
    expect(brief(errs)).toEqual(errors);
    expect(errs[0]!.message).toContain(message);
  });

  it('checks in Go order: operator, key, then values (all reported)', () => {
    const errs = validateLabelSelector({ matchExpressions: [{ key: '-k', operator: 'Bad', values: ['-v', 'ok', 'x'.repeat(64)] }] }, ['s']);
    expect(brief(errs)).toEqual([
      ['s.matchExpressions[0].operator', 'Invalid'],
      ['s.matchExpressions[0].key', 'Invalid'],
      ['s.matchExpressions[0].values[0]', 'Invalid'],
      ['s.matchExpressions[0].values[2]', 'Invalid'],
    ]);
  });

  it('AllowInvalidLabelValueInSelector=true skips only the value check', () => {
    const selector = { matchExpressions: [{ key: 'k', operator: 'In', values: ['-v'] }] };
    expect(validateLabelSelector(selector, ['s'], { allowInvalidLabelValueInSelector: true })).toEqual([]);
    expect(validateLabelSelector(selector, ['s'])).toHaveLength(1);
  });
});
