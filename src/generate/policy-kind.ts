import type { PluginName } from '../model/cni.js';
import type { Snapshot } from '../model/snapshot.js';
import { LABEL, SUBDOMAIN, type NameRules } from './policy-names.js';
import type { PolicyWriter } from './policy-plan.js';
import { writeCalicoPolicy } from './write-calico.js';
import { writeCiliumPolicy } from './write-cilium.js';
import { writeNetworkPolicy } from './write-networkpolicy.js';

/** What `generate` writes: Kubernetes NetworkPolicy, Cilium's CiliumNetworkPolicy, or Calico's projectcalico.org/v3 NetworkPolicy. */
export const POLICY_KINDS = ['networkpolicy', 'cilium', 'calico'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export interface PolicyKindSpec {
  write: PolicyWriter;
  names: NameRules;
  /** The kind in the report: one, many. */
  noun: readonly [string, string];
  /** The network plugin whose semantics the written policies have (the proof assumes it). */
  plugin?: PluginName;
  /**
   * The snapshot with the written policies in force: the NetworkPolicies of the managed
   * namespaces are replaced (every other NetworkPolicy stays); the written policies join the
   * plugin's own, in place of any of the same name, as `kubectl apply` would leave them.
   */
  place: (snapshot: Snapshot, managed: ReadonlySet<string>, written: Snapshot) => Snapshot;
}

const sameObject = (a: { namespace?: string | undefined; name: string }, written: readonly { namespace?: string | undefined; name: string }[]) => written.some((w) => w.namespace === a.namespace && w.name === a.name);

const keptNetworkPolicies = (snapshot: Snapshot, managed: ReadonlySet<string>) => snapshot.policies.filter((p) => !managed.has(p.namespace));

export const POLICY_KIND: Readonly<Record<PolicyKind, PolicyKindSpec>> = {
  networkpolicy: {
    write: writeNetworkPolicy,
    names: SUBDOMAIN,
    noun: ['NetworkPolicy', 'NetworkPolicies'],
    place: (snapshot, managed, written) => ({ ...snapshot, policies: [...keptNetworkPolicies(snapshot, managed), ...written.policies] }),
  },
  cilium: {
    write: writeCiliumPolicy,
    names: SUBDOMAIN,
    noun: ['CiliumNetworkPolicy', 'CiliumNetworkPolicies'],
    plugin: 'cilium',
    place: (snapshot, managed, written) => {
      const mine = written.ciliumPolicies ?? [];
      const kept = (snapshot.ciliumPolicies ?? []).filter((p) => !(p.kind === 'CiliumNetworkPolicy' && sameObject(p, mine)));
      return { ...snapshot, policies: keptNetworkPolicies(snapshot, managed), ciliumPolicies: [...kept, ...mine] };
    },
  },
  calico: {
    write: writeCalicoPolicy,
    names: LABEL,
    noun: ['Calico NetworkPolicy', 'Calico NetworkPolicies'],
    plugin: 'calico',
    place: (snapshot, managed, written) => {
      const mine = written.calico?.policies ?? [];
      const kept = (snapshot.calico?.policies ?? []).filter((p) => !(p.kind === 'NetworkPolicy' && sameObject(p, mine)));
      const calico = { policies: [...kept, ...mine], networkSets: snapshot.calico?.networkSets ?? [], tiers: snapshot.calico?.tiers ?? written.calico?.tiers ?? [] };
      return { ...snapshot, policies: keptNetworkPolicies(snapshot, managed), calico };
    },
  },
};
