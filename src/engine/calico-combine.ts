import type { SetAlgebra } from './admin-tiers.js';

/** What one rule (or NetworkPolicy as `knp.default.*`, or an admin rule) does with the connections it matches. */
export type CalicoStepAction = 'allow' | 'deny' | 'pass' | 'log';

export interface CalicoStep<T> {
  action: CalicoStepAction;
  /** The connections of this pair the rule matches. */
  matched: T;
}

/** A tier that applies to the endpoint (some policy of it selects the endpoint), its steps in evaluation order. */
export interface CalicoTierSteps<T> {
  steps: readonly CalicoStep<T>[];
  defaultAction: 'Deny' | 'Pass';
}

export interface CalicoOutcome<T> {
  allowed: T;
  /** Per tier, per step: the connections that step decided (allow, deny) or passed; empty for log. */
  effects: T[][];
  /** Per tier: what its default action took (denied, or passed on). */
  ended: T[];
  /** What reached the profile (no tier decided): allowed. */
  profile: T;
}

/**
 * One direction of one endpoint under Calico, for a whole connection set at once: ordered
 * first-match with set algebra (docs/calico.md). `remaining` starts as everything; in each tier,
 * each step takes what it matches of what is still open in the tier: allow and deny decide it
 * for good, pass moves it on to the next tier, log changes nothing; what the tier left open gets
 * its default action (Deny: dropped; Pass: on to the next tier). What is left after the last
 * tier is allowed by the namespace profile.
 */
export function throughCalicoTiers<T>(alg: SetAlgebra<T>, tiers: readonly CalicoTierSteps<T>[]): CalicoOutcome<T> {
  let remaining = alg.all;
  let allowed = alg.none;
  const effects: T[][] = [];
  const ended: T[] = [];
  for (const tier of tiers) {
    let open = remaining;
    const tierEffects: T[] = [];
    for (const step of tier.steps) {
      const m = step.action === 'log' || alg.isEmpty(open) ? alg.none : alg.intersect(step.matched, open);
      tierEffects.push(m);
      if (alg.isEmpty(m)) continue;
      open = alg.subtract(open, m);
      if (step.action === 'pass') continue;
      remaining = alg.subtract(remaining, m);
      if (step.action === 'allow') allowed = alg.union(allowed, m);
    }
    effects.push(tierEffects);
    ended.push(open);
    if (tier.defaultAction === 'Deny') remaining = alg.subtract(remaining, open);
  }
  return { allowed: alg.union(allowed, remaining), effects, ended, profile: remaining };
}
