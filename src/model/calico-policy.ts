import type { Labels } from './labels.js';
import type { Cidr, Direction, Protocol } from './policy.js';
import { formatSource, type SourceRef } from './source.js';
import type { ServicePort } from './snapshot.js';

/**
 * Calico's `projectcalico.org/v3` policy objects (and the `crd.projectcalico.org/v1` form that
 * `kubectl get` prints), after validation. docs/calico.md says what is modelled and cites
 * Calico's documentation and source (projectcalico/calico at 87c15906f2: api/pkg/apis/projectcalico/v3,
 * libcalico-go/lib/validator/v3/validator.go) for each point.
 *
 * Per endpoint and direction, tiers are evaluated by `order`; in a tier that has a policy
 * selecting the endpoint, policies by order then name, rules in order: Allow and Deny end the
 * evaluation, Log goes on, Pass skips to the next tier; what no rule of such a tier decides gets
 * the tier's default action (Deny; Pass for the kube-admin and kube-baseline tiers). An endpoint
 * that no tier decides gets its namespace's profile: allow.
 */
export const CALICO_V3 = 'projectcalico.org/v3';
export const CALICO_CRD_V1 = 'crd.projectcalico.org/v1';
export const CALICO_API_VERSIONS = [CALICO_V3, CALICO_CRD_V1] as const;
export const CALICO_POLICY_KINDS = ['NetworkPolicy', 'GlobalNetworkPolicy'] as const;
export const CALICO_SET_KINDS = ['NetworkSet', 'GlobalNetworkSet'] as const;
export const CALICO_KINDS = [...CALICO_POLICY_KINDS, ...CALICO_SET_KINDS, 'Tier'] as const;
export type CalicoPolicyKind = (typeof CALICO_POLICY_KINDS)[number];

export const CALICO_ACTIONS = ['Allow', 'Deny', 'Log', 'Pass'] as const;
export type CalicoAction = (typeof CALICO_ACTIONS)[number];

/** Tier orders fixed by Calico (api/pkg/apis/projectcalico/v3/tier.go: KubeAdminTierOrder, DefaultTierOrder, KubeBaselineTierOrder). */
export const KUBE_ADMIN_TIER = { name: 'kube-admin', order: 1_000 } as const;
export const DEFAULT_TIER = { name: 'default', order: 1_000_000 } as const;
export const KUBE_BASELINE_TIER = { name: 'kube-baseline', order: 10_000_000 } as const;
/** Calico converts a Kubernetes NetworkPolicy into a policy of the default tier, order 1000, named `knp.default.<name>`. */
export const KNP_ORDER = 1000;

/** Labels Calico gives endpoints, namespaces and service accounts. */
export const CALICO_NAME_LABEL = 'projectcalico.org/name';
export const CALICO_NAMESPACE_LABEL = 'projectcalico.org/namespace';
export const CALICO_ORCHESTRATOR_LABEL = 'projectcalico.org/orchestrator';
export const CALICO_SERVICE_ACCOUNT_LABEL = 'projectcalico.org/serviceaccount';
/**
 * Calico gives a ServiceAccount's labels to its pods' endpoints through the profile
 * `ksa.<namespace>.<name>`, each key prefixed `pcsa.`, plus `pcsa.projectcalico.org/name: <name>`;
 * `serviceAccountSelector` and `serviceAccounts.selector` are matched with this prefix on every
 * label (libcalico-go k8s/conversion/conversion.go ServiceAccountToProfile,
 * updateprocessors/selectors.go parseSelectorAttachPrefix).
 */
export const CALICO_SERVICE_ACCOUNT_PREFIX = 'pcsa.';
/** The prefix of the namespace labels a namespace's profile gives its endpoints (`kns.<namespace>`). */
export const CALICO_NAMESPACE_PREFIX = 'pcns.';

/** A `ports`/`notPorts` item: a number, a `"from:to"` range, or a container port name of the destination. */
export type CalicoPort = { kind: 'range'; from: number; to: number } | { kind: 'named'; name: string };

/**
 * One EndpointSlice of a Service without a selector, as Felix turns it into IP set members
 * (felix/serviceindex/serviceindex.go membersFromEndpointSlice): the IP addresses of all its
 * endpoints, whatever their conditions (FQDNs skipped), and its ports that have a number (the
 * protocol TCP unless UDP or SCTP).
 */
