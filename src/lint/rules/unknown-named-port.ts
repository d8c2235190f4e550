import { ciliumPolicyRef, type CiliumPolicy, type CiliumRule } from '../../model/cilium-policy.js';
import type { NetworkPolicy, PodPeer, Rule } from '../../model/policy.js';
import type { Pod } from '../../model/snapshot.js';
import { CiliumPods } from '../cilium-pods.js';
import { namedPortText } from '../../net/port-text.js';
import { defineRule, policyName } from '../rule.js';
import { intersects, type SnapshotIndex } from '../snapshot-index.js';

/** Pods a rule's traffic goes to (indices, ascending): the policy's pods for ingress, the peers for egress. */
function destinations(p: NetworkPolicy, rule: Rule, index: SnapshotIndex): readonly number[] {
  if (rule.direction === 'ingress') return index.podsIn(p.namespace, p.podSelector);
  if (rule.peers === 'any') return Array.from(index.snapshot.pods.keys());
  return index.peersPods(rule.peers.filter((peer): peer is PodPeer => peer.kind === 'pods'), p.namespace);
}

/** Pods a Cilium rule's traffic goes to: the policy's endpoints for ingress; for egress the pods its peers match. */
function ciliumDestinations(p: CiliumPolicy, rule: CiliumRule, pods: CiliumPods): Pod[] {
  if (rule.direction === 'ingress') return pods.podsMatching(p.endpointSelector, p.namespace);
  if (rule.peers === 'any') return pods.endpoints;
  const out = new Set<Pod>();
  for (const peer of rule.peers) {
    if (peer.kind === 'endpoints') for (const pod of pods.podsMatching(peer.selector, peer.namespace)) out.add(pod);
    if (peer.kind === 'service') for (const s of peer.services) if ('selector' in s) for (const pod of pods.podsMatching({ matchLabels: s.selector, matchExpressions: [] }, s.namespace)) out.add(pod);
    if (peer.kind === 'entity' && (peer.entity === 'all' || peer.entity === 'cluster')) for (const pod of pods.endpoints) out.add(pod);
  }
  return [...out];
}

export default defineRule({
  meta: {
    id: 'unknown-named-port',
    description: 'A named port that no destination pod of the rule exposes (NetworkPolicy and Cilium toPorts)',
    severity: 'warning',
    rationale: 'Named ports resolve against the destination pod\'s container ports, by name and protocol. A name nobody exposes (a typo, or a protocol mismatch) opens nothing.',
    fix: 'Use the name of a container port of the destination pods (spec.containers[].ports[].name), with its protocol, or a number.',
    messages: {
      unknown: '{direction} rule {rule}: no destination pod exposes a {protocol} port named "{name}"{known}',
      cilium: '{section} rule {rule}: no destination pod exposes a {protocol} port named "{name}"{known}',
    },
    examples: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers:\n  - name: c\n    ports: [{name: http, containerPort: 8080}]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports: [{port: htp}]\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers:\n  - name: c\n    ports: [{name: http, containerPort: 8080}]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports: [{port: http}]\n',
    },
  },
  check(ctx, report) {
    const { pods } = ctx.snapshot;
    if (pods.length === 0) return;
    const index = ctx.index();
    const destinationCache = new Map<string, readonly number[]>();
    const exposed = new Map<readonly number[], string[]>();
    for (const p of ctx.snapshot.policies) {
      for (const rule of [...p.ingress, ...p.egress]) {
        if (rule.ports === 'any') continue;
        const named = rule.ports.filter((s) => s.kind === 'named');
        if (!named.length) continue;
        const peers = rule.peers === 'any' ? 'any' : rule.peers.map((x) => (x.kind === 'pods' ? [x.namespaceSelector ?? null, x.podSelector ?? null] : null));
        const key = JSON.stringify(rule.direction === 'ingress' ? ['in', p.namespace, p.podSelector] : ['out', p.namespace, peers]);
        let dsts = destinationCache.get(key);
        if (!dsts) destinationCache.set(key, (dsts = destinations(p, rule, index)));
        for (const spec of named) {
          if (spec.kind !== 'named') continue;
          if (intersects(dsts, index.podsWithPort(spec.name, spec.protocol))) continue;
          let names = exposed.get(dsts);
          if (!names) exposed.set(dsts, (names = [...new Set(dsts.flatMap((d) => pods[d]!.ports.filter((cp) => cp.name).map(namedPortText)))]));
          report('unknown', { direction: rule.direction, rule: rule.index, protocol: spec.protocol, name: spec.name, known: names.length ? ` (they expose: ${names.slice(0, 8).join(', ')})` : '' }, { source: spec.source, object: policyName(p) });
        }
      }
    }
    const ciliumPods = new CiliumPods(ctx.snapshot, ctx.namespaceLabels);
    for (const p of ctx.snapshot.ciliumPolicies ?? []) {
      if (p.selectsNoPod) continue;
      for (const rule of p.rules) {
        if (rule.ports === 'any') continue;
        const named = rule.ports.filter((s) => s.kind === 'named');
        if (!named.length) continue;
        // With no destination at all the peer matches nothing: cilium-selects-nothing says so.
        const dsts = ciliumDestinations(p, rule, ciliumPods);
        if (!dsts.length) continue;
        for (const spec of named) {
          const exposes = (pod: Pod) => pod.ports.some((cp) => cp.name === spec.name && (spec.protocol === 'ANY' || cp.protocol === spec.protocol));
          if (dsts.some(exposes)) continue;
          const names = [...new Set(dsts.flatMap((d) => d.ports.filter((cp) => cp.name).map(namedPortText)))];
          report('cilium', { section: rule.section, rule: rule.index, protocol: spec.protocol, name: spec.name, known: names.length ? ` (they expose: ${names.slice(0, 8).join(', ')})` : '' }, { source: spec.source, object: ciliumPolicyRef(p) });
        }
      }
    }
  },
});
