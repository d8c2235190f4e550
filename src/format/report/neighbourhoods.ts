import { forEachSetBit } from '../../engine/bitset.js';
import type { Edge } from '../../engine/connectivity.js';
import { filterEdge, type EdgeFilter } from '../../engine/edge-filter.js';
import { blockRuns } from '../../engine/block-runs.js';
import type { ReachabilityMatrix } from '../../engine/matrix.js';
import { externalId, type Level, type Node } from '../../engine/node.js';
import type { ConnectionSet } from '../../net/connection-set.js';
import type { IpFamily } from '../../net/ip-address.js';
import { reportUnits, type ReportUnits } from './report-units.js';
import { unitDestinations } from './unit-destinations.js';

/** How much of the graph the page may draw at once, and how many pairs the page analyses whole. */
export interface GraphCaps {
  /** Nodes of one namespace's graph: its own units and the neighbours drawn one by one. */
  nodes: number;
  /** Edges of one namespace's graph. */
  edges: number;
  /** Allowed pairs kept for the whole-cluster analyses (exposure, groups that reach each other). */
  analysed: number;
}

/** The kept pairs with an end in one namespace, as flat [src, dst, conn] triples. */
export interface NamespaceEdges {
  /** Every pair with an end here; undefined once there are more than the caps allow (pairs or neighbours). */
  edges: number[] | undefined;
  /** The other ends (units of other namespaces, outside ranges); undefined past the node cap. */
  neighbours: Set<number> | undefined;
  /** The pairs with both ends here, up to the edge cap; `intraLeftOut` counts the rest. */
  intra: number[];
  intraLeftOut: number;
}

export interface Neighbourhoods {
  units: ReportUnits;
  /** Outside ranges (merged per node and direction, as the workload matrix shows them): end `units.nodes.length + i`. */
  ranges: Node[];
  /** The connections the triples name, by index. */
  conns: ConnectionSet[];
  /** Per namespace of `units.namespaces`. */
  views: NamespaceEdges[];
  /** Per unit: an end of a kept pair (every unit when nothing is filtered). */
  shown: Uint8Array;
  /** Kept pairs in all. */
  total: number;
  /** Every kept pair, while there are at most `caps.analysed` of them. */
  all: Edge[] | undefined;
  /** Per unit an outside range reaches: [range end, conn] pairs. */
  exposed: Map<number, number[]>;
}

/**
 * One walk over the class matrix, one source unit at a time, that keeps for each namespace only
 * what its graph can draw: memory follows the caps and the units, not the pairs (a dense cluster
 * of 2,000 workloads has millions of pairs). Pairs are the `connectivity()` pairs at `level`,
 * filtered like `filterConnectivity()`.
 */
