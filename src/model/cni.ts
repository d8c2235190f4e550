/**
 * What NetworkPolicy leaves to the network plugin, as data. Two behaviours differ between
 * plugins (docs/cni-profiles.md cites the source of every value below):
 * - `ipBlockSelectsPods`: whether an ipBlock peer matches a pod whose IP (status.podIP/podIPs)
 *   it holds (minus `except`) — the upstream e2e tests expect it, Cilium does not do it;
 * - `hostNetwork`: how policies treat pods on the host network — `'node'`: their traffic is node
 *   traffic, so no policy selects them (spec.podSelector) and no pod or namespace selector
 *   matches them (every profiled plugin); `'pod'`: like any other pod (which the spec allows).
 */
export interface PluginAssumptions {
  ipBlockSelectsPods: boolean;
  hostNetwork: 'node' | 'pod';
}

export const PLUGINS = ['calico', 'cilium', 'antrea', 'ovn'] as const;
export type PluginName = (typeof PLUGINS)[number];
export const CNI_PROFILES = ['generic', ...PLUGINS] as const;
/** `generic`: the plugin is not known; answers that differ between plugins are undetermined. */
export type CniProfile = (typeof CNI_PROFILES)[number];

export const PLUGIN_ASSUMPTIONS: Readonly<Record<PluginName, PluginAssumptions>> = {
  calico: { ipBlockSelectsPods: true, hostNetwork: 'node' },
  cilium: { ipBlockSelectsPods: false, hostNetwork: 'node' },
  antrea: { ipBlockSelectsPods: true, hostNetwork: 'node' },
  ovn: { ipBlockSelectsPods: true, hostNetwork: 'node' },
};

export const PLUGIN_TITLES: Readonly<Record<PluginName, string>> = { calico: 'Calico', cilium: 'Cilium', antrea: 'Antrea', ovn: 'OVN-Kubernetes' };

/** Assumptions an evaluation runs under, with the profiles that make them (`profiles` names them in answers). */
export interface Assumptions extends PluginAssumptions {
  profiles: readonly PluginName[];
}

/**
 * What the engine assumes when a snapshot names no assumptions (the library's default; the CLI
 * always names them): netpol-check's behaviour before profiles, which is also np-guard's
 * netpol-analyzer's (the conformance corpus) — ipBlocks do not select pods, hostNetwork pods are
 * selected like other pods.
 */
export const DEFAULT_ASSUMPTIONS: Assumptions = { ipBlockSelectsPods: false, hostNetwork: 'pod', profiles: [] };

export function assumptionsOf(profile: PluginName): Assumptions {
  return { ...PLUGIN_ASSUMPTIONS[profile], profiles: [profile] };
}

/** The distinct assumption sets of every profiled plugin, each with the plugins that share it. */
export function distinctAssumptions(plugins: readonly PluginName[] = PLUGINS): Assumptions[] {
  const out = new Map<string, Assumptions>();
  for (const p of plugins) {
    const a = PLUGIN_ASSUMPTIONS[p];
    const key = assumptionKey(a);
    const seen = out.get(key);
    out.set(key, seen ? { ...seen, profiles: [...seen.profiles, p] } : { ...a, profiles: [p] });
  }
  return [...out.values()];
}

export function assumptionKey(a: PluginAssumptions): string {
  return `${a.ipBlockSelectsPods ? 'ipblock-pods' : 'ipblock-outside'}|hostnetwork-${a.hostNetwork}`;
}

/** `calico, antrea, ovn` — or `no profile` for the library default. */
export function profilesLabel(a: Pick<Assumptions, 'profiles'>): string {
  return a.profiles.length ? a.profiles.join(', ') : 'no profile';
}

/** One behaviour in words, as answers name it: `ipBlock selects pods by their IPs`. */
export function describeBehaviour(a: PluginAssumptions, which: 'ipBlock' | 'hostNetwork'): string {
  if (which === 'ipBlock') return a.ipBlockSelectsPods ? 'ipBlock selects pods by their IPs' : 'ipBlock does not select pods';
  return a.hostNetwork === 'node' ? 'hostNetwork pods are node traffic, which policies do not select' : 'hostNetwork pods are selected like other pods';
}

/** The behaviours on which these plugins differ: what an answer that differs between them was decided by. */
export function differingBehaviours(plugins: readonly PluginName[]): ('ipBlock' | 'hostNetwork')[] {
  const a = plugins.map((p) => PLUGIN_ASSUMPTIONS[p]);
  const out: ('ipBlock' | 'hostNetwork')[] = [];
  if (new Set(a.map((x) => x.ipBlockSelectsPods)).size > 1) out.push('ipBlock');
  if (new Set(a.map((x) => x.hostNetwork)).size > 1) out.push('hostNetwork');
  return out;
}

/** `assuming cilium: ipBlock does not select pods` — the assumption that decided an answer. */
export function assumingText(profile: PluginName, behaviours: readonly ('ipBlock' | 'hostNetwork')[]): string {
  return `assuming ${profile}: ${behaviours.map((b) => describeBehaviour(PLUGIN_ASSUMPTIONS[profile], b)).join('; ')}`;
}

/** A node pair whose connections differ between network plugins. */
export interface PluginDependentEdge {
  src: string;
  dst: string;
  /** Per distinct behaviour: the profiles and what they allow (`''`: nothing). */
  outcomes: { profiles: PluginName[]; connections: string }[];
}

/** What an answer built on the matrix says about the plugin: its profile, and the pairs the plugins' behaviours decide. */
export interface PluginStatus {
  profile: CniProfile;
  dependent: PluginDependentEdge[];
}
