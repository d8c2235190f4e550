import type { LabelSelector } from '../model/labels.js';
import { matchesSelector } from '../select/label-selector.js';
import type { Connectivity, ConnectivityWalk, Edge, Node } from './connectivity.js';
import { edgesOfRows, perIndex, type EdgeRow } from './edge-rows.js';
import type { ConnectionSet } from '../net/connection-set.js';

/** What a filtered matrix says about its filters (JSON `filters`): what the user typed, normalised. */
export interface AppliedFilters {
  from?: string;
  to?: string;
  /** `TCP 443` */
  port?: string;
  namespaces?: string[];
  /** `-l app=web`, as typed. */
  selector?: string;
}

/**
 * Which pairs of the matrix to keep (`matrix --from/--to/--port/-n`). Every part that is set
 * must hold; an absent part keeps everything.
 */
export interface EdgeFilter {
  /** The source must match. */
  src?: (n: Node) => boolean;
  /** The destination must match. */
  dst?: (n: Node) => boolean;
  /**
   * At least one end is a workload or pod in one of these namespaces (`-n`) whose pods match
   * this selector (`-l`); both must hold of the same end, as `kubectl get -n NS -l SEL` lists.
   */
  namespaces?: ReadonlySet<string>;
  selector?: LabelSelector;
  /** Only these connections are shown; a pair that allows none of them is left out. */
  connections?: ConnectionSet;
  /** Said in the output (JSON `filters`). */
  applied: AppliedFilters;
}

/** The end `-n` and `-l` ask for: a workload or pod in the namespaces whose pod labels match the selector. */
export function chosenEnd(f: EdgeFilter, n: Node): boolean {
  if (n.kind === 'external') return false;
  if (f.namespaces && !f.namespaces.has(n.namespace)) return false;
  if (!f.selector) return true;
  const pods = n.kind === 'pod' ? [n.pod] : n.pods;
  return pods.some((p) => matchesSelector(f.selector!, p.labels));
}

/** The edge as the filter shows it (its connections restricted to the port), or undefined if left out. */
export function filterEdge(f: EdgeFilter, e: Edge): Edge | undefined {
  if (f.src && !f.src(e.src)) return undefined;
  if (f.dst && !f.dst(e.dst)) return undefined;
  if ((f.namespaces || f.selector) && !chosenEnd(f, e.src) && !chosenEnd(f, e.dst)) return undefined;
  if (!f.connections) return e;
  const connections = e.connections.intersect(f.connections);
  return connections.isEmpty() ? undefined : { ...e, connections };
}

function* kept(f: EdgeFilter, edges: Iterable<Edge>): Generator<Edge> {
  for (const e of edges) {
    const k = filterEdge(f, e);
    if (k) yield k;
  }
}

/** The nodes that are an end of a kept edge, in the order of `nodes`. */
function endsOf(nodes: readonly Node[], edges: Iterable<Edge>): Node[] {
  const used = new Set<Node>();
  for (const e of edges) used.add(e.src).add(e.dst);
  return nodes.filter((n) => used.has(n));
}

/** The kept part of each row, positions still those of `c.nodes` (what `filterEdge` keeps, edge by edge). */
function* keptRows(c: ConnectivityWalk, f: EdgeFilter): Generator<EdgeRow> {
  // Each node's match asked once per position (selectors are matched per pod).
  const at = (test: (n: Node) => boolean) => perIndex((i) => test(c.nodes[i]!));
  const src = f.src ? at(f.src) : () => true;
  const dst = f.dst ? at(f.dst) : () => true;
  const chosen = f.namespaces || f.selector ? at((n) => chosenEnd(f, n)) : undefined;
  const only = f.connections ? c.pool.id(f.connections) : undefined;
  for (const row of c.rows) {
    if (!src(row.src)) continue;
    const eitherEnd = !chosen || chosen(row.src);
    const to = new Int32Array(row.to.length);
    let n = 0;
    for (let k = 0; k < row.to.length; k += 2) {
      const d = row.to[k]!;
      if (!dst(d) || (!eitherEnd && !chosen!(d))) continue;
      const id = only === undefined ? row.to[k + 1]! : c.pool.intersect(row.to[k + 1]!, only);
      if (id === 0) continue;
      to[n++] = d;
      to[n++] = id;
    }
    if (n > 0) yield { src: row.src, to: to.subarray(0, n) };
  }
}

/**
 * The walk with only the kept pairs, still produced one by one when walked (streamed output).
 * The node list is that of the kept pairs, found by one walk up front (positions only, no edge
 * list); the rows are renumbered to it.
 */
export function filterWalk(c: ConnectivityWalk, f: EdgeFilter): ConnectivityWalk {
  const used = new Uint8Array(c.nodes.length);
  for (const r of keptRows(c, f)) {
    used[r.src] = 1;
    for (let k = 0; k < r.to.length; k += 2) used[r.to[k]!] = 1;
  }
  const nodes: Node[] = [];
  const at = new Int32Array(c.nodes.length);
  c.nodes.forEach((n, i) => {
    if (used[i]) at[i] = nodes.push(n) - 1;
  });
  const renumbered = function* (): Generator<EdgeRow> {
    for (const r of keptRows(c, f)) {
      for (let k = 0; k < r.to.length; k += 2) r.to[k] = at[r.to[k]!]!;
      yield { src: at[r.src]!, to: r.to };
    }
  };
  const rows = { [Symbol.iterator]: renumbered };
  return { level: c.level, nodes, rows, pool: c.pool, edges: { [Symbol.iterator]: () => edgesOfRows(nodes, rows, c.pool) }, filters: f.applied };
}

/** The same filter over a connectivity built whole (GEXF, GraphML, the report). */
export function filterConnectivity(c: Connectivity, f: EdgeFilter): Connectivity {
  const edges = [...kept(f, c.edges)];
  return { level: c.level, nodes: endsOf(c.nodes, edges), edges, filters: f.applied };
}
