import { computeMatrix, type ReachabilityMatrix, type Row } from '../../engine/matrix.js';
import { ciliumPolicyRef, type CiliumPolicy } from '../../model/cilium-policy.js';
import type { NetworkPolicy } from '../../model/policy.js';
import type { Snapshot } from '../../model/snapshot.js';
import { isEmptySelector } from '../../select/label-selector.js';
import { defineRule, policyName } from '../rule.js';

/** Above this many rules, recomputing the matrix once per rule takes too long for a linter. */
export const MAX_RULES = 300;

/**
 * Same connections between every pair of entities. `b` was computed with `a`'s pool, so equal
 * connection sets have equal ids; rows that sources share in both matrices are compared once.
 */
function sameMatrix(a: ReachabilityMatrix, b: ReachabilityMatrix): boolean {
  const n = a.universe.size;
  if (n !== b.universe.size || a.pool !== b.pool) return false;
  const compared = new Map<Row, Set<Row>>();
  for (let s = 0; s < n; s++) {
    const ra = a.rows[s]!;
    const rb = b.rows[s]!;
    let seen = compared.get(ra);
    if (seen?.has(rb)) continue;
    for (let d = 0; d < n; d++) if (a.connectionId(s, d) !== b.connectionId(s, d)) return false;
    if (!seen) compared.set(ra, (seen = new Set()));
    seen.add(rb);
  }
  return true;
}

function without(snapshot: Snapshot, policy: NetworkPolicy, replacement?: NetworkPolicy): Snapshot {
  return { ...snapshot, policies: snapshot.policies.flatMap((p) => (p === policy ? (replacement ? [replacement] : []) : [p])) };
}

function withoutCilium(snapshot: Snapshot, policy: CiliumPolicy, replacement?: CiliumPolicy): Snapshot {
  return { ...snapshot, ciliumPolicies: (snapshot.ciliumPolicies ?? []).flatMap((p) => (p === policy ? (replacement ? [replacement] : []) : [p])) };
}

export default defineRule({
  meta: {
    id: 'redundant-rule',
    description: 'A rule or a whole policy that allows or isolates nothing the others do not already (computed with the engine)',
    severity: 'info',
    rationale: 'Policies accumulate. A rule whose connections other rules already allow, or a policy whose removal changes no connection, is dead weight that reviewers still have to read, and a sign that someone misunderstood what the others do.',
    fix: 'Delete it, or narrow the rule that makes it redundant.',
    messages: {
      policy: 'removing this policy changes no connection: its isolation and rules are all covered by other policies',
      rule: '{direction} rule {rule} allows nothing that other rules do not already allow',
      ciliumRule: '{section} rule {rule} allows nothing that other rules do not already allow, or a deny rule takes it away',
      skipped: 'redundancy not checked: {count} rules is more than {max}',
    },
    examples: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{podSelector: {}}]\n  - from: [{podSelector: {matchLabels: {app: web}}}]\n    ports: [{port: 80}]\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{podSelector: {}}]\n    ports: [{port: 443}]\n  - from: [{podSelector: {matchLabels: {app: web}}}]\n    ports: [{port: 80}]\n',
    },
  },
  check(ctx, report) {
    const { snapshot } = ctx;
    if (snapshot.pods.length === 0) return;
    const cilium = snapshot.ciliumPolicies ?? [];
    const count = snapshot.policies.reduce((n, p) => n + p.ingress.length + p.egress.length + 1, 0) + cilium.reduce((n, p) => n + p.rules.length + 1, 0);
    if (count > MAX_RULES) {
      report('skipped', { count, max: MAX_RULES }, {});
      return;
    }
    const base = ctx.matrix();
    for (const p of snapshot.policies) {
      // A namespace-wide policy (podSelector: {}) also guards the pods of tomorrow: never call it redundant.
      if (!isEmptySelector(p.podSelector) && sameMatrix(base, computeMatrix(without(snapshot, p), base.pool, undefined, base))) {
        report('policy', {}, { source: p.source, object: policyName(p) });
        continue;
      }
      for (const direction of ['ingress', 'egress'] as const) {
        if (!p.affects[direction]) continue;
        for (const rule of p[direction]) {
          const trimmed: NetworkPolicy = { ...p, [direction]: p[direction].filter((r) => r !== rule) };
          if (sameMatrix(base, computeMatrix(without(snapshot, p, trimmed), base.pool, undefined, base))) report('rule', { direction, rule: rule.index }, { source: rule.source, object: policyName(p) });
        }
      }
    }
    // Cilium rules the same way; a rule's removal keeps its policy's default deny (enableDefaultDeny is the policy's).
    // Deny rules are guardrails against tomorrow's allows ("whatever else allows it"): never called redundant.
    for (const p of cilium) {
      if (p.selectsNoPod || p.unmodelled.length) continue; // what it does beyond the model is not in the matrix
      if (!isEmptySelector(p.endpointSelector) && !p.rules.some((r) => r.deny) && sameMatrix(base, computeMatrix(withoutCilium(snapshot, p), base.pool, undefined, base))) {
        report('policy', {}, { source: p.source, object: ciliumPolicyRef(p) });
        continue;
      }
      for (const rule of p.rules) {
        if (rule.deny) continue;
        const trimmed: CiliumPolicy = { ...p, rules: p.rules.filter((r) => r !== rule) };
        if (!sameMatrix(base, computeMatrix(withoutCilium(snapshot, p, trimmed), base.pool, undefined, base))) continue;
        report('ciliumRule', { section: rule.section, rule: rule.index }, { source: rule.source, object: ciliumPolicyRef(p) });
      }
    }
  },
});
