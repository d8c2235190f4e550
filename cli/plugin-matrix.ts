import { assumptionsOf, type CniProfile } from '../src/model/cni.js';
import { computePluginMatrix, type PluginMatrix } from '../src/engine/plugin-matrix.js';
import { pluginVariants } from '../src/engine/plugin-variants.js';
import type { Level } from '../src/engine/connectivity.js';
import type { InputStatus } from '../src/load/input-status.js';
import type { Snapshot } from '../src/model/snapshot.js';

// Apart from cli/cni.ts (the option): can and verify parse --cni without loading the matrix engine.

/**
 * The snapshot under the profile's assumptions, for what reads one snapshot (lint, the report's
 * and explore's explanations); for `generic`, the assumptions the profiles share, and where
 * they differ those of the first (calico's).
 */
export function withProfile(snapshot: Snapshot, profile: CniProfile): Snapshot {
  return profile === 'generic' ? pluginVariants(snapshot, 'generic').chosen : { ...snapshot, assumptions: assumptionsOf(profile) };
}

/**
 * The matrix under the profile (for `generic`, where plugins differ, what any of them allows),
 * and the input status whose header names the pairs the plugin decides.
 */
export function pluginMatrix(snapshot: Snapshot, profile: CniProfile, input: InputStatus, level: Level = 'workload'): PluginMatrix & { input: InputStatus } {
  const pm = computePluginMatrix(snapshot, profile, level);
  return { ...pm, input: { ...input, plugin: { profile, dependent: pm.dependent } } };
}
