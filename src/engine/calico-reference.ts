import type { AdminAction } from '../model/admin-policy.js';
import {
  byOrderThenName,
  DEFAULT_TIER,
  KNP_ORDER,
  KUBE_ADMIN_TIER,
  KUBE_BASELINE_TIER,
  type CalicoEntityRule,
  type CalicoObjects,
  type CalicoPolicy,
  type CalicoPort,
  type CalicoRule,
  type CalicoTier,
  tierIsolates,
} from '../model/calico-policy.js';
import type { Labels } from '../model/labels.js';
import type { Cidr, Direction } from '../model/policy.js';
import type { Pod, ServiceAccount } from '../model/snapshot.js';
import { matchesCalicoSelector, parseCalicoSelector, type CalicoSelector } from '../select/calico-selector.js';
import { parseIp } from '../net/ip-address.js';
import type { Endpoint, Traffic } from './endpoint.js';

/** What the rest of the oracle decides for one side: NetworkPolicy (null: it does not isolate), and the first matching rule of the admin tiers. */
export interface OtherLayers {
  networkPolicy(direction: Direction, t: Traffic): boolean | null;
  admin(tier: 'admin' | 'baseline', direction: Direction, t: Traffic): AdminAction | undefined;
}

/** A Calico "thing" a selector may match: a pod's workload endpoint or a network set. */
interface Selectable {
  labels: Labels;
  namespace?: string;
  serviceAccount?: string;
}

/**
 * The Calico part of the oracle: one side of one connection, straight from Calico's
 * documentation (docs/calico.md cites each point), with no compilation. Tiers by order, then
 * name; in a tier with a policy selecting the endpoint for this direction, policies by order then
 * name (Kubernetes NetworkPolicy is `knp.default.*` at order 1000 of the default tier; admin
 * network policies fill the kube-admin and kube-baseline tiers), rules in order: Allow and Deny
 * decide, Log goes on, Pass skips to the next tier; the tier's default action ends it otherwise
 * (Deny; Pass for the two kube tiers). No tier decided: the namespace's profile allows.
 * Service account selectors are matched as Calico does: the selector's labels prefixed `pcsa.`,
 * on endpoint labels that carry the ServiceAccount's labels so prefixed.
 */
export class CalicoReference {
  private readonly tiers: CalicoTier[];

  constructor(
    private readonly calico: CalicoObjects,
    private readonly nsLabels: ReadonlyMap<string, Labels>,
    private readonly accounts: readonly ServiceAccount[] = [],
  ) {
    const tiers = [...calico.tiers];
    for (const t of [KUBE_ADMIN_TIER, KUBE_BASELINE_TIER]) if (!tiers.some((x) => x.name === t.name)) tiers.push({ name: t.name, order: t.order, defaultAction: 'Pass' });
    this.tiers = tiers.sort(byOrderThenName);
  }

  /** The Calico policies that select the pod for this direction in a tier whose default Deny can drop some of its connections (model/calico-policy.ts tierIsolates). */
  isolating(pod: Pod, direction: Direction): CalicoPolicy[] {
    return this.tiers.flatMap((t) => {
      const selecting = this.calico.policies.filter((p) => p.tier === t.name && p.types[direction] && this.selects(p, pod));
      return tierIsolates(t, selecting, direction) ? selecting : [];
    });
  }

  side(direction: Direction, t: Traffic, other: OtherLayers): boolean {
    const subject = direction === 'egress' ? t.src : t.dst;
    if (subject.kind !== 'pod') return true;
    for (const tier of this.tiers) {
      const verdict = this.tier(tier, direction, subject.pod, t, other);
      if (verdict !== 'next') return verdict;
    }
    return true; // the profile kns.<namespace> allows
  }

