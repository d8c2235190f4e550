import type { FieldError } from './field-error.js';
import { validateNamespaceSpecFinalizer } from './finalizers.js';
import { validateNamespaceName } from './name-funcs.js';
import { validateObjectMeta, type ObjectMetaInput } from './object-meta.js';

/**
 * Namespace, transcribed from Kubernetes 1.32 kubernetes pkg/apis/core/validation/validation.go:
 * ValidateNamespace — metadata (cluster-scoped, name a DNS-1123 label), then each
 * spec.finalizers entry (qualified name, then standard-name rule), all reported at
 * `spec.finalizers` without an index, as Go does.
 */
export interface NamespaceInput {
  metadata: ObjectMetaInput;
  spec?: { finalizers?: string[] };
}

export function validateNamespace(ns: NamespaceInput): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, { namespaced: false, nameFn: validateNamespaceName }, ['metadata']);
  for (const f of ns.spec?.finalizers ?? []) errs.push(...validateNamespaceSpecFinalizer(f, ['spec', 'finalizers']));
  return errs;
}
