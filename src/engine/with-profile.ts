import { assumptionsOf, type CniProfile } from '../model/cni.js';
import type { Snapshot } from '../model/snapshot.js';
import { pluginVariants } from './plugin-variants.js';

/**
 * The snapshot under the profile's assumptions, for what reads one snapshot (lint, the report's
 * and explore's explanations, the responsibility of a diff); for `generic`, the assumptions the
 * profiles share, and where they differ those of the first (calico's).
 */
export function withProfile(snapshot: Snapshot, profile: CniProfile): Snapshot {
  return profile === 'generic' ? pluginVariants(snapshot, 'generic').chosen : { ...snapshot, assumptions: assumptionsOf(profile) };
}
