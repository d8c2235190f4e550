import type { LabelSelector } from '../model/labels.js';
import { matchesSelector } from '../select/label-selector.js';
import type { Connectivity, ConnectivityWalk, Edge, Node } from './connectivity.js';
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

/**
 * The walk with only the kept pairs, still produced one by one when walked (streamed output).
 * The node list is that of the kept pairs, found by one walk up front (node ids only, no edge list).
 */
export function filterWalk(c: ConnectivityWalk, f: EdgeFilter): ConnectivityWalk {
  const edges = { [Symbol.iterator]: () => kept(f, c.edges) };
  return { level: c.level, nodes: endsOf(c.nodes, edges), edges, filters: f.applied };
}

/** The same filter over a connectivity built whole (GEXF, GraphML, the report). */
export function filterConnectivity(c: Connectivity, f: EdgeFilter): Connectivity {
  const edges = [...kept(f, c.edges)];
  return { level: c.level, nodes: endsOf(c.nodes, edges), edges, filters: f.applied };
}
