import type { Pod } from '../model/snapshot.js';
import type { ReachabilityMatrix } from './matrix.js';
import { byId, podId, type Level, type Node } from './node.js';

/**
 * The nodes of the matrix at a level, numbered: pods, or workloads (`ns/name[Kind]`) with their
 * pods, sorted by id, each with the pod classes its pods fall in. Every view of the matrix that
 * walks it node by node (connectivity(), the report, the grouped summaries, explore) numbers
 * its nodes this way.
 */
export interface NodeUnits {
  nodes: Node[];
  /** The pod classes of each node's pods, ascending. */
  classesOf: number[][];
  /** The nodes with a pod in each class, ascending. */
  unitsOfClass: number[][];
}

export function nodeUnits(m: ReachabilityMatrix, level: Level): NodeUnits {
  const groups = new Map<string, { node: Node; classes: number[] }>();
  m.pods.classes.forEach((c, ci) => {
    for (const pod of c.pods) {
      const id = level === 'pod' ? podId(pod) : `${pod.namespace}/${pod.owner.name}[${pod.owner.kind}]`;
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { node: newNode(level, id, pod), classes: [] }));
      if (g.node.kind === 'workload') g.node.pods.push(pod);
      // Classes come in ascending order: a node's list grows sorted, each class once.
      if (g.classes[g.classes.length - 1] !== ci) g.classes.push(ci);
    }
  });
  const list = [...groups.values()].sort((a, b) => byId(a.node, b.node));
  const unitsOfClass: number[][] = m.pods.classes.map(() => []);
  list.forEach((g, u) => {
    for (const c of g.classes) unitsOfClass[c]!.push(u);
  });
  return { nodes: list.map((g) => g.node), classesOf: list.map((g) => g.classes), unitsOfClass };
}

function newNode(level: Level, id: string, pod: Pod): Node {
  return level === 'pod'
    ? { kind: 'pod', id, namespace: pod.namespace, name: pod.name, pod }
    : { kind: 'workload', id, namespace: pod.namespace, name: pod.owner.name, workloadKind: pod.owner.kind, pods: [] };
}
