import { DEFAULT_ASSUMPTIONS, type PluginAssumptions } from '../model/cni.js';
import type { LabelSelector } from '../model/labels.js';
import type { NetworkPolicy, Peer, Protocol, Rule } from '../model/policy.js';
import type { Namespace, Pod } from '../model/snapshot.js';
import { ConnectionSet } from '../net/connection-set.js';
import { PortSet } from '../net/port-set.js';
import { matchesSelector } from '../select/label-selector.js';
import { Bitset } from './bitset.js';
import { blocksOfPeer, type ExternalBlock } from './external-blocks.js';
import type { PodIndex } from './pod-index.js';

/** A rule turned into bitsets over the engine's entities (pod classes, then external blocks). */
export interface CompiledRule {
  rule: Rule;
  /** `null`: every entity (`from`/`to` absent or empty). */
  peers: Bitset | null;
  /** The pod classes the rule's policy selects. */
  targets: Bitset;
  /** What the numeric port items open (everything when `ports` is absent or empty). */
  ports: ConnectionSet;
  /** Named port items: resolved against each destination pod. */
  named: readonly { name: string; protocol: Protocol }[];
  /** Equal for rules that open the same ports to every destination. */
  portKey: string;
}

export interface CompiledPolicy {
  policy: NetworkPolicy;
  /** Pod classes selected by `spec.podSelector` in the policy's namespace. */
  targets: Bitset;
  ingress: CompiledRule[];
  egress: CompiledRule[];
}

export interface Universe {
  pods: PodIndex;
  blocks: readonly ExternalBlock[];
  /** Pod classes first, external blocks after them. */
  size: number;
  /** What the pod classes were made from (computeMatrix's `like` reuses them when these are the same). */
  basis: { pods: readonly Pod[]; namespaces: readonly Namespace[]; covered: ReadonlySet<number> };
}

/** Pods of the namespaces `namespace` names (one, or a selector) that match `pods` (all when absent). */
export type SelectPods = (namespace: LabelSelector | string, pods: LabelSelector | undefined) => Bitset;

/**
 * Compiles policies, sharing the bitset of identical selectors. Under `assumptions` (what the
 * network plugin does: docs/cni-profiles.md), an ipBlock peer also holds the pod classes whose
 * IPs it holds, and hostNetwork pods may be left out of subjects and pod peers.
 */
export function compilePolicies(policies: readonly NetworkPolicy[], u: Universe, selectPods: SelectPods = podSelection(u), assumptions: PluginAssumptions = DEFAULT_ASSUMPTIONS): CompiledPolicy[] {
  const P = u.pods.classes.length;
  // Pod classes per ipBlock-covered block: empty unless some pod IP falls in an ipBlock.
  const classesInBlock = new Map<number, number[]>();
  if (assumptions.ipBlockSelectsPods) for (const c of u.pods.classes) for (const b of c.ipBlocks) classesInBlock.set(b, [...(classesInBlock.get(b) ?? []), c.index]);
  const hostNetwork = new Bitset(u.size);
  if (assumptions.hostNetwork === 'node') for (const c of u.pods.classes) if (c.hostNetwork) hostNetwork.set(c.index);
  const withoutHost = new WeakMap<Bitset, Bitset>();
  const podsOf: SelectPods = hostNetwork.isEmpty()
    ? selectPods
    : (namespace, pods) => {
        const b = selectPods(namespace, pods);
        let out = withoutHost.get(b);
        if (!out) withoutHost.set(b, (out = b.clone().andNotWith(hostNetwork)));
        return out;
      };

  const peerBits = (policy: NetworkPolicy, peer: Peer): Bitset => {
    if (peer.kind === 'ipBlock') {
      const blocks = blocksOfPeer(u.blocks, peer);
      const bits = Bitset.of(u.size, blocks.map((i) => P + i));
      if (classesInBlock.size) for (const b of blocks) for (const c of classesInBlock.get(b) ?? []) bits.set(c);
      return bits;
    }
    // namespaceSelector absent: the policy's own namespace. podSelector absent: all pods there.
    return podsOf(peer.namespaceSelector ?? policy.namespace, peer.podSelector);
  };

  const compileRule = (policy: NetworkPolicy, targets: Bitset, rule: Rule): CompiledRule => {
    let peers: Bitset | null = null;
    if (rule.peers !== 'any') {
      const only = rule.peers.length === 1 ? rule.peers[0]! : undefined;
      if (only && only.kind !== 'ipBlock') {
        // One pod peer: the selection's own bitset, shared by every rule with that peer (read
        // only, as every compiled bitset): no copy as wide as the cluster per rule.
        peers = peerBits(policy, only);
      } else {
        peers = new Bitset(u.size);
        for (const p of rule.peers) peers.orWith(peerBits(policy, p));
      }
    }
    let ports = rule.ports === 'any' ? ConnectionSet.ALL : ConnectionSet.NONE;
    const named: { name: string; protocol: Protocol }[] = [];
    for (const s of rule.ports === 'any' ? [] : rule.ports) {
      if (s.kind === 'named') named.push({ name: s.name, protocol: s.protocol });
      else ports = ports.union(ConnectionSet.of({ [s.protocol]: s.kind === 'all' ? PortSet.ALL : PortSet.range(s.from, s.to) }));
    }
    const portKey = `${ports.toString()}|${named.map((n) => `${n.protocol}/${n.name}`).sort().join(',')}`;
    return { rule, peers, targets, ports, named, portKey };
  };

  return policies.map((policy) => {
    const targets = podsOf(policy.namespace, policy.podSelector);
    return {
      policy,
      targets,
      ingress: policy.affects.ingress ? policy.ingress.map((r) => compileRule(policy, targets, r)) : [],
      egress: policy.affects.egress ? policy.egress.map((r) => compileRule(policy, targets, r)) : [],
    };
  });
}

