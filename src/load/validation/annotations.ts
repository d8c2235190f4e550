import { tooLong, invalid, type FieldError, type FieldPath } from './field-error.js';
import { byteLength } from './messages.js';
import { isQualifiedName } from './qualified-name.js';

/**
 * Annotations, transcribed from k8s.io/apimachinery/pkg/api/validation/objectmeta.go
 * (v0.32, Kubernetes 1.32): ValidateAnnotations, ValidateAnnotationsSize, TotalAnnotationSizeLimitB.
 */

export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

/** ValidateAnnotationsSize: the sum of the UTF-8 byte lengths of all keys and values. */
export function annotationsSize(annotations: Readonly<Record<string, string>>): number {
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) total += byteLength(k) + byteLength(v);
  return total;
}

/**
 * ValidateAnnotations: each key, lower-cased first (case does not matter), must be a qualified
 * name — the error shows the original key; then one TooLong when the total exceeds 256 KiB
 * (262144 bytes; exactly 262144 is allowed). All errors carry the map's path.
 * Lower-casing uses String.prototype.toLowerCase (Go: strings.ToLower; both only differ on
 * non-ASCII characters, which fail the rule either way).
 */
export function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined, path: FieldPath): FieldError[] {
  const map = annotations ?? {};
  const errs: FieldError[] = [];
  for (const k of Object.keys(map)) {
    errs.push(...isQualifiedName(k.toLowerCase()).map((m) => invalid(path, k, m)));
  }
  if (annotationsSize(map) > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}
