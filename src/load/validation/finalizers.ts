import { invalid, type FieldError, type FieldPath } from './field-error.js';
import { isQualifiedName } from './qualified-name.js';

/**
 * Finalizer names, transcribed from Kubernetes 1.32:
 * - apimachinery v0.32 pkg/api/validation/objectmeta.go: ValidateFinalizers, ValidateFinalizerName
 * - kubernetes pkg/apis/core/validation/validation.go: validateKubeFinalizerName,
 *   validateFinalizerName (Namespace spec.finalizers); pkg/apis/core/helper: standardFinalizers
 */

export const STANDARD_FINALIZERS: readonly string[] = ['kubernetes', 'orphan', 'foregroundDeletion'];

/** ValidateFinalizerName: a qualified name. */
export function validateFinalizerName(name: string, path: FieldPath): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

/**
 * validateKubeFinalizerName: a name without '/' must be one of the standard finalizers
 * ("kubernetes", "orphan", "foregroundDeletion").
 */
export function validateKubeFinalizerName(name: string, path: FieldPath): FieldError[] {
  if (name.includes('/') || STANDARD_FINALIZERS.includes(name)) return [];
  return [invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified')];
}

/**
 * ValidateFinalizers (metadata.finalizers): each name a qualified name — Go reports these at the
 * list's path, without the index — and "orphan" with "foregroundDeletion" refused together.
 */
export function validateFinalizers(finalizers: readonly string[] | undefined, path: FieldPath): FieldError[] {
  const list = finalizers ?? [];
  const errs = list.flatMap((f) => validateFinalizerName(f, path));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/** Core's validateFinalizerName (Namespace spec.finalizers): qualified name, then the standard-name rule. */
export function validateNamespaceSpecFinalizer(name: string, path: FieldPath): FieldError[] {
  return [...validateFinalizerName(name, path), ...validateKubeFinalizerName(name, path)];
}
