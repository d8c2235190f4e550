import { forbidden, invalid, required, type FieldError, type FieldPath } from './field-error.js';
import { validateAnnotations } from './annotations.js';
import { validateFinalizers, validateKubeFinalizerName } from './finalizers.js';
import { validateLabels } from './labels.js';
import { validateNamespaceName, type ValidateNameFunc } from './name-funcs.js';

/**
 * Object metadata on create, transcribed from Kubernetes 1.32:
 * - apimachinery v0.32 pkg/api/validation/objectmeta.go: ValidateObjectMetaAccessor
 * - kubernetes pkg/apis/core/validation/validation.go: ValidateObjectMeta (the wrapper every
 *   built-in kind uses; it adds validateKubeFinalizerName per metadata.finalizers[i])
 *
 * Covered: generateName, name, namespace, generation, labels, annotations, finalizers.
 * Not covered: ownerReferences, managedFields.
 *
 * This is the validation step only. Before it, the API server's create path (rest.BeforeCreate)
 * fills a missing namespace from the request, clears the namespace of cluster-scoped kinds and
 * generates a name from generateName: see `prepareForCreate`.
 */

export interface ObjectMetaInput {
  name?: string;
  generateName?: string;
  namespace?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
}

export interface ObjectMetaRules {
  /** true for namespaced kinds (Pod, NetworkPolicy), false for cluster-scoped (Namespace). */
  namespaced: boolean;
  /** The kind's name function, e.g. validatePodName. */
  nameFn: ValidateNameFunc;
}

/**
 * ValidateObjectMeta, in Go's order: generateName (as a prefix), name (Required "name or
 * generateName is required" when empty — name generation is assumed done), namespace (Required
 * and a DNS-1123 label for namespaced kinds; Forbidden "not allowed on this type" otherwise),
 * generation ≥ 0, labels, annotations, finalizers.
 */
export function validateObjectMeta(meta: ObjectMetaInput, rules: ObjectMetaRules, path: FieldPath = ['metadata']): FieldError[] {
  const errs: FieldError[] = [];
  const generateName = meta.generateName ?? '';
  if (generateName.length > 0) {
    errs.push(...rules.nameFn(generateName, true).map((m) => invalid([...path, 'generateName'], generateName, m)));
  }
  const name = meta.name ?? '';
  if (name.length === 0) errs.push(required([...path, 'name'], 'name or generateName is required'));
  else errs.push(...rules.nameFn(name, false).map((m) => invalid([...path, 'name'], name, m)));

  const namespace = meta.namespace ?? '';
  if (rules.namespaced) {
    if (namespace.length === 0) errs.push(required([...path, 'namespace'], ''));
    else errs.push(...validateNamespaceName(namespace, false).map((m) => invalid([...path, 'namespace'], namespace, m)));
  } else if (namespace.length > 0) {
    errs.push(forbidden([...path, 'namespace'], 'not allowed on this type'));
  }

  if (meta.generation !== undefined && meta.generation < 0) {
    errs.push(invalid([...path, 'generation'], meta.generation, 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabels(meta.labels, [...path, 'labels']));
  errs.push(...validateAnnotations(meta.annotations, [...path, 'annotations']));
  errs.push(...validateFinalizers(meta.finalizers, [...path, 'finalizers']));
  (meta.finalizers ?? []).forEach((f, i) => errs.push(...validateKubeFinalizerName(f, [...path, 'finalizers', i])));
  return errs;
}
