import type { ReachGraph } from './reach-graph.js';

export interface Exposure {
  id: string;
  /** Outside ranges that reach it, with what. */
  from: { range: string; connections: string }[];
}

/** Workloads that some address outside the cluster can reach (no ingress isolation, or an ipBlock that lets it in). */
export function exposedToOutside(g: ReachGraph): Exposure[] {
  const out: Exposure[] = [];
  g.forEachNode((n, a) => {
    if (a.kind === 'external') return;
    const from = g
      .inNeighbors(n)
      .filter((s) => g.getNodeAttribute(s, 'kind') === 'external')
      .sort()
      .map((s) => ({ range: s, connections: g.getEdgeAttribute(s, n, 'connections') }));
    if (from.length) out.push({ id: n, from });
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}