  private tier(tier: CalicoTier, direction: Direction, pod: Pod, t: Traffic, other: OtherLayers): boolean | 'next' {
    type Step = { order: number | undefined; name: string; decide: () => 'allow' | 'deny' | 'pass' | undefined };
    const steps: Step[] = this.calico.policies
      .filter((p) => p.tier === tier.name && p.types[direction] && this.selects(p, pod))
      .map((p) => ({ order: p.order, name: p.name, decide: () => this.firstRule(p, direction, t) }));
    if (tier.name === DEFAULT_TIER.name) {
      const np = other.networkPolicy(direction, t);
      if (np !== null) steps.push({ order: KNP_ORDER, name: 'knp.default.', decide: () => (np ? 'allow' : undefined) });
    }
    if (tier.name === KUBE_ADMIN_TIER.name || tier.name === KUBE_BASELINE_TIER.name) {
      const a = other.admin(tier.name === KUBE_ADMIN_TIER.name ? 'admin' : 'baseline', direction, t);
      if (a) steps.push({ order: -Infinity, name: '', decide: () => a });
    }
    if (steps.length === 0) return 'next';
    for (const s of steps.sort(byOrderThenName)) {
      const d = s.decide();
      if (d === 'allow') return true;
      if (d === 'deny') return false;
      if (d === 'pass') return 'next';
    }
    return tier.defaultAction === 'Deny' ? false : 'next';
  }

  private firstRule(p: CalicoPolicy, direction: Direction, t: Traffic): 'allow' | 'deny' | 'pass' | undefined {
    for (const r of direction === 'ingress' ? p.ingress : p.egress) {
      if (r.action === 'Log' || !this.ruleMatches(p, r, t)) continue;
      return r.action === 'Allow' ? 'allow' : r.action === 'Deny' ? 'deny' : 'pass';
    }
    return undefined;
  }

  /** The policy's `selector` (and a GlobalNetworkPolicy's `namespaceSelector`) on the pod's endpoint; host-networked pods have none. */
  selects(p: CalicoPolicy, pod: Pod): boolean {
    if (pod.hostNetwork) return false;
    if (p.namespace !== undefined && pod.namespace !== p.namespace) return false;
    const e = this.endpoint(pod);
    if (!sel(p.selector, e.labels)) return false;
    if (p.serviceAccountSelector !== undefined && !matchesCalicoSelector(accountSelector(p.serviceAccountSelector, p.kind === 'GlobalNetworkPolicy'), e.labels)) return false;
    return p.namespaceSelector === undefined || sel(p.namespaceSelector, this.namespaceLabels(pod.namespace));
  }

  ruleMatches(p: CalicoPolicy, r: CalicoRule, t: Traffic): boolean {
    if (!r.protocols.includes(t.protocol)) return false;
    if (!this.familyMatches(r, t)) return false;
    if (!this.endsMatch(p, r, t.src, t.dst)) return false;
    const service = r.destination.services?.backend;
    if (service?.kind === 'selector') {
      // Felix's destination Service IP set holds (address, port, protocol) of each endpoint, the port being the EndpointSlice's: targetPort, a name resolved on the pod.
      const dst = t.dst;
      return dst.kind === 'pod' && service.ports.some((sp) => sp.protocol === t.protocol && (typeof sp.targetPort === 'number' ? sp.targetPort : dst.pod.ports.find((cp) => cp.name === sp.targetPort && cp.protocol === sp.protocol)?.port) === t.port);
    }
    if (service?.kind === 'slices') {
      // Without a selector: the members are (address, port, protocol) for every address and numbered port of each EndpointSlice (serviceindex.go membersFromEndpointSlice).
      const addrs = t.dst.kind === 'ip' ? [t.dst] : podAddresses(t.dst.pod);
      return service.slices.some((sl) => sl.ports.some((sp) => sp.protocol === t.protocol && sp.port === t.port) && addrs.some((a) => sl.addresses.some((c) => holds(c, a))));
    }
    const ports = r.destination.ports;
    if (ports && !ports.some((x) => portMatches(x, r, t))) return false;
    return !r.destination.notPorts.some((x) => portMatches(x, r, t));
  }

  /** Whether the rule's source matches `src` and its destination matches `dst` (ports aside), in a family the rule is rendered for. */
  endsMatch(p: CalicoPolicy, r: CalicoRule, src: Endpoint, dst: Endpoint): boolean {
    return this.familyMatches(r, { src, dst }) && this.entityMatches(p, r.source, src) && this.entityMatches(p, r.destination, dst);
  }

