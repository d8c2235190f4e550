import type { Endpoint } from './endpoint.js';
import type { ConnectionSet } from '../net/connection-set.js';
import type { AppliedFilters } from './edge-filter.js';
import type { ReachabilityMatrix } from './matrix.js';
import { byId, type Level, type Node } from './node.js';
import { nodePairs, type NodePairs } from './node-pairs.js';

export { externalId, podId, type Level, type Node } from './node.js';

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
  /** Set when only some pairs are shown (edge-filter.ts). */
  filters?: AppliedFilters;
}

/** Connectivity whose edges are produced one by one, in the same order, when walked (streamed output). */
export interface ConnectivityWalk {
  level: Level;
  nodes: Node[];
  edges: Iterable<Edge>;
  /** Set when only some pairs are shown (edge-filter.ts). */
  filters?: AppliedFilters;
}

/**
 * Lifts the class matrix to the nodes users read: workloads (`ns/name[Kind]`, the union over
 * their pods) or single pods, plus external address ranges. Adjacent external blocks that give
 * a node the same connections are merged, per node and direction. Self-pairs are left out.
 */
export function connectivity(m: ReachabilityMatrix, level: Level = 'workload'): Connectivity {
  const p = nodePairs(m, level);
  const edges: Edge[] = [];
  p.nodes.forEach((node, a) => {
    const to = p.toNodes(a);
    for (let k = 0; k < to.length; k += 2) edges.push({ src: node, dst: p.nodes[to[k]!]!, connections: m.pool.get(to[k + 1]!) });
    for (const r of p.runs[a]!.in) edges.push({ src: r.ext, dst: node, connections: m.pool.get(r.id) });
    for (const r of p.runs[a]!.out) edges.push({ src: node, dst: r.ext, connections: m.pool.get(r.id) });
  });
  edges.sort((x, y) => byId(x.src, y.src) || byId(x.dst, y.dst));
  return { level, nodes: [...p.nodes, ...p.externals], edges };
}

/**
 * The same nodes and edges as `connectivity()`, in the same order, but no list of edges is made:
 * each edge is built when the walk reaches it (a node's destinations are computed when it is
 * walked, one source node at a time). Each `for … of` over `edges` walks again.
 */
export function connectivityWalk(m: ReachabilityMatrix, level: Level = 'workload'): ConnectivityWalk {
  const p = nodePairs(m, level);
  return { level, nodes: [...p.nodes, ...p.externals], edges: { [Symbol.iterator]: () => sortedEdges(p, m) } };
}

function* sortedEdges(p: NodePairs, m: ReachabilityMatrix): Generator<Edge> {
  // Edges out of an external range: the `in` runs of every node, in node (= id) order.
  const fromExternal = new Map<Node, { dst: Node; id: number }[]>();
  p.nodes.forEach((dst, a) => {
    for (const r of p.runs[a]!.in) {
      let list = fromExternal.get(r.ext);
      if (!list) fromExternal.set(r.ext, (list = []));
      list.push({ dst, id: r.id });
    }
  });
  let i = 0;
  let j = 0;
  while (i < p.nodes.length || j < p.externals.length) {
    if (j >= p.externals.length || (i < p.nodes.length && byId(p.nodes[i]!, p.externals[j]!) < 0)) {
      // A node's outgoing edges: to other nodes and to external ranges, merged in id order
      // (written out here rather than delegated with yield*, which costs per edge).
      const a = i++;
      const src = p.nodes[a]!;
      const toNodes = p.toNodes(a);
      const out = [...p.runs[a]!.out].sort((x, y) => byId(x.ext, y.ext)); // runs are in address order
      let k = 0;
      let l = 0;
      while (k < toNodes.length || l < out.length) {
        if (l >= out.length || (k < toNodes.length && byId(p.nodes[toNodes[k]!]!, out[l]!.ext) < 0)) {
          const b = toNodes[k]!;
          const id = toNodes[k + 1]!;
          k += 2;
          yield { src, dst: p.nodes[b]!, connections: m.pool.get(id) };
        } else {
          const r = out[l++]!;
          yield { src, dst: r.ext, connections: m.pool.get(r.id) };
        }
      }
      continue;
    }
    const src = p.externals[j++]!;
    for (const e of fromExternal.get(src) ?? []) yield { src, dst: e.dst, connections: m.pool.get(e.id) };
  }
}

/** An endpoint that stands for a node in a question: a workload's first pod, a range's first address. */
export function representativeEndpoint(n: Node): Endpoint | undefined {
  if (n.kind === 'pod') return { kind: 'pod', pod: n.pod };
  if (n.kind === 'workload') return n.pods[0] ? { kind: 'pod', pod: n.pods[0] } : undefined;
  return { kind: 'ip', family: n.family, addr: n.lo };
}
