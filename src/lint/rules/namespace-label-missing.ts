import { closest } from '../../text/did-you-mean.js';
import { defineRule, policyName } from '../rule.js';

export default defineRule({
  meta: {
    id: 'namespace-label-missing',
    description: 'A namespaceSelector on a label that no namespace has',
    severity: 'warning',
    rationale: 'namespaceSelector matches namespace labels, which are set by hand (except kubernetes.io/metadata.name). A label no namespace carries matches nothing.',
    fix: 'Label the namespace (kubectl label namespace NAME key=value), or select it by kubernetes.io/metadata.name.',
    messages: { missing: '{direction} rule {rule}, peer {peer}: no namespace has the label {label}{hint}' },
    examples: {
      bad: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: web, labels: {team: web}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {teem: web}}}]\n',
      good: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: web, labels: {team: web}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {team: web}}}]\n',
    },
  },
  check(ctx, report) {
    const labels = new Set(ctx.snapshot.namespaces.flatMap((n) => Object.entries(n.labels).map(([k, v]) => `${k}=${v}`)));
    if (ctx.snapshot.namespaces.every((n) => n.implicit)) return; // no Namespace objects given: labels unknown
    const candidates = [...labels].map((l) => ({ name: l, label: l }));
    const hints = new Map<string, string>(); // the same missing label is suggested for once
    for (const p of ctx.snapshot.policies) {
      for (const rule of [...p.ingress, ...p.egress]) {
        if (rule.peers === 'any') continue;
        rule.peers.forEach((peer, i) => {
          if (peer.kind !== 'pods' || !peer.namespaceSelector) return;
          for (const [k, v] of Object.entries(peer.namespaceSelector.matchLabels)) {
            if (labels.has(`${k}=${v}`)) continue;
            const label = `${k}=${v}`;
            let hint = hints.get(label);
            if (hint === undefined) {
              const near = closest(label, candidates, 3);
              hints.set(label, (hint = near.length ? ` (did you mean ${near.join(', ')}?)` : ''));
            }
            report('missing', { direction: rule.direction, rule: rule.index, peer: i, label, hint }, { source: peer.source, object: policyName(p) });
          }
        });
      }
    }
  },
});
