import type { LabelSelector, Labels } from './labels.js';
import type { Cidr, Direction } from './policy.js';
import type { SourceRef } from './source.js';

/**
 * Cilium's `cilium.io/v2` CiliumNetworkPolicy (namespaced) and CiliumClusterwideNetworkPolicy,
 * one model per rule (`spec` and each item of `specs`). docs/cilium.md says what is modelled and
 * cites Cilium's documentation and source for each point.
 *
 * Per endpoint and direction (Cilium translates Kubernetes NetworkPolicy into the same rules):
 * the endpoint is in default deny when a NetworkPolicy isolates it or a Cilium rule selecting it
 * enables default deny for the direction (by default: it has rules of that direction); allow rules
 * of every kind are unioned; deny rules take precedence over every allow.
 */
export const CILIUM_V2 = 'cilium.io/v2';
export const CILIUM_KINDS = ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'] as const;
export type CiliumKind = (typeof CILIUM_KINDS)[number];

/** `ingress`, `ingressDeny`, `egress`, `egressDeny`. */
export type CiliumSection = 'ingress' | 'ingressDeny' | 'egress' | 'egressDeny';

/** Entities netpol-check maps onto its own endpoints; the others are reported as not modelled. */
export const MODELLED_ENTITIES = ['all', 'world', 'world-ipv4', 'world-ipv6', 'cluster'] as const;
/** Every entity name Cilium accepts (pkg/policy/api/entity.go, the CRD's enum). */
export const CILIUM_ENTITIES = [...MODELLED_ENTITIES, 'host', 'remote-node', 'kube-apiserver', 'health', 'init', 'ingress', 'unmanaged', 'none'] as const;
export type CiliumEntity = (typeof CILIUM_ENTITIES)[number];

/**
 * A peer of a rule. Selector keys are read without their `k8s:`/`any:` source prefix; pods are
 * matched on their labels plus `io.kubernetes.pod.namespace` and
 * `io.cilium.k8s.namespace.labels.<key>` (their namespace's labels).
 */
export type CiliumPeer =
  /** `namespace`: the selector is confined to that namespace (a CiliumNetworkPolicy's own, unless the selector names a namespace). */
  | { kind: 'endpoints'; selector: LabelSelector; namespace?: string; source: SourceRef }
  | { kind: 'entity'; entity: CiliumEntity; source: SourceRef }
  /** fromCIDR/toCIDR/fromCIDRSet/toCIDRSet: addresses outside the cluster only. */
  | { kind: 'cidr'; cidr: Cidr; except: readonly Cidr[]; source: SourceRef }
  /**
   * An egress `toServices` item resolved against the snapshot's Services (docs/cilium.md,
   * "Services"): each Service has a selector, and the peer is the pods it selects in its namespace
   * (Cilium 1.17+ copies the selector into an endpoint selector). Items the snapshot cannot
   * resolve are `unmodelled` peers instead.
   */
  | { kind: 'service'; query: CiliumServiceQuery; services: readonly CiliumServiceBackend[]; source: SourceRef }
  /** A peer netpol-check cannot resolve from manifests (toFQDNs, unresolved toServices, cidrGroupRef, reserved: labels, …): matches nothing here. */
  | { kind: 'unmodelled'; what: string; source: SourceRef };

/** A `toServices` item: `k8sService` by name, or `k8sServiceSelector` on the Services' own labels; no `namespace`: every namespace. */
export type CiliumServiceQuery =
  | { by: 'name'; name: string; namespace?: string }
  | { by: 'labels'; selector: LabelSelector; namespace?: string };

/**
 * A Service a `toServices` item names: with a (non-empty) pod selector, its pods; without one,
 * the addresses of its EndpointSlices, each as a /32 or /128 (Cilium turns them into a
 * `toCIDRSet`: pkg/policy/k8s/service.go, `processRule`, `appendEndpoints`).
 */
export type CiliumServiceBackend = { name: string; namespace: string; selector: Labels } | { name: string; namespace: string; addresses: readonly Cidr[] };

/** A `toPorts[].ports[]` item; `ANY` is TCP, UDP and SCTP. Port 0 or absent: every port. */
export type CiliumPort =
  | { kind: 'range'; protocol: CiliumProtocol; from: number; to: number; source: SourceRef }
  /** A container port name of the destination pod. */
  | { kind: 'named'; protocol: CiliumProtocol; name: string; source: SourceRef };

