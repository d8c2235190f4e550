import type { ReachabilityMatrix } from '../../engine/matrix.js';
import type { Level, Node } from '../../engine/node.js';
import { nodeUnits } from '../../engine/node-units.js';

/**
 * The nodes of the report's graphs, numbered as `nodeUnits` numbers them (the ids of
 * `connectivity()` at the same level), with each one's namespace and per namespace (sorted by
 * name) its units.
 */
export interface ReportUnits {
  nodes: Node[];
  classesOf: number[][];
  unitsOfClass: number[][];
  namespaces: string[];
  nsOfUnit: Int32Array;
  unitsOfNs: number[][];
}

export function reportUnits(m: ReachabilityMatrix, level: Level): ReportUnits {
  const { nodes, classesOf, unitsOfClass } = nodeUnits(m, level);
  const namespaces = [...new Set(nodes.map((n) => (n.kind === 'external' ? '' : n.namespace)))].sort();
  const nsIndex = new Map(namespaces.map((n, i) => [n, i]));
  const unitsOfNs: number[][] = namespaces.map(() => []);
  const nsOfUnit = Int32Array.from(nodes, (n, u) => {
    const a = nsIndex.get(n.kind === 'external' ? '' : n.namespace)!;
    unitsOfNs[a]!.push(u);
    return a;
  });
  return { nodes, classesOf, unitsOfClass, namespaces, nsOfUnit, unitsOfNs };
}
