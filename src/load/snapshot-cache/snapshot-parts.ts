import type { NetworkPolicy } from '../../model/policy.js';
import type { Pod, Snapshot } from '../../model/snapshot.js';
import type { LoadResult } from '../load-snapshot.js';
import { NotCacheable, plainCopy } from './plain-copy.js';

/** A snapshot's pods and NetworkPolicies (those without ipBlocks) of one namespace, each with its place in the whole. */
export interface NamespacePart {
  pods: [number, Pod][];
  policies: [number, NetworkPolicy][];
}

/** Everything of a load but what the namespace parts hold. */
export interface GlobalPart {
  result: Omit<LoadResult, 'snapshot' | 'declared'> & { snapshot: Omit<Snapshot, 'pods' | 'policies'> };
  /** The NetworkPolicies with an ipBlock, with their places. */
  policies: [number, NetworkPolicy][];
  /** Namespaces with a part, in the parts' order (part i is the i-th). */
  namespaces: string[];
  /** The snapshot's keys in their order (JSON output follows it). */
  keys: string[];
  pods: number;
}

/**
 * Cuts a load into a global part and one part per namespace: a question about two workloads
 * reads the parts of their namespaces only. A pair's answer depends on the two pods, on the
 * NetworkPolicies of their namespaces (a NetworkPolicy selects pods of its own namespace; its
 * peers are matched against the pair's labels), on the cluster-wide policies, and on every
 * address range written anywhere: the outside address pieces and whether some ipBlock holds a
 * pod's IP (which decides the network plugins' behaviours an answer tells apart) come from
 * all of them. So NetworkPolicies with an ipBlock stay in the global part with the
 * cluster-wide ones; the others go with their namespace's pods. Under legacy semantics the
 * declared policies differ from the analysed ones: not cut (undefined).
 */
export function splitLoad(result: LoadResult): { global: GlobalPart; parts: NamespacePart[] } | undefined {
  if (result.declared !== result.snapshot) return undefined;
  const { pods, policies, ...rest } = result.snapshot;
  const byNamespace = new Map<string, NamespacePart>();
  const partOf = (ns: string): NamespacePart => {
    let part = byNamespace.get(ns);
    if (!part) byNamespace.set(ns, (part = { pods: [], policies: [] }));
    return part;
  };
  pods.forEach((p, i) => partOf(p.namespace).pods.push([i, plainCopy(p) as Pod]));
  const withAddresses: [number, NetworkPolicy][] = [];
  policies.forEach((p, i) => (hasIpBlock(p) ? withAddresses : partOf(p.namespace).policies).push([i, plainCopy(p) as NetworkPolicy]));
  // The global part must not hold a pod or a policy: it would come back as a second copy.
  const forbidden = new Set<object>([...pods, ...policies]);
  const { snapshot: _s, declared: _d, ...others } = result;
  const global: GlobalPart = {
    result: plainCopy({ ...others, snapshot: rest }, forbidden) as GlobalPart['result'],
    policies: withAddresses,
    namespaces: [...byNamespace.keys()],
    keys: Object.keys(result.snapshot),
    pods: pods.length,
  };
  return { global, parts: [...byNamespace.values()] };
}

const hasIpBlock = (p: NetworkPolicy): boolean => [...p.ingress, ...p.egress].some((r) => r.peers !== 'any' && r.peers.some((peer) => peer.kind === 'ipBlock'));

/** The load again, with the pods and policies of the parts given, in their original order. */
export function joinLoad(global: GlobalPart, parts: readonly NamespacePart[]): LoadResult {
  const pods = parts.flatMap((p) => p.pods).sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  const policies = [...global.policies, ...parts.flatMap((p) => p.policies)].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  const fields: Record<string, unknown> = { ...global.result.snapshot, pods, policies };
  const snapshot = Object.fromEntries(global.keys.map((k) => [k, fields[k]])) as unknown as Snapshot;
  return { ...global.result, snapshot, declared: snapshot };
}

export { NotCacheable };
