import { DEFAULT_TIER, KNP_ORDER, KUBE_ADMIN_TIER, KUBE_BASELINE_TIER, byOrderThenName, type CalicoObjects, type CalicoPolicy } from '../model/calico-policy.js';
import type { CalicoEntityRule, CalicoRule, CalicoServiceBackend } from '../model/calico-policy.js';
import type { Cidr } from '../model/policy.js';
import type { Labels } from '../model/labels.js';
import type { Direction } from '../model/policy.js';
import type { Pod, ServiceAccount } from '../model/snapshot.js';
import { CONNECTION_SETS } from '../engine/admin-tiers.js';
import { throughCalicoTiers, type CalicoStepAction, type CalicoTierSteps } from '../engine/calico-combine.js';
import { calicoRuleConnections } from '../engine/calico-ports.js';
import { CalicoReference } from '../engine/calico-reference.js';
import { calicoTierOrder } from '../engine/compile-calico.js';
import type { Endpoint } from '../engine/endpoint.js';
import { ConnectionSet } from '../net/connection-set.js';
import { formatIp, parseIp } from '../net/ip-address.js';
import { serviceEndpointPorts } from '../select/service-endpoints.js';
import type { CalicoStepVerdict, CalicoTierVerdict, CalicoVerdict } from './calico-verdict.js';
import type { AdminRuleVerdict } from './verdict.js';

type CalicoStepServices = NonNullable<Extract<CalicoStepVerdict, { kind: 'rule' }>['services']>;
type Step = { verdict: CalicoStepVerdict; action: CalicoStepAction; matched: ConnectionSet };

/**
 * Explains one side of a pair under Calico: tier by tier, the policies that select the pod and
 * what each of their rules matches; then the same first-match algebra as the engine
 * (engine/calico-combine.ts) says what each step decided or passed, what each tier's default
 * action took, and what reached the profile.
 */
export class CalicoExplainer {
  private readonly matcher: CalicoReference;
  private readonly tiers;

  constructor(
    private readonly calico: CalicoObjects,
    nsLabels: ReadonlyMap<string, Labels>,
    accounts: readonly ServiceAccount[] | undefined,
  ) {
    this.matcher = new CalicoReference(calico, nsLabels, accounts);
    this.tiers = calicoTierOrder(calico);
  }

  /** `networkPolicy`: what NetworkPolicy allows (null: it does not isolate the pod); `admin`: the admin rule verdicts of each kube tier for the pod. */
  side(direction: Direction, pod: Pod, src: Endpoint, dst: Endpoint, networkPolicy: ConnectionSet | null, admin: { admin: AdminRuleVerdict[]; baseline: AdminRuleVerdict[] }): { verdict: CalicoVerdict; allowed: ConnectionSet } {
    const applying: { tier: CalicoTierVerdict['tier']; selectedBy: CalicoPolicy[]; steps: Step[] }[] = [];
    for (const tier of this.tiers) {
      type Entry = { order: number | undefined; name: string; steps: Step[]; policy?: CalicoPolicy };
      const entries: Entry[] = this.calico.policies
        .filter((p) => p.tier === tier.name && p.types[direction] && this.matcher.selects(p, pod))
        .map((p) => ({
          order: p.order,
          name: p.name,
          policy: p,
          steps: (direction === 'ingress' ? p.ingress : p.egress).map((rule): Step => {
            const ends = this.matcher.endsMatch(p, rule, src, dst);
            const matched = ends ? calicoRuleConnections(rule, dst.kind === 'pod' ? dst.pod.ports : null, endpointIn(dst)) : ConnectionSet.NONE;
            const action = rule.action === 'Allow' ? 'allow' : rule.action === 'Deny' ? 'deny' : rule.action === 'Pass' ? 'pass' : 'log';
            const accounts = ends ? { ...accountOf(rule.source, src, 'source'), ...accountOf(rule.destination, dst, 'destination') } : {};
            const services = ends ? servicesOf(rule, src, dst) : undefined;
            const podNets = ends ? { ...podInNets(rule.source, src, 'source'), ...podInNets(rule.destination, dst, 'destination') } : {};
            const extra = { ...(Object.keys(accounts).length ? { serviceAccounts: accounts } : {}), ...(services ? { services } : {}), ...(Object.keys(podNets).length ? { podNets } : {}) };
            return { verdict: { kind: 'rule', policy: p, rule, matched, effect: ConnectionSet.NONE, ...extra }, action, matched };
          }),
        }));
      if (tier.name === DEFAULT_TIER.name && networkPolicy !== null) {
        entries.push({ order: KNP_ORDER, name: 'knp.default.', steps: [{ verdict: { kind: 'networkPolicy', matched: networkPolicy, effect: ConnectionSet.NONE }, action: 'allow', matched: networkPolicy }] });
      }
      const adminVerdicts = tier.name === KUBE_ADMIN_TIER.name ? admin.admin : tier.name === KUBE_BASELINE_TIER.name ? admin.baseline : [];
      if (adminVerdicts.length) {
        entries.push({
          order: -Infinity,
          name: '',
          steps: adminVerdicts.map((v): Step => {
            const matched = v.matchedPeer !== null ? v.ports : ConnectionSet.NONE;
            return { verdict: { kind: 'admin', verdict: v, effect: ConnectionSet.NONE }, action: v.rule.action, matched };
          }),
        });
      }
      if (!entries.length) continue;
      entries.sort(byOrderThenName);
      applying.push({ tier, selectedBy: entries.flatMap((e) => (e.policy ? [e.policy] : [])), steps: entries.flatMap((e) => e.steps) });
    }
    const input: CalicoTierSteps<ConnectionSet>[] = applying.map((t) => ({ steps: t.steps.map((s) => ({ action: s.action, matched: s.matched })), defaultAction: t.tier.defaultAction }));
    const outcome = throughCalicoTiers(CONNECTION_SETS, input);
    const tiers: CalicoTierVerdict[] = applying.map((t, i) => ({
      tier: t.tier,
      selectedBy: t.selectedBy,
      steps: t.steps.map((s, j) => ({ ...s.verdict, effect: outcome.effects[i]![j]! })),
      ended: outcome.ended[i]!,
    }));
    return { verdict: { tiers, profile: outcome.profile }, allowed: outcome.allowed };
  }
}

