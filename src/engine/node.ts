import type { Pod } from '../model/snapshot.js';
import { formatIp, type IpFamily } from '../net/ip-address.js';

export type Level = 'workload' | 'pod';

/** A node of the matrix users read: a workload, a pod, or an external address range. */
export type Node =
  | { kind: 'workload'; id: string; namespace: string; name: string; workloadKind: string; pods: Pod[] }
  | { kind: 'pod'; id: string; namespace: string; name: string; pod: Pod }
  | { kind: 'external'; id: string; family: IpFamily; lo: bigint; hi: bigint };

export function externalId(family: IpFamily, lo: bigint, hi: bigint): string {
  return `${formatIp(family, lo)}-${formatIp(family, hi)}[External]`;
}

/** The order of nodes and edges: by id, as UTF-16 code units. */
export const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function podId(pod: Pod): string {
  return pod.fromTemplate ? `${pod.namespace}/${pod.owner.name}[${pod.owner.kind}]` : `${pod.namespace}/${pod.name}`;
}