export type CiliumProtocol = 'TCP' | 'UDP' | 'SCTP' | 'ANY';

/**
 * The L7 `rules` of one `toPorts` item (L7Rules, pkg/policy/api/l7.go; Cilium docs "Layer 7
 * Policies"). The proxy filters requests on these ports; netpol-check models only the L4 part.
 */
export interface CiliumL7 {
  /** `http`, `kafka`, `dns`, or the `l7proto` name; `none` when `rules` names no member. */
  protocol: string;
  /** How many rules the member lists ("If no rules are specified, then all traffic is permitted"). */
  count: number;
  /** Positions of rules without any field: each matches every request. */
  matchAll: readonly number[];
  /** The item's ports (`'any'`: it lists none). */
  ports: readonly CiliumPort[] | 'any';
  source: SourceRef;
}

export interface CiliumRule {
  section: CiliumSection;
  direction: Direction;
  deny: boolean;
  /** Position in its section's list. */
  index: number;
  /**
   * `'any'`: no L3 field, and toPorts given (an L4-only rule: every peer). An empty list: the
   * rule names no peer (`- {}`): it matches nothing, though it still puts the endpoint in default deny.
   */
  peers: readonly CiliumPeer[] | 'any';
  /** `'any'`: no toPorts (or only items without ports): every port of every protocol. */
  ports: readonly CiliumPort[] | 'any';
  /** What this rule holds that is not modelled (L7 rules, ICMP, fromRequires, …), in words. */
  unmodelled: readonly string[];
  /** The toPorts items with L7 `rules`, when there are any. */
  l7?: readonly CiliumL7[];
  /** With `l7`: the ports of the items without L7 rules (`'any'`: an item lists no port). */
  l4Ports?: readonly CiliumPort[] | 'any';
  source: SourceRef;
}

export interface CiliumPolicy {
  kind: CiliumKind;
  apiVersion: string;
  name: string;
  /** Absent for a CiliumClusterwideNetworkPolicy. */
  namespace?: string;
  /** Which rule of the object: `spec`, or `specs[i]`. */
  specPath: string;
  /** Already confined to `namespace` for a CiliumNetworkPolicy. */
  endpointSelector: LabelSelector;
  /**
   * True when the rule selects no pod of a snapshot: a `nodeSelector` rule (a host policy: nodes
   * are not in a snapshot), or an endpointSelector on other label sources (`reserved:…`).
   */
  selectsNoPod: boolean;
  rules: readonly CiliumRule[];
  /** After Cilium's defaults (Rule.Sanitize): true for a direction that has rules, unless `enableDefaultDeny` says otherwise. */
  defaultDeny: { ingress: boolean; egress: boolean };
  /** What this rule's object holds that is not modelled, in words (the rules' and its own). */
  unmodelled: readonly string[];
  annotations?: Readonly<Record<string, string>>;
  source: SourceRef;
}

/** `CiliumNetworkPolicy prod/deny-db` (`specs[1]` appended for a rule of `specs`). */
export function ciliumPolicyRef(p: CiliumPolicy): string {
  return `${p.kind} ${p.namespace !== undefined ? `${p.namespace}/` : ''}${p.name}${p.specPath === 'spec' ? '' : ` ${p.specPath}`}`;
}

/** `ingressDeny rule 0 of CiliumNetworkPolicy prod/deny-db` */
export function ciliumRuleRef(p: CiliumPolicy, r: CiliumRule): string {
  return `${r.section} rule ${r.index} of ${ciliumPolicyRef(p)}`;
}

export function rulesOf(p: CiliumPolicy, direction: Direction): { allow: CiliumRule[]; deny: CiliumRule[] } {
  const rules = p.rules.filter((r) => r.direction === direction);
  return { allow: rules.filter((r) => !r.deny), deny: rules.filter((r) => r.deny) };
}

/** Whether a policy selecting an endpoint has a say in this direction: rules there, or default deny. */
export function ciliumActsOn(p: CiliumPolicy, direction: Direction): boolean {
  return p.defaultDeny[direction] || p.rules.some((r) => r.direction === direction);
}
