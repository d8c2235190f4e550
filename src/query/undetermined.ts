import type { Endpoint } from '../engine/endpoint.js';
import type { Snapshot } from '../model/snapshot.js';
import type { UnmodelledObject } from '../model/unmodelled.js';

/**
 * The policies netpol-check does not evaluate that may select this pair's source (for egress)
 * or destination (for ingress): a plugin's namespaced policy may select any pod of its
 * namespace, a cluster-wide one any pod. Empty: NetworkPolicy and admin network policies alone
 * decide the pair.
 */
export function undeterminedBy(snapshot: Snapshot, src: Endpoint, dst: Endpoint): UnmodelledObject[] {
  const policies = snapshot.unmodelled?.filter((u) => u.effect === 'policy');
  if (!policies?.length) return [];
  const mayselect = (e: Endpoint, u: UnmodelledObject): boolean => e.kind === 'pod' && (u.namespace === undefined || u.namespace === e.pod.namespace);
  return policies.filter((u) => mayselect(src, u) || mayselect(dst, u));
}

export function describeUnmodelled(u: UnmodelledObject): string {
  return `${u.kind} ${u.namespace !== undefined ? `${u.namespace}/` : ''}${u.name}`;
}
