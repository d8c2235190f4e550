import type { Pod } from '../model/snapshot.js';
import { ConnectionSet } from '../net/connection-set.js';
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
  const cache = new Map<string, ConnectionSet>();
  const conns = (srcs: Iterable<number>, dsts: Iterable<number>): ConnectionSet => {
    const dstList = [...dsts];
    let key = '';
    for (const pc of m.portClasses) {
      let hit = false;
      for (const s of srcs) {
        for (const d of dstList) if (m.allows(pc.index, s, d)) { hit = true; break; }
        if (hit) break;
      }
      if (hit) key += `${pc.index},`;
    }
    let cs = cache.get(key);
    if (!cs) {
      cs = ConnectionSet.NONE;
      for (const k of key.split(',').filter(Boolean)) cs = cs.union(m.portClasses[Number(k)]!.connections);
      cache.set(key, cs);
    }
    return cs;
  };

  const edges: Edge[] = [];
  const externals = new Map<string, Node>();
  const external = (family: IpFamily, lo: bigint, hi: bigint): Node => {
    const id = externalId(family, lo, hi);
    let n = externals.get(id);
    if (!n) externals.set(id, (n = { kind: 'external', id, family, lo, hi }));
    return n;
  };
  for (const a of list) {
    for (const b of list) {
      if (a === b) continue;
      const cs = conns(a.classes, b.classes);
      if (!cs.isEmpty()) edges.push({ src: a.node, dst: b.node, connections: cs });
    }
    // External ranges, merged where neighbouring blocks give the same connections.
    for (const dir of ['in', 'out'] as const) {
      let run: { family: IpFamily; lo: bigint; hi: bigint; cs: ConnectionSet } | undefined;
      const flush = (): void => {
        if (run && !run.cs.isEmpty()) {
          const ext = external(run.family, run.lo, run.hi);
          edges.push(dir === 'in' ? { src: ext, dst: a.node, connections: run.cs } : { src: a.node, dst: ext, connections: run.cs });
        }
        run = undefined;
      };
      m.blocks.forEach((blk, i) => {
        if (blk.family === 6 && !m.showIpv6) return;
        const e = [m.blockEntity(i)];
        const cs = dir === 'in' ? conns(e, a.classes) : conns(a.classes, e);
        if (run && run.family === blk.family && run.hi + 1n === blk.lo && run.cs.equals(cs)) run.hi = blk.hi;
        else {
          flush();
          run = { family: blk.family, lo: blk.lo, hi: blk.hi, cs };
        }
      });
      flush();
    }
  }
  edges.sort((x, y) => byId(x.src, y.src) || byId(x.dst, y.dst));
  return { level, nodes: [...list.map((g) => g.node), ...[...externals.values()].sort(byId)], edges };
}

export function podId(pod: Pod): string {
  return pod.fromTemplate ? `${pod.namespace}/${pod.owner.name}[${pod.owner.kind}]` : `${pod.namespace}/${pod.name}`;
}
