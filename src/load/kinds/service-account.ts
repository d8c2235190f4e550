import type { ServiceAccount } from '../../model/snapshot.js';
import type { ObjectReader } from '../object-reader.js';

/** A v1 ServiceAccount: its name, namespace and labels (Calico's service account selectors read the labels). */
export function readServiceAccount(r: ObjectReader): ServiceAccount | undefined {
  if (!r.name) {
    r.reportMissingName('; skipped');
    return undefined;
  }
  if (!r.checkName()) return undefined;
  return { name: r.name, namespace: r.namespace, labels: r.labels(['metadata', 'labels']), source: r.at([]) };
}
