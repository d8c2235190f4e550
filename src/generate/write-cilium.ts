import type { LabelSelector } from '../model/labels.js';
import type { Direction } from '../model/policy.js';
import { CILIUM_NAMESPACE_LABEL } from '../select/cilium-labels.js';
import { MANAGED_BY, type PolicyPlan } from './policy-plan.js';
import type { PortItem } from './port-items.js';
import type { PeerItem, RuleItem } from './side-rules.js';
import { selectorText } from './write-networkpolicy.js';

/** The namespace key as Cilium's own examples write it: the `k8s:` source names a pod label Cilium derives. */
const NAMESPACE_KEY = `k8s:${CILIUM_NAMESPACE_LABEL}`;
/** At most 40 ports per `toPorts` item (maxPorts, pkg/policy/api/rule_validation.go). */
const MAX_PORTS = 40;

/** An endpoint selector: pod labels as they are, the namespace under `k8s:io.kubernetes.pod.namespace`. */
function endpoints(p: Exclude<PeerItem, { kind: 'ipBlock' }>): Record<string, unknown> {
  if (p.kind === 'every-namespace') return { matchExpressions: [{ key: NAMESPACE_KEY, operator: 'Exists' }] };
  const own = p.selector ? selectorText(p.selector) : {};
  // A CiliumNetworkPolicy's endpoint selectors stay in its namespace unless they name one.
  if (p.own) return own;
  return { ...own, matchLabels: { [NAMESPACE_KEY]: p.namespace, ...((own.matchLabels as Record<string, string> | undefined) ?? {}) } };
}

/** `toPorts`: one item of up to 40 ports; `port: "0"` is every port of the protocol, `endPort` a range. */
function toPorts(ports: readonly PortItem[]): Record<string, unknown>[] {
  const items = ports.map((p) => ({ port: String(p.port ?? 0), ...(p.endPort !== undefined ? { endPort: p.endPort } : {}), protocol: p.protocol }));
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < items.length; i += MAX_PORTS) out.push({ ports: items.slice(i, i + MAX_PORTS) });
  return out;
}

/**
 * One NetworkPolicy-style rule as Cilium rules: a rule holds one kind of L3 field, so pods
 * (`fromEndpoints`) and addresses (`fromCIDRSet`) go in separate rules with the same ports; no
 * peer is every peer (`toPorts` alone is an L4-only rule, and with no ports the `all` entity).
 */
function rulesOf(r: RuleItem, direction: Direction): Record<string, unknown>[] {
  const from = direction === 'ingress' ? 'from' : 'to';
  const ports = r.ports ? { toPorts: toPorts(r.ports) } : {};
  if (!r.peers) return [r.ports ? ports : { [`${from}Entities`]: ['all'] }];
  const out: Record<string, unknown>[] = [];
  const pods = r.peers.filter((p): p is Exclude<PeerItem, { kind: 'ipBlock' }> => p.kind !== 'ipBlock');
  const cidrs = r.peers.filter((p): p is Extract<PeerItem, { kind: 'ipBlock' }> => p.kind === 'ipBlock');
  if (pods.length) out.push({ [`${from}Endpoints`]: pods.map(endpoints), ...ports });
  if (cidrs.length) out.push({ [`${from}CIDRSet`]: cidrs.map(({ ipBlock: b }) => (b.except.length ? { cidr: b.cidr, except: b.except } : { cidr: b.cidr })), ...ports });
  return out;
}

const cilium = (s: LabelSelector) => selectorText(s);

/**
 * A cilium.io/v2 CiliumNetworkPolicy. A default deny is Cilium's own idiom (its
 * `examples/policies/l3/egress-default-deny`): every endpoint of the namespace, an empty rule in
 * each direction — it allows nothing and puts both directions in default deny.
 */
export function writeCiliumPolicy(plan: PolicyPlan): Record<string, unknown> {
  const d = plan.direction;
  const spec = d ? { [d]: plan.rules.flatMap((r) => rulesOf(r, d)) } : { ingress: [{}], egress: [{}] };
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumNetworkPolicy',
    metadata: { name: plan.name, namespace: plan.namespace, labels: { ...MANAGED_BY } },
    spec: { endpointSelector: cilium(plan.selector), ...spec },
  };
}
