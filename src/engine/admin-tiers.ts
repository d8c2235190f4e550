import type { AdminAction } from '../model/admin-policy.js';
import { ConnectionSet } from '../net/connection-set.js';

/** Union, intersection and difference over some representation of connection sets. */
export interface SetAlgebra<T> {
  none: T;
  all: T;
  union(a: T, b: T): T;
  intersect(a: T, b: T): T;
  subtract(a: T, b: T): T;
  isEmpty(a: T): boolean;
}

/** A rule of a cluster-wide policy whose peer matched, with the connections it names. */
export interface MatchedRule<T> {
  action: AdminAction;
  ports: T;
}

export interface TierOutcome<T> {
  /** What this direction allows in the end. */
  allowed: T;
  /** Per admin rule, then per baseline rule: the connections that rule decided (first match wins). */
  decidedBy: T[];
  /** Connections handed to NetworkPolicy (Pass, or no admin rule matched). */
  toNetworkPolicy: T;
  /** Connections that reached the baseline tier (NetworkPolicy did not isolate this side). */
  toBaseline: T;
}

/**
 * One direction of one connection through the tiers, for a whole connection set at once:
 * admin rules in order (the first that matches a connection decides: allow and deny are final,
 * pass skips the rest of the tier); what is left goes to NetworkPolicy — which decides everything
 * when it isolates this side (`networkPolicy` not null: what its rules allow) — and otherwise to
 * the baseline rules (first match; pass there goes on to the default); what nothing decided is
 * allowed.
 */
export function throughTiers<T>(alg: SetAlgebra<T>, admin: readonly MatchedRule<T>[], networkPolicy: T | null, baseline: readonly MatchedRule<T>[]): TierOutcome<T> {
  let allowed = alg.none;
  let decided = alg.none; // allowed or denied for good
  let passed = alg.none;
  const decidedBy: T[] = [];
  for (const r of admin) {
    const effect = alg.subtract(alg.subtract(r.ports, decided), passed);
    decidedBy.push(effect);
    if (alg.isEmpty(effect)) continue;
    if (r.action === 'pass') passed = alg.union(passed, effect);
    else {
      decided = alg.union(decided, effect);
      if (r.action === 'allow') allowed = alg.union(allowed, effect);
    }
  }
  const toNetworkPolicy = alg.subtract(alg.all, decided);
  if (networkPolicy !== null) {
    return { allowed: alg.union(allowed, alg.intersect(toNetworkPolicy, networkPolicy)), decidedBy, toNetworkPolicy, toBaseline: alg.none };
  }
  let denied = alg.none;
  let done = alg.none;
  for (const r of baseline) {
    const effect = alg.subtract(alg.intersect(r.ports, toNetworkPolicy), done);
    decidedBy.push(effect);
    if (alg.isEmpty(effect)) continue;
    done = alg.union(done, effect);
    if (r.action === 'deny') denied = alg.union(denied, effect);
  }
  return { allowed: alg.union(allowed, alg.subtract(toNetworkPolicy, denied)), decidedBy, toNetworkPolicy, toBaseline: toNetworkPolicy };
}

/** The algebra on ConnectionSet objects (the explainer's; the engine uses interned ids). */
export const CONNECTION_SETS: SetAlgebra<ConnectionSet> = {
  none: ConnectionSet.NONE,
  all: ConnectionSet.ALL,
  union: (a, b) => a.union(b),
  intersect: (a, b) => a.intersect(b),
  subtract: (a, b) => a.subtract(b),
  isEmpty: (a) => a.isEmpty(),
};