export interface CalicoServiceSlice {
  /** The EndpointSlice's name (in the Service's namespace) and where it was read. */
  name: string;
  source: SourceRef;
  /** One /32 or /128 per address. */
  addresses: readonly Cidr[];
  ports: readonly { port: number; protocol: Protocol }[];
}

/** Where a resolved Service's endpoints come from: the pods its selector picks, or (no selector) the EndpointSlices of the snapshot labelled with its name. */
export type CalicoServiceBackend = { kind: 'selector'; selector: Labels; ports: readonly ServicePort[] } | { kind: 'slices'; slices: readonly CalicoServiceSlice[] };

/**
 * A rule end's `services` (ServiceMatch): a Kubernetes Service by name, its namespace defaulted to
 * the policy's. Felix matches the addresses of the Service's endpoints: in a destination, with
 * each endpoint's ports (the Service's ports resolved to target ports), in a source, on any port
 * (felix/calc/rule_scanner.go, felix/serviceindex/serviceindex.go membersFromEndpointSlice).
 */
export interface CalicoServiceMatch {
  name: string;
  namespace: string;
  /** How the Service's endpoints are known; absent: not resolved (the Service is missing, or has no selector and no EndpointSlice in the snapshot), and the rule is not modelled. */
  backend?: CalicoServiceBackend;
}

/**
 * A rule's `source` or `destination`. Absent fields match everything. Selectors are kept as their
 * text (valid: the loader parsed them; select/calico-selector.ts parses and matches them).
 */
export interface CalicoEntityRule {
  nets?: readonly Cidr[];
  notNets: readonly Cidr[];
  selector?: string;
  notSelector?: string;
  namespaceSelector?: string;
  /** `serviceAccounts.names`: the pod's serviceAccountName is one of them. */
  serviceAccountNames?: readonly string[];
  /** `serviceAccounts.selector`: on the labels of the pod's ServiceAccount (CALICO_SERVICE_ACCOUNT_PREFIX). */
  serviceAccountSelector?: string;
  ports?: readonly CalicoPort[];
  notPorts: readonly CalicoPort[];
  /** `services`: the endpoints of a Service (never with selectors, nets or service accounts; in a destination, never with ports). */
  services?: CalicoServiceMatch;
}

export interface CalicoRule {
  direction: Direction;
  /** Position in its direction's list. */
  index: number;
  action: CalicoAction;
  /** The analysed protocols (TCP, UDP, SCTP) the rule matches after `protocol` and `notProtocol`. */
  protocols: readonly Protocol[];
  /** `protocol` as written (explanations). */
  protocolText?: string;
  /** `ipVersion` as written: the rule matches connections of that address family only. */
  ipVersion?: 4 | 6;
  source: CalicoEntityRule;
  destination: CalicoEntityRule;
  /** What this rule holds that is not modelled, in words. */
  unmodelled: readonly string[];
  at: SourceRef;
}

export interface CalicoPolicy {
  kind: CalicoPolicyKind;
  apiVersion: string;
  name: string;
  /** Absent for a GlobalNetworkPolicy. */
  namespace?: string;
  tier: string;
  /** Absent: after every ordered policy of the tier. */
  order?: number;
  selector: string;
  /** A GlobalNetworkPolicy's `namespaceSelector` (endpoints of the namespaces it selects). */
  namespaceSelector?: string;
  /** `serviceAccountSelector`: endpoints whose ServiceAccount's labels it matches (CALICO_SERVICE_ACCOUNT_PREFIX). */
  serviceAccountSelector?: string;
  /** After Calico's defaulting of `types`. */
  types: { ingress: boolean; egress: boolean };
  ingress: readonly CalicoRule[];
  egress: readonly CalicoRule[];
  /** Parts of the policy that are not modelled, in words (the rules' and its own). */
  unmodelled: readonly string[];
  /** True when the policy selects no pod of a snapshot (host endpoints only: serviceAccountSelector unmodelled, …). */
  selectsNoPod: boolean;
  /** Set when a service account selector's answer depends on the labels of ServiceAccounts the snapshot lacks (load/calico-service-accounts.ts): which of its selectors. */
  unknownServiceAccounts?: { own: boolean; rules: boolean };
  annotations?: Readonly<Record<string, string>>;
  source: SourceRef;
}

