import { rememberValid } from './known-valid.js';
import { invalid, type FieldError, type FieldPath } from './field-error.js';
import { byteLength, maxLenError, regexError } from './messages.js';
import { QUALIFIED_NAME_FMT, isQualifiedName } from './qualified-name.js';

/**
 * Label keys and values, transcribed from Kubernetes 1.32 (apimachinery v0.32):
 * - pkg/util/validation/validation.go: IsValidLabelValue
 * - pkg/apis/meta/v1/validation/validation.go: ValidateLabelName, ValidateLabels
 */

export const LABEL_VALUE_MAX_LENGTH = 63;
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`;
const LABEL_VALUE_ERR = 'a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character';
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);

/** IsValidLabelValue: empty, or at most 63 bytes of [A-Za-z0-9-_.] with alphanumeric ends. */
export const isValidLabelValue = rememberValid(function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!LABEL_VALUE_RE.test(value)) errs.push(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
});

/** ValidateLabelName: the key must be a qualified name; one Invalid error per problem. */
export function validateLabelName(key: string, path: FieldPath): FieldError[] {
  return isQualifiedName(key).map((m) => invalid(path, key, m));
}

/**
 * ValidateLabels: every key a qualified name, every value a label value. As in Go, all errors
 * carry the path of the map itself (e.g. `metadata.labels`), not of the entry.
 */
export function validateLabels(labels: Readonly<Record<string, string>> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    errs.push(...isValidLabelValue(v).map((m) => invalid(path, v, m)));
  }
  return errs;
}
