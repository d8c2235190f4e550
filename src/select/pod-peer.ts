import type { Labels } from '../model/labels.js';
import type { PodPeer } from '../model/policy.js';
import type { Pod } from '../model/snapshot.js';
import { matchesSelector } from './label-selector.js';

/**
 * Whether a `pods` peer of a policy in `policyNamespace` holds `pod`: no namespaceSelector means
 * the policy's own namespace, no podSelector means every pod there.
 */
export function podPeerHolds(peer: PodPeer, policyNamespace: string, pod: Pod, namespaceLabels: ReadonlyMap<string, Labels>): boolean {
  const inNamespace = peer.namespaceSelector ? matchesSelector(peer.namespaceSelector, namespaceLabels.get(pod.namespace) ?? {}) : pod.namespace === policyNamespace;
  return inNamespace && (!peer.podSelector || matchesSelector(peer.podSelector, pod.labels));
}
