import type { CiliumPolicy } from '../model/cilium-policy.js';
import type { Direction } from '../model/policy.js';
import type { Snapshot } from '../model/snapshot.js';

/**
 * The snapshot as one direction's L4 allow rules see it, for asking "does an L4 rule allow this
 * too": only `direction`'s rules (the other direction open: no NetworkPolicy or Cilium rule of it,
 * no default deny, no admin network policies), and each Cilium allow rule keeps only the ports of
 * its toPorts items without L7 rules. Default deny stays as the policies set it, and deny rules
 * stay. A connection of this snapshot's matrix is what that side lets through at L4 alone
 * (`keepL7`: with the L7 rules' ports too, what that side lets through at all).
 */
export function l4SideSnapshot(snapshot: Snapshot, direction: Direction, keepL7 = false): Snapshot {
  const other: Direction = direction === 'ingress' ? 'egress' : 'ingress';
  const policies = snapshot.policies.filter((p) => p.affects[direction]).map((p) => ({ ...p, affects: { ...p.affects, [other]: false }, [other]: [] }));
  const ciliumPolicies = (snapshot.ciliumPolicies ?? []).map(
    (p): CiliumPolicy => ({
      ...p,
      defaultDeny: { ...p.defaultDeny, [other]: false },
      rules: p.rules.filter((r) => r.direction === direction).map((r) => (r.l7 && !r.deny && !keepL7 ? { ...r, ports: r.l4Ports ?? [] } : r)),
    }),
  );
  const { adminPolicies: _admin, ...rest } = snapshot;
  return { ...rest, policies, ciliumPolicies };
}
