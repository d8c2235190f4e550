import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'unprotected-pods',
    description: 'Pods that no ingress policy (NetworkPolicy or Cilium) isolates, in a namespace where other pods are',
    severity: 'info',
    rationale: 'When some pods of a namespace are protected, the others usually were meant to be too: a new workload whose labels no policy selects accepts traffic from everywhere.',
    fix: 'Add a default-deny-ingress policy (podSelector: {}) to the namespace, then allow what each workload needs.',
    messages: { open: '{pod} accepts ingress from everywhere: no NetworkPolicy or Cilium policy isolates it for ingress, while {protected} other pod(s) of namespace {namespace} are protected' },
    examples: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: db, labels: {app: db}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {matchLabels: {app: db}}\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: db, labels: {app: db}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n',
    },
  },
  check(ctx, report) {
    const m = ctx.matrix();
    const byNs = new Map<string, { open: typeof m.pods.classes; protectedPods: number }>();
    for (const c of m.pods.classes) {
      const e = byNs.get(c.namespace) ?? { open: [], protectedPods: 0 };
      if (m.isolated.ingress.has(c.index)) e.protectedPods += c.pods.length;
      else e.open.push(c);
      byNs.set(c.namespace, e);
    }
    for (const [namespace, e] of byNs) {
      if (e.protectedPods === 0) continue;
      for (const c of e.open) {
        for (const pod of c.pods) report('open', { pod: pod.id, protected: e.protectedPods, namespace }, { source: pod.source, object: `Pod ${pod.id}` });
      }
    }
  },
});
