import type { NetworkPolicy, Peer } from '../model/policy.js';
import { formatSelector } from './label-selector.js';

/** A peer item in words. */
export function describePeer(policy: NetworkPolicy, peer: Peer): string {
  if (peer.kind === 'ipBlock') {
    return `ipBlock ${peer.cidr.text}${peer.except.length ? ` except ${peer.except.map((c) => c.text).join(', ')}` : ''}`;
  }
  const ns = peer.namespaceSelector ? `namespaces ${formatSelector(peer.namespaceSelector)}` : `namespace ${policy.namespace}`;
  const pods = peer.podSelector ? `pods ${formatSelector(peer.podSelector)}` : 'all pods';
  return `${pods} in ${ns}`;
}
