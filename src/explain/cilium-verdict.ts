import type { CiliumPolicy, CiliumRule } from '../model/cilium-policy.js';
import type { ConnectionSet } from '../net/connection-set.js';

/** How one Cilium rule treats one pair. */
export interface CiliumRuleVerdict {
  policy: CiliumPolicy;
  rule: CiliumRule;
  /** Index of the first peer that matches, `'any'` for an L4-only rule, or `null`. */
  matchedPeer: number | 'any' | null;
  /** Why each peer does not match (empty when one does). */
  peerMisses: string[];
  /** What the rule names towards this destination (named ports resolved), whatever the peer. */
  ports: ConnectionSet;
}

/** Cilium's policies on one side of a pair, when some of them act on the pod in that direction. */
export interface CiliumVerdict {
  /** The Cilium policies that select the pod and act in this direction. */
  selectedBy: CiliumPolicy[];
  /** Whether the pod is in default deny: a NetworkPolicy isolates it, or one of `defaultDenyBy` enables it. */
  defaultDeny: boolean;
  defaultDenyBy: CiliumPolicy[];
  /** Every rule of those policies for this direction, allow and deny. */
  rules: CiliumRuleVerdict[];
  /** What the matching deny rules drop (they take precedence over every allow). */
  denied: ConnectionSet;
}
