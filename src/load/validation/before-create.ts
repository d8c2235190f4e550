import type { ObjectMetaInput } from './object-meta.js';

/**
 * What the API server does to metadata before validating a create, from Kubernetes 1.32
 * staging/src/k8s.io/apiserver/pkg/registry/rest/create.go (BeforeCreate) and
 * staging/src/k8s.io/apiserver/pkg/storage/names/generate.go (SimpleNameGenerator):
 * - cluster-scoped kinds: metadata.namespace is cleared (so it is never refused);
 * - namespaced kinds: an empty namespace takes the request's namespace (kubectl's context
 *   namespace, "default" unless told otherwise);
 * - an empty name with a generateName becomes generateName cut to 58 bytes (here: UTF-16 units,
 *   the same for ASCII) + 5 random
 *   characters from "bcdfghjklmnpqrstvwxz2456789". Here the suffix is the fixed "xxxxx"
 *   (a valid one) so the result is deterministic.
 * Pure: returns a new object.
 */

export const MAX_GENERATED_NAME_LENGTH = 63 - 5;
export const GENERATED_NAME_SUFFIX = 'xxxxx';

export function generateNameFrom(base: string): string {
  const cut = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base;
  return cut + GENERATED_NAME_SUFFIX;
}

export function prepareForCreate(meta: ObjectMetaInput, namespaced: boolean, requestNamespace = 'default'): ObjectMetaInput {
  const out: ObjectMetaInput = { ...meta };
  if (!namespaced) delete out.namespace;
  else if ((out.namespace ?? '') === '') out.namespace = requestNamespace;
  if ((out.name ?? '') === '' && (out.generateName ?? '') !== '') out.name = generateNameFrom(out.generateName ?? '');
  return out;
}
