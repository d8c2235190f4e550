import { ciliumRuleConnections } from '../../engine/cilium-ports.js';
import { computeMatrix } from '../../engine/matrix.js';
import { ciliumPolicyRef, ciliumRuleRef, type CiliumPolicy, type CiliumRule } from '../../model/cilium-policy.js';
import type { Pod, Snapshot } from '../../model/snapshot.js';
import { CiliumPods } from '../cilium-pods.js';
import { l4SideSnapshot } from '../l4-side-snapshot.js';
import { defineRule, policyName } from '../rule.js';
import type { SnapshotIndex } from '../snapshot-index.js';

const WORLD = '"The world entity corresponds to all endpoints outside of the cluster"';
const PRECEDENCE = '"Deny policies take precedence over allow policies, regardless of whether they are a Cilium Network Policy, a Clusterwide Cilium Network Policy or even a Kubernetes Network Policy"';

export default defineRule({
  meta: {
    id: 'cilium-world-vs-cluster',
    description: 'A Cilium entity that does not name the peers meant: egress to world on a port only pods of the cluster serve, or a deny of all or cluster that overrides allow rules',
    severity: 'warning',
    rationale: `Cilium's entities split peers by where they are (Cilium docs, Layer 3 Policies → Entities Based): ${WORLD} ("Allowing to world is identical to allowing to CIDR 0.0.0.0/0"), cluster is "the logical group of all network endpoints inside of the local cluster", and "all" is both. toEntities: [world] therefore never reaches a pod: an egress rule to world on a port that, in the snapshot, only pods serve — and that the selected pods reach on no pod — usually meant cluster or toEndpoints. And a deny of all or cluster is not a default deny: ${PRECEDENCE} (Deny Policies), so it overrides every allow rule of the same pods on its ports, DNS included.`,
    fix: 'For pods of the cluster use toEndpoints (with k8s:io.kubernetes.pod.namespace for another namespace) or the cluster entity; for default deny, select the pods with a rule that allows only what is needed (an empty rule `- {}` allows nothing), not a deny of everything.',
    messages: {
      worldForPods:
        "{section} rule {rule}, peer {peer}: {entity} is outside addresses only ({world}), yet {server} serves {port} in the cluster and {subject} reaches no pod on it; if pods of the cluster were meant, use toEndpoints or the cluster entity",
      denyOverrides: '{section} rule {rule}, peer {peer}: a deny of {entity} ({scope}) overrides {allow}{ports}: deny rules take precedence over every allow, so this is not a default deny',
    },
    examples: {
      bad: "apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: shop, labels: {app: api}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: shop, labels: {app: db}}\nspec:\n  containers:\n  - name: c\n    ports: [{containerPort: 5432}]\n---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: api, namespace: shop}\nspec:\n  endpointSelector: {matchLabels: {app: api}}\n  egress:\n  - toEntities: [world]\n    toPorts: [{ports: [{port: '5432', protocol: TCP}]}]\n",
      good: "apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: shop, labels: {app: api}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: shop, labels: {app: db}}\nspec:\n  containers:\n  - name: c\n    ports: [{containerPort: 5432}]\n---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: api, namespace: shop}\nspec:\n  endpointSelector: {matchLabels: {app: api}}\n  egress:\n  - toEndpoints: [{matchLabels: {app: db}}]\n    toPorts: [{ports: [{port: '5432', protocol: TCP}]}]\n",
    },
  },
  check(ctx, report) {
    const policies = (ctx.snapshot.ciliumPolicies ?? []).filter((p) => !p.selectsNoPod);
    if (policies.length === 0 || ctx.snapshot.pods.length === 0) return;
    const pods = new CiliumPods(ctx.snapshot, ctx.namespaceLabels);
    const subjects = new Map<CiliumPolicy, Set<Pod>>();
    const subjectsOf = (p: CiliumPolicy): Set<Pod> => {
      let s = subjects.get(p);
      if (!s) subjects.set(p, (s = new Set(pods.podsMatching(p.endpointSelector, p.namespace))));
      return s;
    };
    let egressSide: ReturnType<typeof computeMatrix> | undefined;
    for (const p of policies) {
      const object = ciliumPolicyRef(p);
      for (const rule of p.rules) {
        if (rule.peers === 'any') continue;
        rule.peers.forEach((peer, i) => {
          if (peer.kind !== 'entity') return;
          const at = { source: peer.source, object };
          const base = { section: rule.section, rule: rule.index, peer: i, entity: peer.entity };
          if (!rule.deny && rule.direction === 'egress' && peer.entity.startsWith('world')) {
            const found = worldForPods(rule, (egressSide ??= computeMatrix(l4SideSnapshot(ctx.snapshot, 'egress', true))), subjectsOf(p));
            if (found) report('worldForPods', { ...base, world: WORLD, ...found }, at);
          }
          if (rule.deny && (peer.entity === 'all' || peer.entity === 'cluster')) {
            const allow = overriddenAllow(ctx.snapshot, policies, rule, peer.entity === 'cluster', subjectsOf(p), subjectsOf, ctx.index());
            if (!allow) return;
            const scope = peer.entity === 'all' ? 'every peer, in the cluster and outside' : 'every pod of the cluster';
            report('denyOverrides', { ...base, scope, allow, ports: rule.ports === 'any' ? '' : ' on its ports' }, at);
          }
        });
      }
    }
  },
});

