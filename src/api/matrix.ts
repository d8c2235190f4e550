import { connectivity, type Connectivity, type Level } from '../engine/connectivity.js';
import type { ReachabilityMatrix } from '../engine/matrix.js';
import { computePluginMatrix } from '../engine/plugin-matrix.js';
import type { CniProfile, PluginDependentEdge } from '../model/cni.js';
import type { Snapshot } from '../model/snapshot.js';

export interface MatrixOptions {
  /** `workload` (default: one node per Deployment, StatefulSet, …) or `pod`. */
  level?: Level;
  /** The network plugin's profile (docs/cni-profiles.md); default `generic`. */
  cni?: CniProfile;
}

export interface MatrixResult {
  /** Nodes (workloads or pods, and outside address ranges) and the allowed connections between them. */
  connectivity: Connectivity;
  /** The pod-level matrix the view was built from (for `generic`, what any plugin allows). */
  matrix: ReachabilityMatrix;
  /** Pairs whose connections differ between network plugins: undetermined under `generic`. */
  pluginDependent: PluginDependentEdge[];
}

/** `netpol-check matrix` as a function: every allowed connection of the snapshot. */
export function matrix(snapshot: Snapshot, options: MatrixOptions = {}): MatrixResult {
  const level = options.level ?? 'workload';
  const pm = computePluginMatrix(snapshot, options.cni ?? 'generic', level);
  return { connectivity: connectivity(pm.matrix, level), matrix: pm.matrix, pluginDependent: pm.dependent };
}
