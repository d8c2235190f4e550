import { adminOrder, type AdminPolicy } from '../../model/admin-policy.js';
import { matchesSelector } from '../../select/label-selector.js';
import { defineRule } from '../rule.js';

const anp = (name: string, priority: number, app: string) => `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: ${name}}
spec:
  priority: ${priority}
  subject: {namespaces: {}}
  ingress:
  - {action: Deny, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: ${app}}}}}]}
---
`;
const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec: {containers: [{name: c, image: nginx}]}\n';

export default defineRule({
  meta: {
    id: 'admin-priority-tie',
    description: 'Two cluster-wide policies of one tier with the same priority that apply to the same pods',
    severity: 'warning',
    rationale:
      'The policy API leaves the order of same-priority policies undefined: "the implementation can apply any of the matching policies to the connection, and there is no way for the user to reliably determine which one it will choose". netpol-check evaluates them by name, but the cluster may not.',
    fix: 'Give each policy of a tier its own priority (lower numbers are evaluated first).',
    messages: { tie: '{kind} {name} has priority {priority}, like {other}, and both apply to {pod}: which one decides first is undefined' },
    examples: { bad: anp('a', 10, 'x') + anp('b', 10, 'z') + pod, good: anp('a', 10, 'x') + anp('b', 11, 'z') + pod },
  },
  check(ctx, report) {
    const { admin, baseline } = adminOrder(ctx.snapshot.adminPolicies ?? []);
    for (const tier of [admin, baseline]) {
      for (let i = 0; i < tier.length; i++) {
        for (let j = i + 1; j < tier.length; j++) {
          const a = tier[i]!;
          const b = tier[j]!;
          if (a.priority === undefined || a.priority !== b.priority) continue;
          const applies = (p: AdminPolicy) => (pod: (typeof ctx.snapshot.pods)[number]) =>
            matchesSelector(p.subject.namespaceSelector, ctx.namespaceLabels.get(pod.namespace) ?? {}) && (!p.subject.podSelector || matchesSelector(p.subject.podSelector, pod.labels));
          const shared = ctx.snapshot.pods.find((pod) => applies(a)(pod) && applies(b)(pod));
          if (!shared) continue;
          report('tie', { kind: b.kind, name: b.name, priority: b.priority!, other: `${a.kind} ${a.name}`, pod: shared.id }, { source: b.source, object: `${b.kind} ${b.name}` });
        }
      }
    }
  },
});