  /**
   * Felix renders a rule with `ipVersion`, or with nets or notNets of one family, for that family
   * only (felix/rules/policy.go FilterRuleToIPVersion). A connection's family is one both ends
   * have: an address its own, a pod those of its known IPs (both when none is known). The rule
   * matches when its family is among them (with both possible, the connection may be either).
   */
  private familyMatches(r: CalicoRule, t: Pick<Traffic, 'src' | 'dst'>): boolean {
    const ipVersion = r.ipVersion ?? [...(r.source.nets ?? []), ...r.source.notNets, ...(r.destination.nets ?? []), ...r.destination.notNets][0]?.family;
    if (ipVersion === undefined) return true;
    const families = (e: Endpoint): number[] => {
      if (e.kind === 'ip') return [e.family];
      const known = podAddresses(e.pod).map((a) => a.family);
      return known.length ? known : [4, 6];
    };
    const dst = families(t.dst);
    return families(t.src).some((f) => f === ipVersion && dst.includes(f));
  }

  private entityMatches(p: CalicoPolicy, e: CalicoEntityRule, end: Endpoint): boolean {
    if (e.services) {
      // The addresses of the Service's endpoints: a Service with a selector has the pods of its namespace that carry its selector's labels;
      // one without has the addresses of its EndpointSlices, matched like nets (a pod by its known IPs).
      const backend = e.services.backend;
      if (backend?.kind === 'slices') {
        const addrs = end.kind === 'ip' ? [end] : podAddresses(end.pod);
        return addrs.some((a) => backend.slices.some((sl) => sl.addresses.some((c) => holds(c, a))));
      }
      if (!backend || end.kind !== 'pod' || end.pod.namespace !== e.services.namespace) return false;
      return Object.entries(backend.selector).every(([k, v]) => end.pod.labels[k] === v);
    }
    // Calico matches by address: an outside address, or a pod's known IPs (any of them; none known: in no net).
    const addrs = end.kind === 'ip' ? [end] : podAddresses(end.pod);
    if (e.nets && !addrs.some((a) => e.nets!.some((c) => holds(c, a)))) return false;
    if (addrs.some((a) => e.notNets.some((c) => holds(c, a)))) return false;
    // What selectors see: the pod's workload endpoint (none on the host network) and the network sets holding its address.
    const sets = addrs.flatMap((a) => this.setsHolding(a));
    const things: Selectable[] = end.kind === 'pod' && !end.pod.hostNetwork ? [this.endpoint(end.pod), ...sets] : sets;
    const positive = this.positive(p, e);
    if (positive && !things.some(positive)) return false;
    if (e.notSelector !== undefined && things.some((x) => sel(e.notSelector!, x.labels))) return false;
    return true;
  }

  /**
   * The rule's positive selector, as Calico builds it (updateprocessors/rules.go getEndpointSelector):
   * namespace part (namespaceSelector, else the policy's own namespace) AND selector AND
   * serviceAccounts; the namespace part applies only when some selector field is given.
   * Undefined: the rule selects by address only.
   */
  private positive(p: CalicoPolicy, e: CalicoEntityRule): ((x: Selectable) => boolean) | undefined {
    const parts: ((x: Selectable) => boolean)[] = [];
    if (e.serviceAccountNames) parts.push((x) => x.serviceAccount !== undefined && e.serviceAccountNames!.includes(x.serviceAccount));
    if (e.serviceAccountSelector !== undefined) parts.push((x) => matchesCalicoSelector(accountSelector(e.serviceAccountSelector!, false), x.labels));
    if (e.selector !== undefined) parts.push((x) => sel(e.selector!, x.labels));
    const anySelector = parts.length > 0 || e.notSelector !== undefined || e.namespaceSelector !== undefined;
    if (anySelector) {
      if (e.namespaceSelector !== undefined) {
        const ns = e.namespaceSelector;
        parts.unshift((x) => matchesCalicoSelector(parsed(ns), x.namespace !== undefined ? this.namespaceLabels(x.namespace) : {}, { scope: 'namespaceSelector', namespaced: x.namespace !== undefined }));
      } else if (p.namespace !== undefined) parts.unshift((x) => x.namespace === p.namespace);
    }
    return parts.length ? (x) => parts.every((f) => f(x)) : undefined;
  }

