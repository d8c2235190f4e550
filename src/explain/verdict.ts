import type { Direction, NetworkPolicy, Rule } from '../model/policy.js';
import type { ConnectionSet } from '../net/connection-set.js';
import type { Endpoint } from '../engine/endpoint.js';

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
}

/** One side of a connection: the source's egress or the destination's ingress. */
export interface DirectionVerdict {
  direction: Direction;
  /** The pod whose policies decide; `null` when this side is an outside address (nothing restricts it). */
  subject: Endpoint | null;
  /** Policies that select the pod for this direction; none means not isolated. */
  isolatedBy: NetworkPolicy[];
  /** Every rule of those policies. */
  rules: RuleVerdict[];
  /** What this side allows: everything when not isolated, else the union of matching rules. */
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
