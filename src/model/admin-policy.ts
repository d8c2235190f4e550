import type { LabelSelector } from './labels.js';
import type { Cidr, Direction, Protocol } from './policy.js';
import type { SourceRef } from './source.js';

/**
 * Cluster-wide policies of the SIG-network policy API (kubernetes-sigs/network-policy-api):
 * `policy.networking.k8s.io/v1alpha1` AdminNetworkPolicy (tier admin) and
 * BaselineAdminNetworkPolicy (tier baseline), and their successor `v1alpha2`
 * ClusterNetworkPolicy (`spec.tier: Admin | Baseline`). One model for all three.
 *
 * Evaluation, per direction and connection: admin-tier policies by priority (lower first), rules
 * in order, the first rule whose peer and port match decides — allow or deny is final, pass hands
 * the connection to NetworkPolicy; then NetworkPolicy decides for pods it isolates; otherwise the
 * baseline tier the same way (first match); otherwise allowed.
 */
export const ADMIN_V1ALPHA1 = 'policy.networking.k8s.io/v1alpha1';
export const ADMIN_V1ALPHA2 = 'policy.networking.k8s.io/v1alpha2';
export const ADMIN_KINDS = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'] as const;
export type AdminKind = (typeof ADMIN_KINDS)[number];

export type AdminTier = 'admin' | 'baseline';
/** `Allow` (v1alpha1) and `Accept` (v1alpha2) are both `allow`. */
export type AdminAction = 'allow' | 'deny' | 'pass';

/** The pods a policy applies to: pods of the selected namespaces, narrowed by a pod selector when given. */
export interface AdminSubject {
  namespaceSelector: LabelSelector;
  podSelector?: LabelSelector;
}

export type AdminPeer =
  | { kind: 'namespaces'; namespaceSelector: LabelSelector; source: SourceRef }
  | { kind: 'pods'; namespaceSelector: LabelSelector; podSelector: LabelSelector; source: SourceRef }
  /** Egress only. Read, like ipBlock, as addresses outside the pod network. */
  | { kind: 'networks'; cidrs: readonly Cidr[]; source: SourceRef }
  /** Egress only. Nodes are not in a manifest snapshot: matches nothing (a warning says so). */
  | { kind: 'nodes'; selector: LabelSelector; source: SourceRef };

export type AdminPort =
  | { kind: 'all'; protocol: Protocol; source: SourceRef }
  | { kind: 'range'; protocol: Protocol; from: number; to: number; source: SourceRef }
  /** A container port name of the destination pod, whatever its protocol. */
  | { kind: 'named'; name: string; source: SourceRef };

export interface AdminRule {
  direction: Direction;
  index: number;
  name?: string;
  action: AdminAction;
  /** As written: Allow, Accept, Deny, Pass. */
  actionText: string;
  peers: readonly AdminPeer[];
  /** `'any'`: no ports/protocols given: every port of every protocol. */
  ports: readonly AdminPort[] | 'any';
  source: SourceRef;
}

export interface AdminPolicy {
  kind: AdminKind;
  apiVersion: string;
  name: string;
  tier: AdminTier;
  /** 0–1000, lower first; a BaselineAdminNetworkPolicy has none (it is alone in its tier). */
  priority?: number;
  subject: AdminSubject;
  ingress: readonly AdminRule[];
  egress: readonly AdminRule[];
  annotations?: Readonly<Record<string, string>>;
  source: SourceRef;
}

/** `AdminNetworkPolicy deny-db (priority 10)` */
export function adminPolicyRef(p: AdminPolicy): string {
  return `${p.kind} ${p.name}${p.priority !== undefined ? ` (${p.tier === 'baseline' ? 'baseline tier, ' : ''}priority ${p.priority})` : ''}`;
}

/** Evaluation order: the admin tier by priority then name, then the baseline tier the same way (a BANP first). */
export function adminOrder(policies: readonly AdminPolicy[]): { admin: AdminPolicy[]; baseline: AdminPolicy[] } {
  const byPriority = (a: AdminPolicy, b: AdminPolicy) => (a.priority ?? -1) - (b.priority ?? -1) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    admin: policies.filter((p) => p.tier === 'admin').sort(byPriority),
    baseline: policies.filter((p) => p.tier === 'baseline').sort(byPriority),
  };
}

/** `AdminNetworkPolicy deny-x (priority 10) ingress rule 0 "name"` */
export function adminRuleRef(p: AdminPolicy, r: AdminRule): string {
  return `${adminPolicyRef(p)} ${r.direction} rule ${r.index}${r.name ? ` ${JSON.stringify(r.name)}` : ''}`;
}
