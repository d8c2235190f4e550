import type { Endpoint } from './endpoint.js';
import type { ConnectionSet } from '../net/connection-set.js';
import type { AppliedFilters } from './edge-filter.js';
import type { ConnectionPool } from './connection-pool.js';
import { edgesOfRows, rowsOfEdges, type EdgeRow } from './edge-rows.js';
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
  /** The edges, one source at a time, as positions in `nodes` and ids of `pool` (edge-rows.ts). */
  rows: Iterable<EdgeRow>;
  /** The matrix's connection sets, by the ids in `rows`. */
  pool: ConnectionPool;
  /** The same edges as objects. */
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
 * each source's row is built when the walk reaches it (a node's destinations are computed when it
 * is walked, one source node at a time). Each `for … of` over `rows` or `edges` walks again.
 */
export function connectivityWalk(m: ReachabilityMatrix, level: Level = 'workload'): ConnectivityWalk {
  const p = nodePairs(m, level);
  const nodes = [...p.nodes, ...p.externals];
  const rows = { [Symbol.iterator]: () => sortedRows(p) };
  return { level, nodes, rows, pool: m.pool, edges: { [Symbol.iterator]: () => edgesOfRows(nodes, rows, m.pool) } };
}

/** A connectivity built whole, as a walk over its list (the whole-text formatters write through the streamed ones). */
export function walkOf(c: Connectivity): ConnectivityWalk {
  const { rows, pool } = rowsOfEdges(c.nodes, c.edges);
  return { level: c.level, nodes: c.nodes, rows, pool, edges: c.edges, ...(c.filters ? { filters: c.filters } : {}) };
}

/** The rows of the walk, sources in id order (nodes and external ranges merged); empty rows left out. */
function* sortedRows(p: NodePairs): Generator<EdgeRow> {
  const N = p.nodes.length;
  const at = new Map(p.externals.map((x, j) => [x, N + j]));
  // Rows out of an external range: the `in` runs of every node, in node (= id) order.
  const fromExternal = new Map<Node, number[]>();
  p.nodes.forEach((_, a) => {
    for (const r of p.runs[a]!.in) {
      let list = fromExternal.get(r.ext);
      if (!list) fromExternal.set(r.ext, (list = []));
      list.push(a, r.id);
    }
  });
  let i = 0;
  let j = 0;
  while (i < N || j < p.externals.length) {
    if (j >= p.externals.length || (i < N && byId(p.nodes[i]!, p.externals[j]!) < 0)) {
      const a = i++;
      const toNodes = p.toNodes(a);
      const out = [...p.runs[a]!.out].sort((x, y) => byId(x.ext, y.ext)); // runs are in address order
      if (out.length === 0) {
        if (toNodes.length > 0) yield { src: a, to: toNodes };
        continue;
      }
      // A node's destinations: other nodes and external ranges, merged in id order.
      const to = new Int32Array(toNodes.length + 2 * out.length);
      let k = 0;
      let l = 0;
      let n = 0;
      while (k < toNodes.length || l < out.length) {
        if (l >= out.length || (k < toNodes.length && byId(p.nodes[toNodes[k]!]!, out[l]!.ext) < 0)) {
          to[n++] = toNodes[k]!;
          to[n++] = toNodes[k + 1]!;
          k += 2;
        } else {
          const r = out[l++]!;
          to[n++] = at.get(r.ext)!;
          to[n++] = r.id;
        }
      }
      yield { src: a, to };
      continue;
    }
    const x = p.externals[j++]!;
    const list = fromExternal.get(x);
    if (list) yield { src: at.get(x)!, to: Int32Array.from(list) };
  }
}

/** An endpoint that stands for a node in a question: a workload's first pod, a range's first address. */
export function representativeEndpoint(n: Node): Endpoint | undefined {
  if (n.kind === 'pod') return { kind: 'pod', pod: n.pod };
  if (n.kind === 'workload') return n.pods[0] ? { kind: 'pod', pod: n.pods[0] } : undefined;
  return { kind: 'ip', family: n.family, addr: n.lo };
}
