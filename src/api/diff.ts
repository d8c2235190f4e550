import { diffConnectivity } from '../diff/connectivity-diff.js';
import { Responsibility } from '../diff/responsible.js';
import { connectivity } from '../engine/connectivity.js';
import { computePluginMatrix } from '../engine/plugin-matrix.js';
import { sameFamilies } from '../engine/show-ipv6.js';
import { withProfile } from '../engine/with-profile.js';
import type { ExplainedChange } from '../format/diff/text.js';
import type { CniProfile, PluginDependentEdge } from '../model/cni.js';
import type { Snapshot } from '../model/snapshot.js';

export interface DiffOptions {
  /** The network plugin's profile (docs/cni-profiles.md); default `generic`. */
  cni?: CniProfile;
}

export interface DiffResult {
  /** Per workload pair whose connections changed: what was opened and closed, and the rules responsible. */
  changes: ExplainedChange[];
  /** Pairs of the head (or, if none, of the base) that network plugins answer differently. */
  pluginDependent: PluginDependentEdge[];
}

/** `netpol-check diff` as a function: what going from `base` to `head` does to connectivity. */
export function diff(base: Snapshot, head: Snapshot, options: DiffOptions = {}): DiffResult {
  const cni = options.cni ?? 'generic';
  const basePlugin = computePluginMatrix(base, cni);
  const headPlugin = computePluginMatrix(head, cni);
  const [baseMatrix, headMatrix] = sameFamilies(basePlugin.matrix, headPlugin.matrix);
  const baseView = connectivity(baseMatrix, 'workload');
  const headView = connectivity(headMatrix, 'workload');
  const responsibility = new Responsibility(withProfile(base, cni), baseView, withProfile(head, cni), headView);
  const changes = diffConnectivity(baseView, headView).map((change) => ({ change, reasons: responsibility.reasons(change) }));
  return { changes, pluginDependent: headPlugin.dependent.length ? headPlugin.dependent : basePlugin.dependent };
}