/** The pod's `namespace/serviceAccount` when this end of the rule selects by service account. */
function accountOf(e: CalicoEntityRule, end: Endpoint, side: 'source' | 'destination'): { source?: string; destination?: string } {
  if (end.kind !== 'pod' || (e.serviceAccountNames === undefined && e.serviceAccountSelector === undefined)) return {};
  return { [side]: `${end.pod.namespace}/${end.pod.serviceAccountName ?? 'default'}` };
}

/** The Services a matched rule names (`services`), with the ports the destination serves for a destination one, and the EndpointSlices an end's address came from. */
function servicesOf(rule: CalicoRule, src: Endpoint, dst: Endpoint): CalicoStepServices | undefined {
  const out: CalicoStepServices = {};
  const s = rule.source.services;
  if (s) out.source = { namespace: s.namespace, name: s.name, ...slicesHolding(s.backend, src) };
  const d = rule.destination.services;
  if (d?.backend?.kind === 'selector') out.destination = { namespace: d.namespace, name: d.name, ports: serviceEndpointPorts(d.backend.ports, dst.kind === 'pod' ? dst.pod.ports : []) };
  if (d?.backend?.kind === 'slices') {
    const held = slicesHolding(d.backend, dst);
    const names = held.endpointSlices?.names ?? [];
    const slicePorts = d.backend.slices.filter((x) => names.includes(x.name)).flatMap((x) => x.ports);
    out.destination = { namespace: d.namespace, name: d.name, ports: [], ...held, slicePorts: slicePorts.filter((p, i) => slicePorts.findIndex((q) => q.port === p.port && q.protocol === p.protocol) === i) };
  }
  return out.source || out.destination ? out : undefined;
}

/** For a Service resolved to EndpointSlices: the slices holding one of the end's addresses (the first such address). */
function slicesHolding(backend: CalicoServiceBackend | undefined, end: Endpoint): { endpointSlices?: { names: string[]; address: string } } {
  if (backend?.kind !== 'slices') return {};
  const addresses = end.kind === 'ip' ? [{ text: formatIp(end.family, end.addr), family: end.family, value: end.addr }] : end.pod.ips.flatMap((text) => {
    const a = parseIp(text);
    return a ? [{ text, family: a.family, value: a.value }] : [];
  });
  for (const a of addresses) {
    const names = backend.slices.filter((x) => x.addresses.some((c) => c.family === a.family && c.lo <= a.value && a.value <= c.hi)).map((x) => x.name);
    if (names.length) return { endpointSlices: { names, address: a.text } };
  }
  return {};
}

/** Whether one of the end's addresses (an outside address, or a pod's known IPs) is in these CIDRs. */
function endpointIn(end: Endpoint): (cidrs: readonly Cidr[]) => boolean {
  const addresses = end.kind === 'ip' ? [{ family: end.family, value: end.addr }] : end.pod.ips.flatMap((t) => parseIp(t) ?? []);
  return (cidrs) => addresses.some((a) => cidrs.some((c) => c.family === a.family && c.lo <= a.value && a.value <= c.hi));
}

/** When this end of a matched rule has `nets` and is a pod: the pod's IP in them (Calico matches pods by address: docs/calico.md). */
function podInNets(e: CalicoEntityRule, end: Endpoint, side: 'source' | 'destination'): { source?: string; destination?: string } {
  if (end.kind !== 'pod' || !e.nets) return {};
  const ip = end.pod.ips.find((text) => {
    const a = parseIp(text);
    return a !== undefined && e.nets!.some((c) => c.family === a.family && c.lo <= a.value && a.value <= c.hi);
  });
  return ip ? { [side]: ip } : {};
}
