import { stronglyConnectedComponents } from 'graphology-components';
import type { ReachGraph } from './reach-graph.js';

/**
 * Groups of workloads that all reach each other, directly or through the group (strongly
 * connected components of two or more): a foothold in one is a foothold in all. Outside ranges
 * are left out, since traffic does not pass through them.
 */
export function mutualReachGroups(g: ReachGraph): string[][] {
  const inside = g.copy();
  inside.forEachNode((n, a) => {
    if (a.kind === 'external') inside.dropNode(n);
  });
  return stronglyConnectedComponents(inside)
    .filter((c) => c.length > 1)
    .map((c) => [...c].sort())
    .sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
}
