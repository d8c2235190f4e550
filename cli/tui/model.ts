import type { Level, Node } from '../../src/engine/connectivity.js';
import { byId } from '../../src/engine/node.js';
import { nodeIdPairs, nodePairs, type NodePairs } from '../../src/engine/node-pairs.js';
import { portText } from '../../src/net/port-text.js';
import type { ReachabilityMatrix } from '../../src/engine/matrix.js';
import { Explainer } from '../../src/explain/explain.js';
import { explainNodePair } from '../../src/format/explanation/text.js';
import type { Finding } from '../../src/lint/rule.js';
import { adminPolicyRef, type AdminPolicy } from '../../src/model/admin-policy.js';
import type { NetworkPolicy } from '../../src/model/policy.js';
import type { Labels } from '../../src/model/labels.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { formatSource } from '../../src/model/source.js';
import { ConnectionSet } from '../../src/net/connection-set.js';
import { formatIp } from '../../src/net/ip-address.js';
import { formatSelector, matchesSelector } from '../../src/select/label-selector.js';
import { Manifests, type ManifestRef, type ReadText } from './manifest.js';

/** One row of the workload list: a workload or pod (or an outside range), with what marks it. */
export interface Entry {
  node: Node;
  namespace: string;
  /** What the list shows: the name and kind, without the namespace. */
  label: string;
  /** Labels and ids that the filter searches. */
  searchText: string;
  isolated: { ingress: boolean; egress: boolean };
  findings: Finding[];
}

export interface Peer {
  node: Node;
  connections: ConnectionSet;
}

export interface PolicyEntry {
  key: string;
  kind: string;
  label: string;
  namespace: string;
  source: string;
  /** The workloads (or pods) it selects: worked out when first shown. */
  readonly selects: string[];
  /** One line per rule. */
  rules: string[];
  findings: Finding[];
  /** Where its manifest was read: absent for a policy netpol-check made up (legacy semantics). */
  manifest?: ManifestRef;
}

export interface Counts {
  namespaces: number;
  nodes: number;
  policies: number;
  isolated: number;
  openPairs: number;
}

/**
 * Everything the explorer shows, computed once from the snapshot: the entries, who each reaches
 * and is reached by, the policies with what they select, lint findings per object, and the
 * explanation of a pair (the one `can` prints).
 */
export class ExploreModel {
  readonly entries: Entry[];
  readonly policies: PolicyEntry[];
  readonly counts: Counts;
  /** Who reaches whom, as connection ids per node: peers are made from it when a node is shown. */
  private readonly pairs: NodePairs;
  private readonly indexOf: Map<string, number>;
  private readonly peerCache = new Map<string, Peer[]>();
  private readonly explainer: Explainer;
  private everyPeerCache: { key: string; peers: Peer[] } | undefined;
  private manifestCache: { key: string; lines: string[] } | undefined;
  private readonly manifests: Manifests;