/** A NetworkSet (namespaced) or GlobalNetworkSet: addresses outside the cluster that selectors can match by labels. */
export interface CalicoNetworkSet {
  kind: 'NetworkSet' | 'GlobalNetworkSet';
  name: string;
  namespace?: string;
  labels: Labels;
  nets: readonly Cidr[];
  source: SourceRef;
}

export interface CalicoTier {
  name: string;
  /** Absent: after every ordered tier. */
  order?: number;
  defaultAction: 'Deny' | 'Pass';
  source?: SourceRef;
}

/** What a snapshot holds of Calico's: policies, network sets and tiers (the default tier always). */
export interface CalicoObjects {
  policies: readonly CalicoPolicy[];
  networkSets: readonly CalicoNetworkSet[];
  tiers: readonly CalicoTier[];
}

/** `GlobalNetworkPolicy default-deny`, `Calico NetworkPolicy prod/allow-web` (told apart from Kubernetes'). */
export function calicoPolicyRef(p: Pick<CalicoPolicy, 'kind' | 'name' | 'namespace'>): string {
  return `${p.kind === 'NetworkPolicy' ? 'Calico ' : ''}${p.kind} ${p.namespace !== undefined ? `${p.namespace}/` : ''}${p.name}`;
}

/** `GlobalNetworkPolicy default-deny (order 2000)`; no order: `(no order)`. */
export function calicoPolicyTitle(p: CalicoPolicy): string {
  return `${calicoPolicyRef(p)} (${p.order !== undefined ? `order ${p.order}` : 'no order'})`;
}

/** `GlobalNetworkPolicy default-deny (order 2000) ingress rule 0: Deny (file:line)` */
export function calicoRuleText(p: CalicoPolicy, r: CalicoRule): string {
  return `${calicoPolicyTitle(p)} ${r.direction} rule ${r.index}: ${r.action} (${formatSource(r.at)})`;
}

export function calicoRulesOf(p: CalicoPolicy, direction: Direction): readonly CalicoRule[] {
  return direction === 'ingress' ? p.ingress : p.egress;
}

/** Sorts by order (absent last), then name (Calico's policy and tier ordering). */
export function byOrderThenName<T extends { order?: number | undefined; name: string }>(a: T, b: T): number {
  const oa = a.order ?? Infinity;
  const ob = b.order ?? Infinity;
  if (oa !== ob) return oa < ob ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The address family a rule is rendered for, if one: its `ipVersion`, else the family of its
 * nets and notNets (validation keeps them to one family). Felix renders a rule for one family
 * only when its `ipVersion` says so or when its nets or notNets have none of the other's
 * (felix/rules/policy.go FilterRuleToIPVersion, filterNets). Undefined: both families.
 */
export function calicoRuleFamily(r: Pick<CalicoRule, 'ipVersion' | 'source' | 'destination'>): 4 | 6 | undefined {
  if (r.ipVersion !== undefined) return r.ipVersion;
  for (const e of [r.source, r.destination]) for (const c of [...(e.nets ?? []), ...e.notNets]) return c.family;
  return undefined;
}

/** A rule with no match criteria (any protocol, peer and port). */
export function matchesEverything(r: CalicoRule): boolean {
  const open = (e: CalicoEntityRule) => Object.keys(e).every((k) => k === 'notNets' || k === 'notPorts') && e.notNets.length === 0 && e.notPorts.length === 0;
  return r.protocols.length === 3 && r.ipVersion === undefined && open(r.source) && open(r.destination) && r.unmodelled.length === 0;
}

/**
 * Whether the tier's default Deny can drop some connection of a pod these policies select (in
 * this direction): none of them ends in an Allow or Pass that matches everything. Reports and
 * `verify`'s isolated expectations call such a pod isolated.
 */
export function tierIsolates(tier: CalicoTier, selecting: readonly CalicoPolicy[], direction: Direction): boolean {
  if (tier.defaultAction !== 'Deny' || selecting.length === 0) return false;
  return !selecting.some((p) => calicoRulesOf(p, direction).some((r) => (r.action === 'Allow' || r.action === 'Pass') && matchesEverything(r)));
}
