import { namedPortText } from '../../../src/net/port-text.js';
import type { Labels } from '../../../src/model/labels.js';
import type { NetworkPolicy, Rule } from '../../../src/model/policy.js';
import type { Pod } from '../../../src/model/snapshot.js';
import { matchesSelector } from '../../../src/select/label-selector.js';
import { podPeerHolds } from '../../../src/select/pod-peer.js';
import unknownNamedPortReal from '../../../src/lint/rules/unknown-named-port.js';
import { defineRule, policyName } from '../../../src/lint/rule.js';

/** Pods a rule's traffic goes to: the policy's pods for ingress, the peers for egress. */
function destinations(p: NetworkPolicy, rule: Rule, pods: readonly Pod[], nsLabels: ReadonlyMap<string, Labels>): Pod[] {
  if (rule.direction === 'ingress') return pods.filter((pod) => pod.namespace === p.namespace && matchesSelector(p.podSelector, pod.labels));
  if (rule.peers === 'any') return [...pods];
  const peers = rule.peers;
  return pods.filter((pod) => peers.some((peer) => peer.kind === 'pods' && podPeerHolds(peer, p.namespace, pod, nsLabels)));
}

export default defineRule({
  meta: unknownNamedPortReal.meta, // the rule as it is; only its check is the old scan
  check(ctx, report) {
    const { pods } = ctx.snapshot;
    if (pods.length === 0) return;
    const nsLabels = ctx.namespaceLabels;
    const destinationCache = new Map<string, Pod[]>();
    for (const p of ctx.snapshot.policies) {
      for (const rule of [...p.ingress, ...p.egress]) {
        if (rule.ports === 'any') continue;
        const named = rule.ports.filter((s) => s.kind === 'named');
        if (!named.length) continue;
        const peers = rule.peers === 'any' ? 'any' : rule.peers.map((x) => (x.kind === 'pods' ? [x.namespaceSelector ?? null, x.podSelector ?? null] : null));
        const key = JSON.stringify(rule.direction === 'ingress' ? ['in', p.namespace, p.podSelector] : ['out', p.namespace, peers]);
        let dsts = destinationCache.get(key);
        if (!dsts) destinationCache.set(key, (dsts = destinations(p, rule, pods, nsLabels)));
        for (const spec of named) {
          if (spec.kind !== 'named') continue;
          if (dsts.some((d) => d.ports.some((cp) => cp.name === spec.name && cp.protocol === spec.protocol))) continue;
          const names = [...new Set(dsts.flatMap((d) => d.ports.filter((cp) => cp.name).map(namedPortText)))];
          report('unknown', { direction: rule.direction, rule: rule.index, protocol: spec.protocol, name: spec.name, known: names.length ? ` (they expose: ${names.slice(0, 8).join(', ')})` : '' }, { source: spec.source, object: policyName(p) });
        }
      }
    }
  },
});