export function neighbourhoods(m: ReachabilityMatrix, level: Level, caps: GraphCaps, filter?: EdgeFilter): Neighbourhoods {
  const units = reportUnits(m, level);
  const U = units.nodes.length;
  const P = m.pods.classes.length;
  const views: NamespaceEdges[] = units.namespaces.map(() => ({ edges: [], neighbours: new Set(), intra: [], intraLeftOut: 0 }));
  const shown = new Uint8Array(U).fill(filter ? 0 : 1);
  const ranges: Node[] = [];
  const rangeIndex = new Map<string, number>();
  const conns: ConnectionSet[] = [];
  const connIndex = new Map<number, number>();
  let all: Edge[] | undefined = [];
  const exposed = new Map<number, number[]>();
  let total = 0;

  const nodeOf = (end: number): Node => (end < U ? units.nodes[end]! : ranges[end - U]!);
  const range = (family: IpFamily, lo: bigint, hi: bigint): number => {
    const id = externalId(family, lo, hi);
    let i = rangeIndex.get(id);
    if (i === undefined) {
      rangeIndex.set(id, (i = ranges.length));
      ranges.push({ kind: 'external', id, family, lo, hi });
    }
    return U + i;
  };
  const record = (view: NamespaceEdges, own: number, other: number, s: number, d: number, c: number): void => {
    if (view.neighbours && other !== own) {
      view.neighbours.add(other);
      if (view.neighbours.size > caps.nodes) view.neighbours = view.edges = undefined;
    }
    if (view.edges) {
      if (view.edges.length >= 3 * caps.edges) view.edges = view.neighbours = undefined;
      else view.edges.push(s, d, c);
    }
  };
  const emit = (s: number, d: number, poolId: number): void => {
    let id = poolId;
    let connections: ConnectionSet | undefined;
    if (filter) {
      const kept = filterEdge(filter, { src: nodeOf(s), dst: nodeOf(d), connections: m.pool.get(id) });
      if (!kept) return;
      connections = kept.connections;
      id = m.pool.id(connections);
      if (s < U) shown[s] = 1;
      if (d < U) shown[d] = 1;
    }
    let c = connIndex.get(id);
    if (c === undefined) {
      connIndex.set(id, (c = conns.length));
      conns.push(connections ?? m.pool.get(id));
    }
    total++;
    if (all) {
      if (all.length >= caps.analysed) all = undefined;
      else all.push({ src: nodeOf(s), dst: nodeOf(d), connections: connections ?? m.pool.get(id) });
    }
    if (s >= U && d < U) {
      const list = exposed.get(d);
      if (list) list.push(s, c);
      else exposed.set(d, [s, c]);
    }
    const a = s < U ? units.nsOfUnit[s]! : -1;
    const b = d < U ? units.nsOfUnit[d]! : -1;
    if (a >= 0 && a === b) {
      const v = views[a]!;
      if (v.intra.length < 3 * caps.edges) v.intra.push(s, d, c);
      else v.intraLeftOut++;
      record(v, -1, -1, s, d, c);
      return;
    }
    if (a >= 0) record(views[a]!, s, d, s, d, c);
    if (b >= 0) record(views[b]!, d, s, s, d, c);
  };

  // Outside ranges into each unit, merged per unit (the rows of the external blocks).
  const fromBlocks: Map<number, number>[] = units.nodes.map(() => new Map());
  m.blocks.forEach((_, x) => {
    const row = m.rows[P + x]!;
    row.ids.forEach((id, i) => {
      forEachSetBit(row.bits[i]!, (d) => {
        if (d < P) for (const u of units.unitsOfClass[d]!) fromBlocks[u]!.set(x, m.pool.union(fromBlocks[u]!.get(x) ?? 0, id));
      });
    });
  });
  // Pairs between units, one source unit at a time. A pair's connections are needed only while
  // something still keeps pairs (the whole-cluster list, a filter, a namespace view under its caps
  // or its intra list); past that pairs are only counted (unit-destinations.ts). On a dense
  // cluster every view fills after its first units, so most pairs are never looked at one by one.
  const destinations = unitDestinations(m, units);
  let keeping = units.namespaces.map((_, b) => b);
  for (let u = 0; u < U; u++) {
    const a = units.nsOfUnit[u]!;
    const own = views[a]!;
    if (filter !== undefined || all !== undefined || own.edges !== undefined) {
      for (const [v, id] of destinations.all(u)) emit(u, v, id);
    } else {
      keeping = keeping.filter((b) => views[b]!.edges !== undefined);
      const intraKept = own.intra.length < 3 * caps.edges;
      const r = destinations.counted(u, intraKept ? [...keeping, a] : keeping);
      for (const [v, id] of r.pairs) emit(u, v, id);
      total += r.total - r.pairs.length;
      if (!intraKept) own.intraLeftOut += r.ownNamespace;
    }
    for (const r of blockRuns(m, destinations.blocks(u))) emit(u, range(r.family, r.lo, r.hi), r.id);
    for (const r of blockRuns(m, fromBlocks[u]!)) emit(range(r.family, r.lo, r.hi), u, r.id);
    fromBlocks[u] = new Map();
  }
  return { units, ranges, conns, views, shown, total, all, exposed };
}
