import type { AdminPolicy, AdminRule } from '../model/admin-policy.js';
import type { Direction, NetworkPolicy, Rule } from '../model/policy.js';
import type { ConnectionSet } from '../net/connection-set.js';
import type { Endpoint } from '../engine/endpoint.js';
import type { CalicoVerdict } from './calico-verdict.js';
import type { CiliumVerdict } from './cilium-verdict.js';

/** How one rule of an isolating policy treats one (peer, destination) pair. */
export interface RuleVerdict {
  policy: NetworkPolicy;
  rule: Rule;
  /** Index of the first `from`/`to` item that matches the peer, `'any'` for an absent/empty list, or `null`. */
  matchedPeer: number | 'any' | null;
  /** Why each peer item does not match (empty when one does). */
  peerMisses: string[];
  /** What the rule opens towards this destination (named ports resolved), whatever the peer. */
  ports: ConnectionSet;
  /** How the matched peer matched, when a plugin assumption decided it: `holds the pod's IP 10.0.3.4; assumed: calico`. */
  matchNote?: string;
  /** The peers whose match an assumption about the network plugin decided (docs/cni-profiles.md). */
  assumed?: AssumedPeer[];
}

/** A peer item that matched or missed the pair's pod because of a plugin assumption. */
export interface AssumedPeer {
  peer: number;
  matched: boolean;
  /** `ipBlock`: by the pod's IP `ip`; `hostNetwork`: the pod is node traffic. */
  kind: 'ipBlock' | 'hostNetwork';
  ip?: string;
}

/** How one rule of a cluster-wide policy treats one pair. */
export interface AdminRuleVerdict {
  policy: AdminPolicy;
  rule: AdminRule;
  /** Index of the first peer that matches, or `null`. */
  matchedPeer: number | null;
  peerMisses: string[];
  /** What the rule names towards this destination (named ports resolved). */
  ports: ConnectionSet;
  /** The connections this rule decided for the pair (first match wins; empty when shadowed or not matching). */
  decided: ConnectionSet;
}

/** The cluster-wide tiers on one side, when some policy of theirs applies to the pod. */
export interface TierVerdict {
  admin: AdminRuleVerdict[];
  baseline: AdminRuleVerdict[];
  /** Connections no admin rule allowed or denied: NetworkPolicy's (Pass, or no match). */
  toNetworkPolicy: ConnectionSet;
  /** Connections that reached the baseline tier (NetworkPolicy does not isolate this side). */
  toBaseline: ConnectionSet;
}

/** One side of a connection: the source's egress or the destination's ingress. */
export interface DirectionVerdict {
  direction: Direction;
  /** The pod whose policies decide; `null` when this side is an outside address (nothing restricts it). */
  subject: Endpoint | null;
  /** Policies that select the pod for this direction; none means not isolated. */
  isolatedBy: NetworkPolicy[];
  /** Set when a plugin assumption left the pod out of the policies that select it by labels (a hostNetwork pod). */
  assumed?: { notSelectedBy: NetworkPolicy[]; note: string };
  /** Every rule of those policies. */
  rules: RuleVerdict[];
  /** Cilium's policies on this side, when some act on the pod (they are unioned with NetworkPolicy's rules, and their denies win). */
  cilium?: CiliumVerdict;
  /** Calico's tiers on this side, when the snapshot has Calico objects (they hold NetworkPolicy and the admin policies: `tiers` is then absent). */
  calico?: CalicoVerdict;
  /** Cluster-wide policies that apply to this side, when there are any. */
  tiers?: TierVerdict;
  /** What this side allows: through the tiers when there are cluster-wide policies; else everything when not isolated, or the union of matching rules. */
  allowed: ConnectionSet;
}

export interface Explanation {
  src: Endpoint;
  dst: Endpoint;
  /** A pod talking to itself: always allowed. */
  self: boolean;
  egress: DirectionVerdict;
  ingress: DirectionVerdict;
  /** egress ∩ ingress (everything for self). */
  connections: ConnectionSet;
}
