import type { Pod } from '../model/snapshot.js';
import type { Endpoint } from './endpoint.js';
import type { ConnectionSet } from '../net/connection-set.js';
import { setBits } from './bitset.js';
import { formatIp, type IpFamily } from '../net/ip-address.js';
import type { ReachabilityMatrix } from './matrix.js';

export type Level = 'workload' | 'pod';

export type Node =
  | { kind: 'workload'; id: string; namespace: string; name: string; workloadKind: string; pods: Pod[] }
  | { kind: 'pod'; id: string; namespace: string; name: string; pod: Pod }
  | { kind: 'external'; id: string; family: IpFamily; lo: bigint; hi: bigint };

export interface Edge {
  src: Node;
  dst: Node;
  connections: ConnectionSet;
}

export interface Connectivity {
  level: Level;
  nodes: Node[];
  /** Sorted by source id, then destination id. Pairs with no connection are left out. */
  edges: Edge[];
}

export function externalId(family: IpFamily, lo: bigint, hi: bigint): string {
  return `${formatIp(family, lo)}-${formatIp(family, hi)}[External]`;
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Lifts the class matrix to the nodes users read: workloads (`ns/name[Kind]`, the union over
 * their pods) or single pods, plus external address ranges. Adjacent external blocks that give
 * a node the same connections are merged, per node and direction. Self-pairs are left out.
 */
export function connectivity(m: ReachabilityMatrix, level: Level = 'workload'): Connectivity {
  const classOf = m.pods.classOf;
  const groups = new Map<string, { node: Node; classes: Set<number> }>();
  for (const c of m.pods.classes) {
    for (const pod of c.pods) {
      const id = level === 'pod' ? podId(pod) : `${pod.namespace}/${pod.owner.name}[${pod.owner.kind}]`;
      let g = groups.get(id);
      if (!g) {
        const node: Node =
          level === 'pod'
            ? { kind: 'pod', id, namespace: pod.namespace, name: pod.name, pod }
            : { kind: 'workload', id, namespace: pod.namespace, name: pod.owner.name, workloadKind: pod.owner.kind, pods: [] };
        g = { node, classes: new Set() };
        groups.set(id, g);
      }
      if (g.node.kind === 'workload') g.node.pods.push(pod);
      g.classes.add(classOf.get(pod)!);
    }
  }
  const list = [...groups.values()].sort((a, b) => byId(a.node, b.node));
  const P = m.pods.classes.length;
  const nodesOfClass: number[][] = Array.from({ length: P }, () => []);
  list.forEach((g, i) => {
    for (const c of g.classes) nodesOfClass[c]!.push(i);
  });

  // Pod-to-pod and pod-to-outside, as connection ids accumulated per node pair.
  const toNodes: Map<number, number>[] = list.map(() => new Map());
  const toBlocks: Map<number, number>[] = list.map(() => new Map());
  const fromBlocks: Map<number, number>[] = list.map(() => new Map());
  const add = (acc: Map<number, number>, key: number, id: number): void => {
    acc.set(key, m.pool.union(acc.get(key) ?? 0, id));
  };
  list.forEach((g, a) => {
    for (const s of g.classes) {
      const row = m.rows[s]!;
      row.ids.forEach((id, i) => {
        for (const d of setBits(row.bits[i]!)) {
          if (d >= P) add(toBlocks[a]!, d - P, id);
          else for (const b of nodesOfClass[d]!) if (b !== a) add(toNodes[a]!, b, id);
        }
      });
    }
  });
  m.blocks.forEach((_, x) => {
    const row = m.rows[P + x]!;
    row.ids.forEach((id, i) => {
      for (const d of setBits(row.bits[i]!)) if (d < P) for (const b of nodesOfClass[d]!) add(fromBlocks[b]!, x, id);
    });
  });

  const edges: Edge[] = [];
  const externals = new Map<string, Node>();
  const external = (family: IpFamily, lo: bigint, hi: bigint): Node => {
    const id = externalId(family, lo, hi);
    let n = externals.get(id);
    if (!n) externals.set(id, (n = { kind: 'external', id, family, lo, hi }));
    return n;
  };
  list.forEach((g, a) => {
    for (const [b, id] of toNodes[a]!) edges.push({ src: g.node, dst: list[b]!.node, connections: m.pool.get(id) });
    // External ranges, merged where neighbouring blocks give the same connections.
    for (const [dir, acc] of [['in', fromBlocks[a]!], ['out', toBlocks[a]!]] as const) {
      let run: { family: IpFamily; lo: bigint; hi: bigint; id: number } | undefined;
      const flush = (): void => {
        if (run && run.id !== 0) {
          const ext = external(run.family, run.lo, run.hi);
          const connections = m.pool.get(run.id);
          edges.push(dir === 'in' ? { src: ext, dst: g.node, connections } : { src: g.node, dst: ext, connections });
        }
        run = undefined;
      };
      m.blocks.forEach((blk, x) => {
        if (blk.family === 6 && !m.showIpv6) return;
        const id = acc.get(x) ?? 0;
        if (run && run.family === blk.family && run.hi + 1n === blk.lo && run.id === id) run.hi = blk.hi;
        else {
          flush();
          run = { family: blk.family, lo: blk.lo, hi: blk.hi, id };
        }
      });
      flush();
    }
  });
  edges.sort((x, y) => byId(x.src, y.src) || byId(x.dst, y.dst));
  return { level, nodes: [...list.map((g) => g.node), ...[...externals.values()].sort(byId)], edges };
}

export function podId(pod: Pod): string {
  return pod.fromTemplate ? `${pod.namespace}/${pod.owner.name}[${pod.owner.kind}]` : `${pod.namespace}/${pod.name}`;
}

/** An endpoint that stands for a node in a question: a workload's first pod, a range's first address. */
export function representativeEndpoint(n: Node): Endpoint | undefined {
  if (n.kind === 'pod') return { kind: 'pod', pod: n.pod };
  if (n.kind === 'workload') return n.pods[0] ? { kind: 'pod', pod: n.pods[0] } : undefined;
  return { kind: 'ip', family: n.family, addr: n.lo };
}
