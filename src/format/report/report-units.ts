import type { ReachabilityMatrix } from '../../engine/matrix.js';
import { byId, podId, type Level, type Node } from '../../engine/node.js';

/**
 * The nodes of the report's graphs, numbered: the workloads (or pods) sorted by id, each with the
 * pod classes its pods fall in and its namespace, and per namespace (sorted by name) its units.
 * The ids are those of `connectivity()` at the same level.
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
  const groups = new Map<string, { node: Node; classes: Set<number> }>();
  m.pods.classes.forEach((c, ci) => {
    for (const pod of c.pods) {
      const id = level === 'pod' ? podId(pod) : `${pod.namespace}/${pod.owner.name}[${pod.owner.kind}]`;
      let g = groups.get(id);
      if (!g) {
        const node: Node =
          level === 'pod'
            ? { kind: 'pod', id, namespace: pod.namespace, name: pod.name, pod }
            : { kind: 'workload', id, namespace: pod.namespace, name: pod.owner.name, workloadKind: pod.owner.kind, pods: [] };
        groups.set(id, (g = { node, classes: new Set() }));
      }
      if (g.node.kind === 'workload') g.node.pods.push(pod);
      g.classes.add(ci);
    }
  });
  const list = [...groups.values()].sort((a, b) => byId(a.node, b.node));
  const unitsOfClass: number[][] = m.pods.classes.map(() => []);
  const classesOf = list.map((g, u) => {
    const cs = [...g.classes].sort((a, b) => a - b);
    for (const c of cs) unitsOfClass[c]!.push(u);
    return cs;
  });
  const nodes = list.map((g) => g.node);
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