  private endpoint(pod: Pod): Selectable {
    const sa = pod.serviceAccountName ?? 'default';
    // The syncer drops a pod's own pcsa./pcns. labels; the profile ksa.<ns>.<sa> adds the ServiceAccount's, prefixed (none when the snapshot lacks it).
    const own = Object.fromEntries(Object.entries(pod.labels).filter(([k]) => !k.startsWith('pcsa.') && !k.startsWith('pcns.')));
    const account = this.accounts.find((a) => a.namespace === pod.namespace && a.name === sa);
    const inherited = account ? Object.fromEntries([...Object.entries(account.labels), ['projectcalico.org/name', account.name]].map(([k, v]) => [`pcsa.${k}`, v])) : {};
    return {
      labels: { ...own, ...inherited, 'projectcalico.org/namespace': pod.namespace, 'projectcalico.org/orchestrator': 'k8s', 'projectcalico.org/serviceaccount': sa },
      namespace: pod.namespace,
      serviceAccount: sa,
    };
  }

  private setsHolding(addr: { family: number; addr: bigint }): Selectable[] {
    return this.calico.networkSets
      .filter((s) => s.nets.some((c) => holds(c, addr)))
      .map((s) => (s.namespace !== undefined ? { labels: { ...s.labels, 'projectcalico.org/namespace': s.namespace }, namespace: s.namespace } : { labels: s.labels }));
  }

  private namespaceLabels(ns: string): Labels {
    return { ...(this.nsLabels.get(ns) ?? { 'kubernetes.io/metadata.name': ns }), 'projectcalico.org/name': ns };
  }
}

/** The pod's known IPs (status.podIP/podIPs). */
function podAddresses(pod: Pod): { family: number; addr: bigint }[] {
  return pod.ips.flatMap((text) => {
    const ip = parseIp(text);
    return ip ? [{ family: ip.family, addr: ip.value }] : [];
  });
}

const holds = (c: Cidr, a: { family: number; addr: bigint }) => c.family === a.family && c.lo <= a.addr && a.addr <= c.hi;

const cache = new Map<string, ReturnType<typeof parseCalicoSelector>>();
function parsed(text: string) {
  let p = cache.get(text);
  if (!p) cache.set(text, (p = parseCalicoSelector(text)));
  if (!p.ok) throw new Error(`unvalidated selector ${text}`);
  return p.selector;
}
const sel = (text: string, labels: Labels) => matchesCalicoSelector(parsed(text), labels);

/**
 * A service account selector as Calico rewrites it (selectors.go parseSelectorAttachPrefix with
 * parser.PrefixVisitor: every label gets `pcsa.`); a GlobalNetworkPolicy's policy-level one also
 * has `all()` replaced by `has(projectcalico.org/serviceaccount)` (globalnetworkpolicyprocessor.go).
 */
const accountCache = new Map<string, CalicoSelector>();
function accountSelector(text: string, global: boolean): CalicoSelector {
  const key = `${global}|${text}`;
  const hit = accountCache.get(key);
  if (hit) return hit;
  const prefix = (s: CalicoSelector): CalicoSelector => {
    switch (s.kind) {
      case 'all':
        return global ? { kind: 'has', label: 'projectcalico.org/serviceaccount' } : s;
      case 'global':
        return s;
      case 'not':
        return { kind: 'not', operand: prefix(s.operand) };
      case 'and':
      case 'or':
        return { kind: s.kind, operands: s.operands.map(prefix) };
      default:
        return { ...s, label: `pcsa.${s.label}` };
    }
  };
  const out = prefix(parsed(text));
  accountCache.set(key, out);
  return out;
}

/** A destination port item: a number range, or a container port name of the destination pod on one of the rule's protocols. */
function portMatches(x: CalicoPort, r: CalicoRule, t: Traffic): boolean {
  if (x.kind === 'range') return x.from <= t.port && t.port <= x.to;
  return t.dst.kind === 'pod' && t.dst.pod.ports.some((cp) => cp.name === x.name && cp.protocol === t.protocol && cp.port === t.port && r.protocols.includes(cp.protocol));
}
