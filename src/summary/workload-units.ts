import type { ReachabilityMatrix } from '../engine/matrix.js';
import { externalId, type Node } from '../engine/node.js';
import { nodeUnits } from '../engine/node-units.js';

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
  const units = nodeUnits(m, 'workload');
  const { classesOf, unitsOfClass } = units;
  const nodes: Node[] = [...units.nodes];
  const workloads = nodes.length;
  const unitOfBlock = new Int32Array(m.blocks.length).fill(-1);
  const blockOfUnit: number[] = [];
  m.blocks.forEach((b, x) => {
    if (b.family === 6 && !m.showIpv6) return;
    unitOfBlock[x] = nodes.length;
    blockOfUnit[nodes.length] = x;
    nodes.push({ kind: 'external', id: externalId(b.family, b.lo, b.hi), family: b.family, lo: b.lo, hi: b.hi });
  });
  return { nodes, workloads, classesOf, unitsOfClass, unitOfBlock, blockOfUnit };
}