/** Selector → bitset of pod classes, with a cache and posting lists. */
export function podSelection(u: Universe): SelectPods {
  const cache = new Map<string, Bitset>();
  const classes = u.pods.classes;

  // Posting lists: classes per namespace and per label key=value, so that a selector only looks
  // at the classes of its most selective term.
  const byNamespace = new Map<string, number[]>();
  const byLabel = new Map<string, number[]>();
  const byKey = new Map<string, number[]>();
  for (const c of classes) {
    const inNamespace = byNamespace.get(c.namespace);
    if (inNamespace) inNamespace.push(c.index);
    else byNamespace.set(c.namespace, [c.index]);
    for (const [k, v] of Object.entries(c.labels)) {
      const key = `${k}=${v}`;
      const list = byLabel.get(key);
      if (list) list.push(c.index);
      else byLabel.set(key, [c.index]);
      const withKey = byKey.get(k);
      if (withKey) withKey.push(c.index);
      else byKey.set(k, [c.index]);
    }
  }
  const namespaceNames = [...new Set([...u.pods.namespaceLabels.keys(), ...byNamespace.keys()])];

  // The namespaces a namespace selector matches, once per selector: policies repeat a few
  // namespace selectors many times, and matching every namespace for each was quadratic.
  const namespaceCache = new Map<string, { namespaces: string[]; inScope: Set<string> }>();
  const namespacesOf = (selector: LabelSelector): { namespaces: string[]; inScope: Set<string> } => {
    const key = JSON.stringify(selector);
    let hit = namespaceCache.get(key);
    if (!hit) {
      const namespaces = namespaceNames.filter((ns) => matchesSelector(selector, u.pods.namespaceLabels.get(ns) ?? {}));
      namespaceCache.set(key, (hit = { namespaces, inScope: new Set(namespaces) }));
    }
    return hit;
  };

  const selectPods: SelectPods = (namespace, pods) => {
    const key = JSON.stringify([namespace, pods ?? null]);
    const hit = cache.get(key);
    if (hit) return hit;
    const { namespaces, inScope } = typeof namespace === 'string' ? { namespaces: [namespace], inScope: new Set([namespace]) } : namespacesOf(namespace);
    // The smallest list that holds every class the selector may match: its namespaces', or a
    // label term's (`k=v`, `k In (…)`: the classes with one of the values, `k Exists`: with the key).
    let candidates: number[] | undefined;
    let size = namespaces.reduce((n, ns) => n + (byNamespace.get(ns)?.length ?? 0), 0);
    const consider = (list: number[]): void => {
      if (list.length < size) {
        candidates = list;
        size = list.length;
      }
    };
    for (const [k, v] of Object.entries(pods?.matchLabels ?? {})) consider(byLabel.get(`${k}=${v}`) ?? []);
    for (const e of pods?.matchExpressions ?? []) {
      if (e.operator === 'Exists') consider(byKey.get(e.key) ?? []);
      else if (e.operator === 'In') {
        const lists = e.values.map((v) => byLabel.get(`${e.key}=${v}`) ?? []);
        if (lists.reduce((n, l) => n + l.length, 0) < size) consider(lists.length === 1 ? lists[0]! : [...new Set(lists.flat())]);
      }
    }
    candidates ??= namespaces.length === 1 ? (byNamespace.get(namespaces[0]!) ?? []) : namespaces.flatMap((ns) => byNamespace.get(ns) ?? []);
    const b = new Bitset(u.size);
    for (const i of candidates) {
      const c = classes[i]!;
      if (inScope.has(c.namespace) && (!pods || matchesSelector(pods, c.labels))) b.set(i);
    }
    cache.set(key, b);
    return b;
  };

  return selectPods;
}