  constructor(
    readonly snapshot: Snapshot,
    private readonly matrix: ReachabilityMatrix,
    findings: readonly Finding[] = [],
    level: Level = 'workload',
    /** How the YAML view reads a manifest again (tests give files of their own). */
    readText?: ReadText,
  ) {
    this.manifests = new Manifests(new Set(['NetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy']), readText);
    // Not the list of edges: an open namespace of 2,000 pods has 4 million, and a person looks at
    // a few nodes' peers (connectivity() is this walk, made into edges).
    this.pairs = nodePairs(matrix, level);
    this.indexOf = new Map(this.pairs.nodes.map((n, i) => [n.id, i]));
    this.explainer = new Explainer(snapshot);
    const byObject = new Map<string, Finding[]>();
    for (const f of findings) if (f.object) listOf(byObject, f.object).push(f);
    const nsLabels = new Map(snapshot.namespaces.map((n) => [n.name, n.labels]));

    this.entries = this.pairs.nodes
      .filter((n): n is Exclude<Node, { kind: 'external' }> => n.kind !== 'external')
      .map((node): Entry => {
        const pods = node.kind === 'workload' ? node.pods : [node.pod];
        const classes = pods.map((p) => matrix.pods.classOf.get(p)!);
        const labels: Labels = pods[0]?.labels ?? {};
        const namespace = node.namespace;
        return {
          node,
          namespace,
          label: node.kind === 'workload' ? `${node.name} ${node.workloadKind}` : node.name,
          searchText: `${node.id} ${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(' ')}`.toLowerCase(),
          isolated: { ingress: classes.some((c) => matrix.isolated.ingress.has(c)), egress: classes.some((c) => matrix.isolated.egress.has(c)) },
          findings: pods.flatMap((p) => byObject.get(`Pod ${p.id}`) ?? []),
        };
      })
      .sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.node.id < b.node.id ? -1 : 1));

    const selectedBy = (select: (pod: Snapshot['pods'][number]) => boolean): string[] =>
      this.entries.filter((e) => (e.node.kind === 'workload' ? e.node.pods : e.node.kind === 'pod' ? [e.node.pod] : []).some(select)).map((e) => e.node.id);
    this.policies = [
      ...(snapshot.adminPolicies ?? []).map((p) => adminEntry(p, byObject, selectedBy, nsLabels)),
      ...snapshot.policies.map((p) => policyEntry(p, byObject, selectedBy)),
    ];
    this.counts = {
      namespaces: snapshot.namespaces.length,
      nodes: this.entries.length,
      policies: this.policies.length,
      isolated: this.entries.filter((e) => e.isolated.ingress || e.isolated.egress).length,
      openPairs: this.pairs.nodes.reduce((sum, _, a) => sum + this.pairs.toNodes(a).length / 2, 0),
    };
  }

  /** Who `id` reaches (`out`), or who reaches it (`in`), in the order of their ids; made when first asked. */
  peers(id: string, direction: 'out' | 'in'): Peer[] {
    const key = `${direction} ${id}`;
    let peers = this.peerCache.get(key);
    if (peers) return peers;
    const a = this.indexOf.get(id);
    if (a === undefined) return [];
    const { nodes, toNodes, fromNodes, runs } = this.pairs;
    const peer = (node: Node, connection: number): Peer => ({ node, connections: this.matrix.pool.get(connection) });
    peers =
      direction === 'out'
        ? [...nodeIdPairs(toNodes(a)).map(([b, c]) => peer(nodes[b]!, c)), ...runs[a]!.out.map((r) => peer(r.ext, r.id))]
        : [...nodeIdPairs(fromNodes(a)).map(([b, c]) => peer(nodes[b]!, c)), ...runs[a]!.in.map((r) => peer(r.ext, r.id))];
    peers.sort((x, y) => byId(x.node, y.node));
    if (this.peerCache.size >= 16) this.peerCache.clear(); // the nodes lately shown
    this.peerCache.set(key, peers);
    return peers;
  }

  /**
   * Every other workload (or pod) of the list, in the list's order, with what `id` reaches of it
   * (`out`) or it reaches of `id` (`in`): nothing for the pairs that are denied, so that "why
   * not" can be asked of any pair.
   */
  everyPeer(id: string, direction: 'out' | 'in'): Peer[] {
    const key = `${direction} ${id}`;
    if (this.everyPeerCache?.key !== key) {
      const open = new Map(this.peers(id, direction).map((p) => [p.node.id, p.connections]));
      const peers = this.entries.filter((e) => e.node.id !== id).map((e) => ({ node: e.node, connections: open.get(e.node.id) ?? ConnectionSet.NONE }));
      this.everyPeerCache = { key, peers };
    }
    return this.everyPeerCache.peers;
  }

  /** The policy's manifest as read, as escaped YAML lines (or a line saying why it cannot be shown). */
  manifest(policy: PolicyEntry): string[] {
    if (!policy.manifest) return ['(made up by netpol-check under legacy semantics: it has no manifest of its own; see the source above)'];
    if (this.manifestCache?.key !== policy.key) this.manifestCache = { key: policy.key, lines: this.manifests.lines(policy.manifest) };
    return this.manifestCache.lines;
  }

  /** The explanation `can` prints for the pair, line by line. */
  explain(src: Node, dst: Node): string[] {
    return explainNodePair(this.explainer, src, dst) ?? ['(no pod to explain)'];
  }
}

