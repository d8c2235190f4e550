// Admin rules and peers are named by model/admin-policy.ts and select/describe-peer.ts (lint and diff name them too).
export { adminRuleRef } from '../../model/admin-policy.js';
export { describePeer } from '../../select/describe-peer.js';
import type { NetworkPolicy, Rule } from '../../model/policy.js';
import { formatSource } from '../../model/source.js';

/** `shop/api (policies.yaml:58)` */
export function policyRef(p: NetworkPolicy): string {
  if (p.synthesized) return `${p.namespace}/${p.name} (no such object: it ${p.synthesized}, ${formatSource(p.source)})`;
  return `${p.namespace}/${p.name} (${formatSource(p.source)})`;
}

/** `shop/api egress rule 0 (policies.yaml:66)` */
export function ruleRef(p: NetworkPolicy, r: Rule): string {
  return `${p.namespace}/${p.name} ${r.direction} rule ${r.index} (${formatSource(r.source)})`;
}
