import { podPeerHolds } from '../../../src/select/pod-peer.js';
import { describePeer } from '../../../src/format/explanation/describe.js';
import peerSelectsNothingReal from '../../../src/lint/rules/peer-selects-nothing.js';
import { defineRule, policyName } from '../../../src/lint/rule.js';

export default defineRule({
  meta: peerSelectsNothingReal.meta, // the rule as it is; only its check is the old scan
  check(ctx, report) {
    const { pods } = ctx.snapshot;
    if (pods.length === 0) return;
    const nsLabels = ctx.namespaceLabels;
    // Peers repeat across policies (and a dump repeats label sets): decide each distinct one once.
    const seen = new Map<string, boolean>();
    for (const p of ctx.snapshot.policies) {
      for (const rule of [...p.ingress, ...p.egress]) {
        if (rule.peers === 'any') continue;
        rule.peers.forEach((peer, i) => {
          if (peer.kind !== 'pods') return;
          const key = JSON.stringify([peer.namespaceSelector ? null : p.namespace, peer.namespaceSelector ?? null, peer.podSelector ?? null]);
          let hit = seen.get(key);
          if (hit === undefined) seen.set(key, (hit = pods.some((pod) => podPeerHolds(peer, p.namespace, pod, nsLabels))));
          if (!hit) report('none', { direction: rule.direction, rule: rule.index, peer: i, what: describePeer(p, peer) }, { source: peer.source, object: policyName(p) });
        });
      }
    }
  },
});