function policyEntry(p: NetworkPolicy, byObject: Map<string, Finding[]>, selectedBy: (f: (pod: Snapshot['pods'][number]) => boolean) => string[]): PolicyEntry {
  const key = `NetworkPolicy ${p.namespace}/${p.name}`;
  const types = [p.affects.ingress ? 'Ingress' : '', p.affects.egress ? 'Egress' : ''].filter(Boolean).join('+');
  const rules = [...(p.affects.ingress ? p.ingress : []), ...(p.affects.egress ? p.egress : [])].map((r) => {
    const peers = r.peers === 'any' ? 'anyone' : r.peers.map((x) => (x.kind === 'ipBlock' ? `${x.cidr.text}${x.except.length ? ` except ${x.except.map((e) => e.text).join(',')}` : ''}` : [x.namespaceSelector ? `ns ${formatSelector(x.namespaceSelector)}` : '', x.podSelector ? `pods ${formatSelector(x.podSelector)}` : ''].filter(Boolean).join(' & '))).join(' | ');
    const ports = r.ports === 'any' ? 'all ports' : r.ports.map((s) => (s.kind === 'all' ? s.protocol : s.kind === 'named' ? portText(s.protocol, s.name) : portText(s.protocol, s.to > s.from ? `${s.from}-${s.to}` : s.from))).join(', ');
    return `${r.direction} ${r.index}: ${r.direction === 'ingress' ? 'from' : 'to'} ${peers}; ${ports}`;
  });
  if (p.affects.ingress && p.ingress.length === 0) rules.push('ingress: nothing allowed (default deny)');
  if (p.affects.egress && p.egress.length === 0) rules.push('egress: nothing allowed (default deny)');
  return withLazySelects(() => selectedBy((pod) => pod.namespace === p.namespace && matchesSelector(p.podSelector, pod.labels)), {
    key,
    kind: 'NetworkPolicy',
    label: `${p.namespace}/${p.name}`,
    namespace: p.namespace,
    source: p.synthesized ? `made up: ${p.synthesized}` : formatSource(p.source),
    rules: [`${types} · selects ${formatSelector(p.podSelector)}`, ...rules],
    findings: byObject.get(key) ?? [],
    ...(p.synthesized ? {} : { manifest: { source: p.source, kind: 'NetworkPolicy', name: p.name, namespace: p.namespace } }),
  });
}

function adminEntry(p: AdminPolicy, byObject: Map<string, Finding[]>, selectedBy: (f: (pod: Snapshot['pods'][number]) => boolean) => string[], nsLabels: Map<string, Labels>): PolicyEntry {
  const key = `${p.kind} ${p.name}`;
  const rules = [...p.ingress, ...p.egress].map((r) => `${r.direction} ${r.index}${r.name ? ` "${r.name}"` : ''}: ${r.actionText} ${r.direction === 'ingress' ? 'from' : 'to'} ${r.peers.map((x) => x.kind).join(', ')}${r.ports === 'any' ? '' : ` on ${r.ports.map((s) => (s.kind === 'named' ? s.name : s.kind === 'all' ? s.protocol : `${s.protocol} ${s.from}${s.to > s.from ? `-${s.to}` : ''}`)).join(', ')}`}`);
  const subjectHas = (pod: Snapshot['pods'][number]) => matchesSelector(p.subject.namespaceSelector, nsLabels.get(pod.namespace) ?? {}) && (!p.subject.podSelector || matchesSelector(p.subject.podSelector, pod.labels));
  return withLazySelects(() => selectedBy(subjectHas), {
    key,
    kind: p.kind,
    label: adminPolicyRef(p),
    namespace: '(cluster)',
    source: formatSource(p.source),
    manifest: { source: p.source, kind: p.kind, name: p.name },
    rules: [`${p.tier} tier · subject ns ${formatSelector(p.subject.namespaceSelector)}${p.subject.podSelector ? ` & pods ${formatSelector(p.subject.podSelector)}` : ''}`, ...rules],
    findings: byObject.get(key) ?? [],
  });
}

/**
 * A peer's name as short as it stays unambiguous: without the namespace when it is the one of
 * the workload being looked at, and an outside range as a CIDR when it is one.
 */
export function displayName(node: Node, fromNamespace: string): string {
  if (node.kind === 'external') {
    const size = node.hi - node.lo + 1n;
    const bits = node.family === 4 ? 32 : 128;
    if ((size & (size - 1n)) === 0n && node.lo % size === 0n) return `${formatIp(node.family, node.lo)}/${bits - (size.toString(2).length - 1)}`;
    return node.id.replace('[External]', '');
  }
  return node.namespace === fromNamespace ? node.id.slice(node.namespace.length + 1) : node.id;
}

/** The list under `key`, made empty on first use. */
function listOf<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** `selects` computed on first read (thousands of policies × thousands of workloads add up at start-up). */
function withLazySelects(compute: () => string[], entry: Omit<PolicyEntry, 'selects'>): PolicyEntry {
  let cached: string[] | undefined;
  return Object.defineProperty(entry, 'selects', { enumerable: true, get: () => (cached ??= compute()) }) as PolicyEntry;
}
