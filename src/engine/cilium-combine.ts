import type { SetAlgebra } from './admin-tiers.js';

/**
 * One direction of one endpoint under Cilium (docs/cilium.md), for a whole connection set at
 * once. Cilium turns Kubernetes NetworkPolicy into its own rules and unions them with Cilium's:
 * - the endpoint is in default deny when NetworkPolicy isolates it (`networkPolicy` not null: what
 *   its rules allow) or a Cilium rule selecting it enables default deny for the direction;
 * - then what any allow rule (NetworkPolicy's or Cilium's) allows is allowed; otherwise everything;
 * - deny rules take precedence: what any of them matches is dropped ("Deny policies take
 *   precedence over allow policies, regardless of whether they are a Cilium Network Policy, a
 *   Clusterwide Cilium Network Policy or even a Kubernetes Network Policy", Deny Policies).
 * `allows` and `denies` are what each matching rule names.
 */
export function combineCilium<T>(alg: SetAlgebra<T>, defaultDeny: boolean, networkPolicy: T | null, allows: readonly T[], denies: readonly T[]): T {
  let allowed: T;
  if (defaultDeny || networkPolicy !== null) {
    allowed = networkPolicy ?? alg.none;
    for (const a of allows) allowed = alg.union(allowed, a);
  } else allowed = alg.all;
  for (const d of denies) allowed = alg.subtract(allowed, d);
  return allowed;
}
