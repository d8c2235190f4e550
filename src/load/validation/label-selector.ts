import { forbidden, invalid, required, type FieldError, type FieldPath } from './field-error.js';
import { isValidLabelValue, validateLabelName, validateLabels } from './labels.js';

/**
 * Label selectors, transcribed from k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go
 * (v0.32, Kubernetes 1.32): ValidateLabelSelector, ValidateLabelSelectorRequirement.
 */

export interface LabelSelectorRequirementInput {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelectorInput {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirementInput[];
}

export interface LabelSelectorValidationOptions {
  /** Go's AllowInvalidLabelValueInSelector; false on create (NetworkPolicy sets it only for updates of already-invalid objects). */
  allowInvalidLabelValueInSelector?: boolean;
}

const OPERATORS_WITH_VALUES = new Set(['In', 'NotIn']);
const OPERATORS_WITHOUT_VALUES = new Set(['Exists', 'DoesNotExist']);

/**
 * ValidateLabelSelectorRequirement, in Go's order: operator/values rule, then the key, then
 * each value (unless invalid values are allowed). Operators are case-sensitive ("in" is invalid).
 */
export function validateLabelSelectorRequirement(
  req: LabelSelectorRequirementInput,
  path: FieldPath,
  opts: LabelSelectorValidationOptions = {},
): FieldError[] {
  const errs: FieldError[] = [];
  const values = req.values ?? [];
  if (OPERATORS_WITH_VALUES.has(req.operator)) {
    if (values.length === 0) errs.push(required([...path, 'values'], "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (OPERATORS_WITHOUT_VALUES.has(req.operator)) {
    if (values.length > 0) errs.push(forbidden([...path, 'values'], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  } else {
    errs.push(invalid([...path, 'operator'], req.operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(req.key, [...path, 'key']));
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((v, i) => errs.push(...isValidLabelValue(v).map((m) => invalid([...path, 'values', i], v, m))));
  }
  return errs;
}

/**
 * ValidateLabelSelector: nothing to check for an absent selector; matchLabels as labels (errors
 * at `…matchLabels`), each expression at `…matchExpressions[i]`.
 */
export function validateLabelSelector(
  selector: LabelSelectorInput | undefined,
  path: FieldPath,
  opts: LabelSelectorValidationOptions = {},
): FieldError[] {
  if (selector === undefined) return [];
  const errs = validateLabels(selector.matchLabels, [...path, 'matchLabels']);
  (selector.matchExpressions ?? []).forEach((req, i) => {
    errs.push(...validateLabelSelectorRequirement(req, [...path, 'matchExpressions', i], opts));
  });
  return errs;
}
