import type { CniProfile } from '../src/model/cni.js';
import { computePluginMatrix, type PluginMatrix } from '../src/engine/plugin-matrix.js';
import type { Level } from '../src/engine/connectivity.js';
import type { InputStatus } from '../src/load/input-status.js';
import type { Progress } from '../src/model/progress.js';
import type { Snapshot } from '../src/model/snapshot.js';

export { withProfile } from '../src/engine/with-profile.js';

// Apart from cli/cni.ts (the option): can and verify parse --cni without loading the matrix engine.

/**
 * The matrix under the profile (for `generic`, where plugins differ, what any of them allows),
 * and the input status whose header names the pairs the plugin decides.
 */
export function pluginMatrix(snapshot: Snapshot, profile: CniProfile, input: InputStatus, level: Level = 'workload', progress?: Progress): PluginMatrix & { input: InputStatus } {
  const pm = computePluginMatrix(snapshot, profile, level, progress);
  return { ...pm, input: { ...input, plugin: { profile, dependent: pm.dependent } } };
}
