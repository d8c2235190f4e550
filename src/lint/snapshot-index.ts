import type { Labels, LabelSelector } from '../model/labels.js';
import type { PodPeer, Protocol } from '../model/policy.js';
import type { Snapshot } from '../model/snapshot.js';
import { parseIp } from '../net/ip-address.js';
import type { IpRanges } from '../net/ip-ranges.js';
import { matchesSelector } from '../select/label-selector.js';
import { SortedPodIps, type PodIp } from './sorted-pod-ips.js';

/**
 * Lookups over one snapshot's pods, built once per lint run and shared by the rules, so that a
 * rule asks "which pods does this selector pick" without scanning every pod for every policy.
 * Pods are named by their index in `snapshot.pods`; every list is in snapshot order.
 */
export class SnapshotIndex {
  /** Pod indices by namespace. */
  private readonly byNamespace = new Map<string, number[]>();
  /** Pod indices by namespace, then by label `key\0value`. */
  private readonly byLabel = new Map<string, Map<string, number[]>>();
  /** Pod indices by named container port `name\0protocol`. */
  private readonly byPort = new Map<string, number[]>();
  private readonly namespaceCache = new Map<string, readonly string[]>();
  private ips?: SortedPodIps;

  constructor(
    readonly snapshot: Snapshot,
    readonly namespaceLabels: ReadonlyMap<string, Labels>,
  ) {
    snapshot.pods.forEach((pod, i) => {
      push(this.byNamespace, pod.namespace, i);
      let labels = this.byLabel.get(pod.namespace);
      if (!labels) this.byLabel.set(pod.namespace, (labels = new Map()));
      for (const [k, v] of Object.entries(pod.labels)) push(labels, `${k}\0${v}`, i);
      const seen = new Set<string>();
      for (const cp of pod.ports) {
        if (cp.name === undefined) continue;
        const key = `${cp.name}\0${cp.protocol}`;
        if (!seen.has(key)) push(this.byPort, key, (seen.add(key), i));
      }
    });
  }

  /** Namespaces holding pods whose labels match `selector` (labels of an unknown namespace: none). */
  namespacesMatching(selector: LabelSelector): readonly string[] {
    const key = JSON.stringify(selector);
    let out = this.namespaceCache.get(key);
    if (!out) this.namespaceCache.set(key, (out = [...this.byNamespace.keys()].filter((ns) => matchesSelector(selector, this.namespaceLabels.get(ns) ?? {}))));
    return out;
  }

  /**
   * Pods of `namespace` that `selector` picks (absent: all of them): the shortest list among the
   * selector's matchLabels pairs, then the exact check.
   */
  podsIn(namespace: string, selector: LabelSelector | undefined): readonly number[] {
    const all = this.byNamespace.get(namespace) ?? [];
    if (!selector) return all;
    let candidates: readonly number[] = all;
    const labels = this.byLabel.get(namespace);
    for (const [k, v] of Object.entries(selector.matchLabels)) {
      const list = labels?.get(`${k}\0${v}`) ?? [];
      if (list.length < candidates.length) candidates = list;
      if (!list.length) return [];
    }
    if (selector.matchExpressions.length === 0 && Object.keys(selector.matchLabels).length === 0) return all;
    const pods = this.snapshot.pods;
    return candidates.filter((i) => matchesSelector(selector, pods[i]!.labels));
  }

  /** Namespaces a `pods` peer of a policy in `policyNamespace` looks in. */
  peerNamespaces(peer: PodPeer, policyNamespace: string): readonly string[] {
    return peer.namespaceSelector ? this.namespacesMatching(peer.namespaceSelector) : this.byNamespace.has(policyNamespace) ? [policyNamespace] : [];
  }

  /** Whether a `pods` peer holds any pod (podPeerHolds for some pod). */
  peerHoldsAny(peer: PodPeer, policyNamespace: string): boolean {
    return this.peerNamespaces(peer, policyNamespace).some((ns) => this.podsIn(ns, peer.podSelector).length > 0);
  }

  /** Pods held by any of `peers`, ascending. */
  peersPods(peers: readonly PodPeer[], policyNamespace: string): number[] {
    const out = new Set<number>();
    for (const peer of peers) for (const ns of this.peerNamespaces(peer, policyNamespace)) for (const i of this.podsIn(ns, peer.podSelector)) out.add(i);
    return [...out].sort((a, b) => a - b);
  }

  /** Pods exposing a container port with this name and protocol, ascending. */
  podsWithPort(name: string, protocol: Protocol): readonly number[] {
    return this.byPort.get(`${name}\0${protocol}`) ?? [];
  }

  /** Every parsable pod IP, in snapshot order (pod, then its IPs). */
  podIps(): readonly PodIp[] {
    return this.sortedIps().all;
  }

  /** The pod IPs inside `ranges`: how many, and the first in snapshot order. */
  ipsInside(ranges: IpRanges): { count: number; first?: PodIp } {
    const ips = this.sortedIps();
    const v4 = ips.inside(4, ranges.v4);
    const v6 = ips.inside(6, ranges.v6);
    const count = v4.count + v6.count;
    return count ? { count, first: ips.all[Math.min(v4.first, v6.first)]! } : { count };
  }

  private sortedIps(): SortedPodIps {
    if (!this.ips) {
      const all: PodIp[] = [];
      for (const pod of this.snapshot.pods) {
        for (const ip of pod.ips) {
          const parsed = parseIp(ip);
          if (parsed) all.push({ pod, ip, family: parsed.family, value: parsed.value });
        }
      }
      this.ips = new SortedPodIps(all);
    }
    return this.ips;
  }
}

function push<K>(m: Map<K, number[]>, k: K, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Whether sorted `a` and sorted `b` share an element (binary search of the shorter in the longer). */
export function intersects(a: readonly number[], b: readonly number[]): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  for (const x of small) {
    let lo = 0;
    let hi = large.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (large[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo < large.length && large[lo] === x) return true;
  }
  return false;
}
