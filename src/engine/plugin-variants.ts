import { blockOf, externalBlocks, ipBlockCoveredBlocks, type ExternalBlock } from './external-blocks.js';
import { assumptionsOf, distinctAssumptions, PLUGINS, type Assumptions, type CniProfile, type PluginName } from '../model/cni.js';
import type { Pod, Snapshot } from '../model/snapshot.js';
import { parseIp } from '../net/ip-address.js';

/**
 * The snapshots to evaluate a question under, one per distinct set of plugin assumptions that
 * can change an answer here (docs/cni-profiles.md). `chosen` is the one the answer stands on:
 * the profile's own, or — for `generic` — the first (then answers that differ across `all`
 * are undetermined). In the common snapshot, where no pod IP falls in an ipBlock and the
 * profiles agree on hostNetwork pods, there is one variant and nothing is evaluated twice.
 */
export interface PluginVariants {
  profile: CniProfile;
  chosen: Snapshot;
  all: Snapshot[];
}

/**
 * `pods`: the pods the question is about (a `can` pair's ends), when only their IPs can matter;
 * by default every pod.
 */
export function pluginVariants(snapshot: Snapshot, profile: CniProfile, blocks: readonly ExternalBlock[] = externalBlocks(snapshot), pods: readonly Pod[] = snapshot.pods): PluginVariants {
  const sensitive = ipBlockHoldsAPod(snapshot, blocks, pods);
  // Behaviours the snapshot cannot tell apart are one variant, named by every profile sharing it.
  const sets = distinctAssumptions().reduce<Assumptions[]>((acc, a) => {
    const same = acc.find((b) => b.hostNetwork === a.hostNetwork && (!sensitive || b.ipBlockSelectsPods === a.ipBlockSelectsPods));
    if (same) same.profiles = [...same.profiles, ...a.profiles];
    else acc.push({ ...a });
    return acc;
  }, []);
  const all = sets.map((assumptions) => ({ ...snapshot, assumptions: { ...assumptions, profiles: order(assumptions.profiles) } }));
  if (profile === 'generic') return { profile, chosen: all[0]!, all };
  return { profile, chosen: { ...snapshot, assumptions: assumptionsOf(profile) }, all };
}

/** Whether an ipBlock peer of some policy holds a known pod IP: the only way the ipBlock behaviour changes an answer. */
export function ipBlockHoldsAPod(snapshot: Snapshot, blocks: readonly ExternalBlock[], pods: readonly Pod[] = snapshot.pods): boolean {
  if (!pods.some((p) => p.ips.length > 0)) return false;
  const covered = ipBlockCoveredBlocks(snapshot, blocks);
  if (covered.size === 0) return false;
  return pods.some((p) =>
    p.ips.some((text) => {
      const ip = parseIp(text);
      return ip !== undefined && covered.has(blockOf(blocks, ip.family, ip.value));
    }),
  );
}

function order(profiles: readonly PluginName[]): PluginName[] {
  return PLUGINS.filter((p) => profiles.includes(p));
}
