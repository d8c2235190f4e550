import { adminPolicyRef, type AdminPolicy, type AdminRule } from '../../model/admin-policy.js';
import type { NetworkPolicy, Peer, Rule } from '../../model/policy.js';
import { formatSource } from '../../model/source.js';
import { formatSelector } from '../../select/label-selector.js';

/** `shop/api (policies.yaml:58)` */
export function policyRef(p: NetworkPolicy): string {
  if (p.synthesized) return `${p.namespace}/${p.name} (no such object: it ${p.synthesized}, ${formatSource(p.source)})`;
  return `${p.namespace}/${p.name} (${formatSource(p.source)})`;
}

/** `AdminNetworkPolicy deny-x (priority 10) ingress rule 0 "name"` */
export function adminRuleRef(p: AdminPolicy, r: AdminRule): string {
  return `${adminPolicyRef(p)} ${r.direction} rule ${r.index}${r.name ? ` ${JSON.stringify(r.name)}` : ''}`;
}

/** `shop/api egress rule 0 (policies.yaml:66)` */
export function ruleRef(p: NetworkPolicy, r: Rule): string {
  return `${p.namespace}/${p.name} ${r.direction} rule ${r.index} (${formatSource(r.source)})`;
}

/** A peer item in words. */
export function describePeer(policy: NetworkPolicy, peer: Peer): string {
  if (peer.kind === 'ipBlock') {
    return `ipBlock ${peer.cidr.text}${peer.except.length ? ` except ${peer.except.map((c) => c.text).join(', ')}` : ''}`;
  }
  const ns = peer.namespaceSelector ? `namespaces ${formatSelector(peer.namespaceSelector)}` : `namespace ${policy.namespace}`;
  const pods = peer.podSelector ? `pods ${formatSelector(peer.podSelector)}` : 'all pods';
  return `${pods} in ${ns}`;
}
