import { formatSelector, selectorYaml } from '../../select/label-selector.js';
import { defineRule, policyName } from '../rule.js';

export default defineRule({
  meta: {
    id: 'split-namespace-pod-selector',
    description: 'A namespaceSelector item and a podSelector item side by side, where one combined peer was likely meant',
    severity: 'warning',
    rationale:
      'Two items in a from/to list are ORed: `- namespaceSelector: …` and `- podSelector: …` allow every pod of the matching namespaces, and the matching pods of the policy\'s own namespace. One item holding both selectors (no dash before podSelector) allows only the matching pods in the matching namespaces. The Kubernetes documentation warns about exactly this.',
    fix: 'If you meant "these pods in those namespaces", remove the dash before podSelector so that both selectors are in one item.',
    messages: {
      split: '{direction} rule {rule} lists namespaceSelector {ns} and podSelector {pods} as separate peers: this allows ALL pods in those namespaces, OR the matching pods of namespace {namespace}. If you meant pods matching {pods} in namespaces matching {ns}, write them in one item:\n  - namespaceSelector: {nsYaml}\n    podSelector: {podsYaml}',
    },
    examples: {
      bad: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db, namespace: shop}\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {team: web}}\n    - podSelector: {matchLabels: {app: api}}\n',
      good: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db, namespace: shop}\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {team: web}}\n      podSelector: {matchLabels: {app: api}}\n',
    },
  },
  check(ctx, report) {
    for (const p of ctx.snapshot.policies) {
      for (const rule of [...p.ingress, ...p.egress]) {
        if (rule.peers === 'any') continue;
        const nsOnly = rule.peers.find((x) => x.kind === 'pods' && x.namespaceSelector && !x.podSelector);
        const podOnly = rule.peers.find((x) => x.kind === 'pods' && x.podSelector && !x.namespaceSelector);
        if (nsOnly?.kind !== 'pods' || podOnly?.kind !== 'pods') continue;
        report(
          'split',
          {
            direction: rule.direction,
            rule: rule.index,
            ns: formatSelector(nsOnly.namespaceSelector!),
            pods: formatSelector(podOnly.podSelector!),
            nsYaml: selectorYaml(nsOnly.namespaceSelector!),
            podsYaml: selectorYaml(podOnly.podSelector!),
            namespace: p.namespace,
          },
          { source: podOnly.source, object: policyName(p) },
        );
      }
    }
  },
});
