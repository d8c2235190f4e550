import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import type { ReachGraph } from './reach-graph.js';

export interface Hop {
  from: string;
  to: string;
  connections: string;
}

/**
 * A shortest chain of allowed connections from `a` to `b` (lateral movement), as hops; `null`
 * when there is none. Paths do not pass through outside ranges.
 */
export function shortestPath(g: ReachGraph, a: string, b: string): Hop[] | null {
  const inside = g.copy();
  inside.forEachNode((n, attrs) => {
    if (attrs.kind === 'external' && n !== a && n !== b) inside.dropNode(n);
  });
  const path = bidirectional(inside, a, b);
  if (!path) return null;
  return path.slice(1).map((to, i) => ({ from: path[i]!, to, connections: g.getEdgeAttribute(path[i]!, to, 'connections') }));
}
