import { describePeer } from '../../select/describe-peer.js';
import { defineRule, policyName } from '../rule.js';

export default defineRule({
  meta: {
    id: 'peer-selects-nothing',
    description: 'A from/to peer whose selectors match no pod',
    severity: 'warning',
    rationale: 'A peer that matches nothing allows nothing: the traffic the author meant to allow is denied.',
    fix: 'Check the peer\'s labels, and whether it needs a namespaceSelector (without one it only looks in the policy\'s own namespace).',
    messages: { none: '{direction} rule {rule}, peer {peer} ({what}) matches no pod' },
    examples: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: frontend}}}]\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: web}}}]\n',
    },
  },
  check(ctx, report) {
    if (ctx.snapshot.pods.length === 0) return;
    const index = ctx.index();
    // Peers repeat across policies (and a dump repeats label sets): decide each distinct one once.
    const seen = new Map<string, boolean>();
    for (const p of ctx.snapshot.policies) {
      for (const rule of [...p.ingress, ...p.egress]) {
        if (rule.peers === 'any') continue;
        rule.peers.forEach((peer, i) => {
          if (peer.kind !== 'pods') return;
          const key = JSON.stringify([peer.namespaceSelector ? null : p.namespace, peer.namespaceSelector ?? null, peer.podSelector ?? null]);
          let hit = seen.get(key);
          if (hit === undefined) seen.set(key, (hit = index.peerHoldsAny(peer, p.namespace)));
          if (!hit) report('none', { direction: rule.direction, rule: rule.index, peer: i, what: describePeer(p, peer) }, { source: peer.source, object: policyName(p) });
        });
      }
    }
  },
});