/** A pod (not a subject) serving one of the rule's numbered ports that no subject in egress default deny reaches on any pod. */
function worldForPods(rule: CiliumRule, m: ReturnType<typeof computeMatrix>, subjects: Set<Pod>): { server: string; port: string; subject: string } | undefined {
  if (rule.ports === 'any' || subjects.size === 0) return undefined;
  const wanted = ciliumRuleConnections({ ...rule, ports: rule.ports.filter((x) => x.kind === 'range') }, null);
  if (wanted.isEmpty()) return undefined;
  const classes = m.pods.classes;
  const subjectClasses = new Set([...subjects].map((pod) => m.pods.classOf.get(pod)!));
  if ([...subjectClasses].some((c) => !m.isolated.egress.has(c))) return undefined; // not in default deny: everything is reached
  let server: { pod: string; port: string } | undefined;
  for (const t of classes) {
    if (t.hostNetwork) continue;
    for (const pod of t.pods) {
      // Every container port, named or not (a class keeps only the names the engine needs).
      for (const cp of pod.ports) {
        if (!wanted.has(cp.protocol, cp.port)) continue;
        if ([...subjectClasses].some((s) => m.connections(s, t.index).has(cp.protocol, cp.port))) return undefined;
        if (!subjects.has(pod)) server ??= { pod: pod.id, port: `${cp.protocol} ${cp.port}` };
      }
    }
  }
  return server ? { server: server.pod, port: server.port, subject: [...subjects][0]!.id } : undefined;
}

/** The first allow rule (Cilium's or a NetworkPolicy's) of the same direction for some of these pods that the deny rule overrides. */
function overriddenAllow(
  snapshot: Snapshot,
  policies: readonly CiliumPolicy[],
  deny: CiliumRule,
  podsOnly: boolean,
  subjects: Set<Pod>,
  subjectsOf: (p: CiliumPolicy) => Set<Pod>,
  index: SnapshotIndex,
): string | undefined {
  if (subjects.size === 0) return undefined;
  const denied = ciliumRuleConnections(deny, null);
  const shares = (other: Set<Pod>) => [...other].some((pod) => subjects.has(pod));
  for (const q of policies) {
    // An allow rule that names peers (`- {}` names none: it only sets default deny).
    // A deny of cluster leaves rules to outside addresses alone.
    const reachesPods = (r: CiliumRule) => r.peers === 'any' || r.peers.some((x) => x.kind === 'endpoints' || (x.kind === 'service' && x.services.some((b) => 'selector' in b)) || (x.kind === 'entity' && (x.entity === 'all' || x.entity === 'cluster')));
    const allows = q.rules.filter((r) => r.direction === deny.direction && !r.deny && (r.peers === 'any' || r.peers.length > 0) && (!podsOnly || reachesPods(r)));
    const hit = allows.find((r) => deny.ports === 'any' || !ciliumRuleConnections(r, null).intersect(denied).isEmpty());
    if (hit && shares(subjectsOf(q))) return ciliumRuleRef(q, hit);
  }
  if (deny.ports !== 'any') return undefined;
  for (const np of snapshot.policies) {
    if (!np.affects[deny.direction]) continue;
    const hit = np[deny.direction].find((r) => !podsOnly || r.peers === 'any' || r.peers.some((x) => x.kind === 'pods'));
    if (hit && index.podsIn(np.namespace, np.podSelector).some((i) => subjects.has(snapshot.pods[i]!))) return `${deny.direction} rule ${hit.index} of ${policyName(np)}`;
  }
  return undefined;
}
