import { DirectedGraph } from 'graphology';
import type { Connectivity, Node } from '../engine/connectivity.js';

export interface NodeAttributes {
  label: string;
  kind: Node['kind'];
  /** Namespace of a workload or pod; `''` for an outside range. */
  namespace: string;
}

export interface EdgeAttributes {
  /** What the source may open to the target, e.g. `TCP 80,UDP 53`. */
  connections: string;
}

export type ReachGraph = DirectedGraph<NodeAttributes, EdgeAttributes>;

/** The connectivity as a graphology graph: one node per workload (or pod) and outside range, one edge per allowed pair. */
export function reachGraph(c: Connectivity): ReachGraph {
  const g: ReachGraph = new DirectedGraph();
  for (const n of c.nodes) g.addNode(n.id, { label: n.id, kind: n.kind, namespace: n.kind === 'external' ? '' : n.namespace });
  for (const e of c.edges) g.addDirectedEdge(e.src.id, e.dst.id, { connections: e.connections.toString() });
  return g;
}
