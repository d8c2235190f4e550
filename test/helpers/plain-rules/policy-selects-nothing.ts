import { formatSelector, matchesSelector } from '../../../src/select/label-selector.js';
import { defineRule, policyName } from '../../../src/lint/rule.js';

export default defineRule({
  meta: {
    id: 'policy-selects-nothing',
    description: 'spec.podSelector matches no pod in the snapshot',
    severity: 'warning',
    rationale: 'A policy that selects no pod has no effect: often a typo in a label, or a policy left behind after an app was renamed.',
    fix: 'Check the labels in spec.podSelector against the pods of the namespace (kubectl get pods --show-labels).',
    messages: { none: 'spec.podSelector {selector} matches no pod in namespace {namespace}' },
    examples: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {matchLabels: {app: wbe}}\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {matchLabels: {app: web}}\n',
    },
  },
  check(ctx, report) {
    if (ctx.snapshot.pods.length === 0) return; // a policies-only snapshot says nothing about pods
    for (const p of ctx.snapshot.policies) {
      if (ctx.snapshot.pods.some((pod) => pod.namespace === p.namespace && matchesSelector(p.podSelector, pod.labels))) continue;
      report('none', { selector: formatSelector(p.podSelector), namespace: p.namespace }, { source: p.source, object: policyName(p) });
    }
  },
});
