import type { ReachabilityMatrix } from '../engine/matrix.js';
import { byId, externalId, type Node } from '../engine/node.js';

/**
 * The ends of the workload-level matrix as numbered units: the workloads (`ns/name[Kind]`, sorted
 * by id) and then every external block as it is, unmerged (blocks of IPv6 are left out unless
 * the snapshot speaks of IPv6, as the workload level leaves them out).
 */
export interface WorkloadUnits {
  nodes: Node[];
  /** Number of workloads: units `0..workloads-1`; blocks follow. */
  workloads: number;
  /** The pod classes each workload's pods fall in. */
  classesOf: number[][];
  /** The workloads with a pod in each class. */
  unitsOfClass: number[][];
  /** Unit of external block `x`, or -1 when it is not shown. */
  unitOfBlock: Int32Array;
  /** Block index of a unit `>= workloads`. */
  blockOfUnit: number[];
}

export function workloadUnits(m: ReachabilityMatrix): WorkloadUnits {
  const groups = new Map<string, { node: Node & { kind: 'workload' }; classes: Set<number> }>();
  m.pods.classes.forEach((c, ci) => {
    for (const pod of c.pods) {
      const id = `${pod.namespace}/${pod.owner.name}[${pod.owner.kind}]`;
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { node: { kind: 'workload', id, namespace: pod.namespace, name: pod.owner.name, workloadKind: pod.owner.kind, pods: [] }, classes: new Set() }));
      g.node.pods.push(pod);
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
  const nodes: Node[] = list.map((g) => g.node);
  const unitOfBlock = new Int32Array(m.blocks.length).fill(-1);
  const blockOfUnit: number[] = [];
  m.blocks.forEach((b, x) => {
    if (b.family === 6 && !m.showIpv6) return;
    unitOfBlock[x] = nodes.length;
    blockOfUnit[nodes.length] = x;
    nodes.push({ kind: 'external', id: externalId(b.family, b.lo, b.hi), family: b.family, lo: b.lo, hi: b.hi });
  });
  return { nodes, workloads: list.length, classesOf, unitsOfClass, unitOfBlock, blockOfUnit };
}
