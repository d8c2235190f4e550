import type { Namespace } from '../../model/snapshot.js';
import type { ObjectReader } from '../object-reader.js';

export const NAME_LABEL = 'kubernetes.io/metadata.name';

export function readNamespace(r: ObjectReader): Namespace | undefined {
  if (!r.name) {
    r.report('error', ['metadata'], 'missing-name', 'Namespace has no metadata.name; skipped');
    return undefined;
  }
  if (!r.checkName()) return undefined;
  const labels = { ...r.labels(['metadata', 'labels']), [NAME_LABEL]: r.name };
  return { name: r.name, labels, annotations: r.stringMap(['metadata', 'annotations']), implicit: false, source: r.at([]) };
}
