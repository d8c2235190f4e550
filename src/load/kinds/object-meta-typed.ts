import type { ObjectMetaInput } from '../validation/index.js';
import { field, str, stringMap, strings } from './go-zero-values.js';

/** metadata as the API server's decoding types it (null is absent; null label values are ""). */
export function typedObjectMeta(meta: unknown): ObjectMetaInput {
  const out: ObjectMetaInput = {};
  const name = str(field(meta, 'name'));
  const generateName = str(field(meta, 'generateName'));
  const namespace = str(field(meta, 'namespace'));
  const labels = stringMap(field(meta, 'labels'));
  const annotations = stringMap(field(meta, 'annotations'));
  const finalizers = strings(field(meta, 'finalizers'));
  if (name !== undefined) out.name = name;
  if (generateName !== undefined) out.generateName = generateName;
  if (namespace !== undefined) out.namespace = namespace;
  if (labels) out.labels = labels;
  if (annotations) out.annotations = annotations;
  if (finalizers) out.finalizers = finalizers;
  return out;
}
