import { bfsFromNode } from 'graphology-traversal';
import type { ReachGraph } from './reach-graph.js';

export interface Reached {
  id: string;
  hops: number;
  /** The node it was first reached from, and with what. */
  via: string;
  connections: string;
}

/**
 * "Blast radius": everything a compromised workload can reach in at most `hops` steps, each
 * step an allowed connection from the previous one (breadth first, so `hops` is the fewest).
 * Outside ranges are reached but not stepped through: an outside address is not a foothold in
 * the cluster (it can be the starting point: what an attacker outside reaches).
 */
export function blastRadius(g: ReachGraph, source: string, hops: number): Reached[] {
  const out: Reached[] = [];
  const depth = new Map<string, number>([[source, 0]]);
  bfsFromNode(g, source, (node, attrs, d) => {
    if (node !== source) {
      const from = g.inNeighbors(node).filter((n) => depth.get(n) === d - 1).sort()[0]!;
      out.push({ id: node, hops: d, via: from, connections: g.getEdgeAttribute(from, node, 'connections') });
    }
    depth.set(node, d);
    return d >= hops || (node !== source && attrs.kind === 'external');
  }, { mode: 'outbound' });
  return out.sort((a, b) => a.hops - b.hops || (a.id < b.id ? -1 : 1));
}
