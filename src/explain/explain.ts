import type { Labels } from '../model/labels.js';
import type { Direction, IpBlockPeer, NetworkPolicy, Peer, PodPeer, PortSpec, Rule } from '../model/policy.js';
import type { Pod, Snapshot } from '../model/snapshot.js';
import { adminOrder, type AdminPeer, type AdminPolicy, type AdminRule } from '../model/admin-policy.js';
import { DEFAULT_ASSUMPTIONS, describeBehaviour, type Assumptions } from '../model/cni.js';
import { parseIp } from '../net/ip-address.js';
import { adminRuleConnections } from '../engine/admin-ports.js';
import { CONNECTION_SETS, throughTiers } from '../engine/admin-tiers.js';
import { ConnectionSet } from '../net/connection-set.js';
import { formatIp } from '../net/ip-address.js';
import { PortSet } from '../net/port-set.js';
import type { Endpoint } from '../engine/endpoint.js';
import { matchesSelector } from '../select/label-selector.js';
import { selectorMisses } from './selector-misses.js';
import { CalicoExplainer } from './calico-explain.js';
import { CiliumExplainer } from './cilium-explain.js';
import type { AdminRuleVerdict, AssumedPeer, DirectionVerdict, Explanation, RuleVerdict, TierVerdict } from './verdict.js';

/**
 * Explains one (source, destination) pair: which policies isolate each side, what every rule of
 * them says about the pair, and what is allowed. Works per pair, straight from the policies, so
 * a query on a huge snapshot needs no matrix.
 */
export class Explainer {
  private readonly nsLabels = new Map<string, Labels>();
  private readonly byNamespace = new Map<string, NetworkPolicy[]>();

  /** What the network plugin does where NetworkPolicy leaves it open (docs/cni-profiles.md). */
  private readonly plugin: Assumptions;

  constructor(readonly snapshot: Snapshot) {
    this.plugin = snapshot.assumptions ?? DEFAULT_ASSUMPTIONS;
    for (const ns of snapshot.namespaces) this.nsLabels.set(ns.name, ns.labels);
    for (const p of snapshot.policies) this.byNamespace.set(p.namespace, [...(this.byNamespace.get(p.namespace) ?? []), p]);
    this.tiers = adminOrder(snapshot.adminPolicies ?? []);
    this.cilium = snapshot.ciliumPolicies?.length ? new CiliumExplainer(snapshot.ciliumPolicies, this.nsLabels) : undefined;
    this.calico = snapshot.calico ? new CalicoExplainer(snapshot.calico, this.nsLabels, snapshot.serviceAccounts) : undefined;
  }

  /** Calico's policies, when the snapshot has any (calico-explain.ts): their tiers hold NetworkPolicy and the admin network policies. */
  private readonly calico: CalicoExplainer | undefined;

  /** Cilium's policies, when the snapshot has any (cilium-explain.ts). */
  private readonly cilium: CiliumExplainer | undefined;

  private readonly tiers: { admin: AdminPolicy[]; baseline: AdminPolicy[] };

  explain(src: Endpoint, dst: Endpoint): Explanation {
    const self = src.kind === 'pod' && dst.kind === 'pod' && src.pod === dst.pod;
    const egress = this.side('egress', src, dst, dst);
    const ingress = this.side('ingress', dst, src, dst);
    const connections = self ? ConnectionSet.ALL : egress.allowed.intersect(ingress.allowed);
    return { src, dst, self, egress, ingress, connections };
  }

  /** `subject`'s policies for `direction`, towards or from `peer`; ports resolve against `dst`. */
  private side(direction: Direction, subject: Endpoint, peer: Endpoint, dst: Endpoint): DirectionVerdict {
    if (subject.kind !== 'pod') {
      return { direction, subject: null, isolatedBy: [], rules: [], allowed: ConnectionSet.ALL };
    }
    const pod = subject.pod;
    const selecting = (this.byNamespace.get(pod.namespace) ?? []).filter((p) => p.affects[direction] && matchesSelector(p.podSelector, pod.labels));
    if (selecting.length && this.isNodeTraffic(pod)) {
      const note = `${pod.namespace}/${pod.name} is on the host network: ${describeBehaviour(this.plugin, 'hostNetwork')} (${this.assumedText()})`;
      return { direction, subject, isolatedBy: [], assumed: { notSelectedBy: selecting, note }, rules: [], allowed: ConnectionSet.ALL };
    }
    const isolatedBy = selecting;
    const rules: RuleVerdict[] = [];
    let allowed = isolatedBy.length ? ConnectionSet.NONE : ConnectionSet.ALL;
    for (const policy of isolatedBy) {
      for (const rule of direction === 'ingress' ? policy.ingress : policy.egress) {
        const v = this.rule(policy, rule, peer, dst);
        rules.push(v);
        if (v.matchedPeer !== null) allowed = allowed.union(v.ports);
      }
    }
    if (this.calico) {
      const [src, dstEnd] = direction === 'egress' ? [subject, peer] : [peer, subject];
      const c = this.calico.side(direction, pod, src, dstEnd, isolatedBy.length ? allowed : null, this.adminVerdicts(direction, pod, peer, dst));
      return { direction, subject, isolatedBy, rules, calico: c.verdict, allowed: c.allowed };
    }
    // Cilium unions its rules with NetworkPolicy's, then its deny rules win (engine/cilium-combine.ts).
    const cilium = this.cilium?.side(direction, pod, peer, dst, isolatedBy.length ? allowed : null);
    const layer = cilium ? cilium.allowed : isolatedBy.length ? allowed : null;
    const withCilium = cilium ? { cilium: cilium.verdict } : {};
    const tiers = this.throughTiers(direction, pod, peer, dst, layer);
    return tiers
      ? { direction, subject, isolatedBy, rules, ...withCilium, tiers: tiers.verdict, allowed: tiers.allowed }
      : { direction, subject, isolatedBy, rules, ...withCilium, allowed: layer ?? ConnectionSet.ALL };
  }

  /** Every rule of the admin and baseline policies that apply to `pod` in `direction`, in order, for this peer. */
  private adminVerdicts(direction: Direction, pod: Pod, peer: Endpoint, dst: Endpoint): { admin: AdminRuleVerdict[]; baseline: AdminRuleVerdict[] } {
    const nsLabels = this.nsLabels.get(pod.namespace) ?? {};
    const applies = (p: AdminPolicy) => !pod.hostNetwork && matchesSelector(p.subject.namespaceSelector, nsLabels) && (!p.subject.podSelector || matchesSelector(p.subject.podSelector, pod.labels));
    const verdicts = (tier: AdminPolicy[]) => tier.filter(applies).flatMap((p) => (direction === 'ingress' ? p.ingress : p.egress).map((r) => this.adminRule(p, r, peer, dst)));
    return { admin: verdicts(this.tiers.admin), baseline: verdicts(this.tiers.baseline) };
  }

  /** The cluster-wide policies that apply to `pod` in `direction`, rule by rule, and what gets through. */
  private throughTiers(direction: Direction, pod: Pod, peer: Endpoint, dst: Endpoint, networkPolicy: ConnectionSet | null): { verdict: TierVerdict; allowed: ConnectionSet } | undefined {
    const { admin, baseline } = this.adminVerdicts(direction, pod, peer, dst);
    if (admin.length === 0 && baseline.length === 0) return undefined;
    const matchedAdmin = admin.filter((v) => v.matchedPeer !== null);
    const matchedBaseline = baseline.filter((v) => v.matchedPeer !== null);
    const outcome = throughTiers(CONNECTION_SETS, matchedAdmin.map((v) => ({ action: v.rule.action, ports: v.ports })), networkPolicy, matchedBaseline.map((v) => ({ action: v.rule.action, ports: v.ports })));
    [...matchedAdmin, ...(networkPolicy === null ? matchedBaseline : [])].forEach((v, i) => (v.decided = outcome.decidedBy[i]!));
    return { verdict: { admin, baseline, toNetworkPolicy: outcome.toNetworkPolicy, toBaseline: outcome.toBaseline }, allowed: outcome.allowed };
  }

  private adminRule(policy: AdminPolicy, rule: AdminRule, peer: Endpoint, dst: Endpoint): AdminRuleVerdict {
    const ports = adminRuleConnections(rule, dst.kind === 'pod' ? dst.pod.ports : null);
    const peerMisses: string[] = [];
    for (let i = 0; i < rule.peers.length; i++) {
      const miss = this.adminPeerMiss(rule.peers[i]!, peer);
      if (miss === undefined) return { policy, rule, matchedPeer: i, peerMisses: [], ports, decided: ConnectionSet.NONE };
      peerMisses.push(`peer ${i}: ${miss}`);
    }
    return { policy, rule, matchedPeer: null, peerMisses, ports, decided: ConnectionSet.NONE };
  }

  private adminPeerMiss(peer: AdminPeer, e: Endpoint): string | undefined {
    if (peer.kind === 'nodes') return 'selects nodes, which are not in the snapshot';
    if (peer.kind === 'networks') {
      if (e.kind === 'pod') return `networks ${peer.cidrs.map((c) => c.text).join(', ')} name addresses outside the cluster, not pods`;
      return peer.cidrs.some((c) => c.family === e.family && c.lo <= e.addr && e.addr <= c.hi) ? undefined : `${formatIp(e.family, e.addr)} is in none of the networks ${peer.cidrs.map((c) => c.text).join(', ')}`;
    }
    if (e.kind !== 'pod') return `selects pods, and ${formatIp(e.family, e.addr)} is an outside address`;
    if (e.pod.hostNetwork) return 'the pod is on the host network, which namespaces and pods peers leave out';
    const labels = this.nsLabels.get(e.pod.namespace) ?? {};
    const problems: string[] = [];
    if (!matchesSelector(peer.namespaceSelector, labels)) problems.push(`namespace ${e.pod.namespace} does not match its namespace selector: ${selectorMisses(peer.namespaceSelector, labels).join('; ')}`);
    if (peer.kind === 'pods' && !matchesSelector(peer.podSelector, e.pod.labels)) problems.push(`the pod does not match its podSelector: ${selectorMisses(peer.podSelector, e.pod.labels).join('; ')}`);
    return problems.length ? problems.join('; and ') : undefined;
  }

  private rule(policy: NetworkPolicy, rule: Rule, peer: Endpoint, dst: Endpoint): RuleVerdict {
    const ports = rule.ports === 'any' ? ConnectionSet.ALL : rule.ports.reduce((acc, s) => acc.union(specConnections(s, dst)), ConnectionSet.NONE);
    if (rule.peers === 'any') return { policy, rule, matchedPeer: 'any', peerMisses: [], ports };
    const peerMisses: string[] = [];
    const assumed: AssumedPeer[] = [];
    for (let i = 0; i < rule.peers.length; i++) {
      const p = rule.peers[i]!;
      const miss = this.peerMiss(policy, p, peer);
      if (typeof miss === 'object') assumed.push({ peer: i, matched: false, ...miss.assumed });
      if (miss === undefined) {
        if (p.kind === 'ipBlock' && peer.kind === 'pod') {
          const ip = this.podIpIn(p, peer.pod)!;
          assumed.push({ peer: i, matched: true, kind: 'ipBlock', ip });
          return { policy, rule, matchedPeer: i, peerMisses: [], ports, matchNote: `holds the pod's IP ${ip}; ${this.assumedText()}`, assumed };
        }
        return { policy, rule, matchedPeer: i, peerMisses: [], ports, ...(assumed.length ? { assumed } : {}) };
      }
      peerMisses.push(`peer ${i}: ${typeof miss === 'string' ? miss : miss.note}`);
    }
    return { policy, rule, matchedPeer: null, peerMisses, ports, ...(assumed.length ? { assumed } : {}) };
  }

  private assumedText(): string {
    return `assumed: ${this.plugin.profiles.length ? this.plugin.profiles.join(', ') : 'netpol-check default'}`;
  }

  private isNodeTraffic(pod: Pod): boolean {
    return pod.hostNetwork && this.plugin.hostNetwork === 'node';
  }

  /** The first known IP of the pod inside the ipBlock (minus except), if any. */
  private podIpIn(peer: IpBlockPeer, pod: Pod): string | undefined {
    return pod.ips.find((text) => {
      const ip = parseIp(text);
      return ip !== undefined && ip.family === peer.cidr.family && peer.cidr.lo <= ip.value && ip.value <= peer.cidr.hi && !peer.except.some((x) => x.family === ip.family && x.lo <= ip.value && ip.value <= x.hi);
    });
  }

  /** `undefined` when the peer item matches; otherwise why not (an object when a plugin assumption decided it). */
  private peerMiss(policy: NetworkPolicy, peer: Peer, e: Endpoint): string | { note: string; assumed: Omit<AssumedPeer, 'peer' | 'matched'> } | undefined {
    if (peer.kind === 'ipBlock') {
      const except = peer.except.length ? ` except ${peer.except.map((c) => c.text).join(', ')}` : '';
      if (e.kind === 'pod') {
        const ip = this.podIpIn(peer, e.pod);
        if (ip === undefined) {
          if (!this.plugin.ipBlockSelectsPods) return `ipBlock ${peer.cidr.text}${except} names addresses outside the cluster, not pods`;
          return e.pod.ips.length ? `the pod's IP ${e.pod.ips.join(', ')} is not in ipBlock ${peer.cidr.text}${except}` : `ipBlock ${peer.cidr.text}${except} matches pods by IP, and the pod has no known IP`;
        }
        if (!this.plugin.ipBlockSelectsPods) return { note: `ipBlock ${peer.cidr.text}${except} holds the pod's IP ${ip}, but ${describeBehaviour(this.plugin, 'ipBlock')} (${this.assumedText()})`, assumed: { kind: 'ipBlock', ip } };
        return undefined;
      }
      const inCidr = e.family === peer.cidr.family && peer.cidr.lo <= e.addr && e.addr <= peer.cidr.hi;
      if (!inCidr) return `${formatIp(e.family, e.addr)} is not in ipBlock ${peer.cidr.text}`;
      const hit = peer.except.find((x) => x.family === e.family && x.lo <= e.addr && e.addr <= x.hi);
      return hit ? `${formatIp(e.family, e.addr)} is in the except range ${hit.text} of ipBlock ${peer.cidr.text}` : undefined;
    }
    if (e.kind !== 'pod') return `selects pods, and ${formatIp(e.family, e.addr)} is an outside address`;
    const pod = e.pod;
    const selectors = this.selectorMiss(policy, peer, pod);
    if (selectors === undefined && this.isNodeTraffic(pod)) return { note: `the pod is on the host network: ${describeBehaviour(this.plugin, 'hostNetwork')} (${this.assumedText()})`, assumed: { kind: 'hostNetwork' } };
    return selectors;
  }

  private selectorMiss(policy: NetworkPolicy, peer: PodPeer, pod: Pod): string | undefined {
    const problems: string[] = [];
    if (peer.namespaceSelector) {
      const labels = this.nsLabels.get(pod.namespace) ?? {};
      if (!matchesSelector(peer.namespaceSelector, labels)) {
        problems.push(`namespace ${pod.namespace} does not match its namespaceSelector: ${selectorMisses(peer.namespaceSelector, labels).join('; ')}`);
      }
    } else if (pod.namespace !== policy.namespace) {
      problems.push(`without a namespaceSelector the peer is in namespace ${policy.namespace}, and the pod is in ${pod.namespace}`);
    }
    if (peer.podSelector && !matchesSelector(peer.podSelector, pod.labels)) {
      problems.push(`the pod does not match its podSelector: ${selectorMisses(peer.podSelector, pod.labels).join('; ')}`);
    }
    return problems.length ? problems.join('; and ') : undefined;
  }
}

/** The connections a port spec opens towards `dst`; a named port resolves against a destination pod only. */
export function specConnections(spec: PortSpec, dst: Endpoint): ConnectionSet {
  switch (spec.kind) {
    case 'all':
      return ConnectionSet.of({ [spec.protocol]: PortSet.ALL });
    case 'range':
      return ConnectionSet.of({ [spec.protocol]: PortSet.range(spec.from, spec.to) });
    case 'named': {
      if (dst.kind !== 'pod') return ConnectionSet.NONE;
      const numbers = dst.pod.ports.filter((p) => p.name === spec.name && p.protocol === spec.protocol).map((p): [number, number] => [p.port, p.port]);
      return ConnectionSet.of({ [spec.protocol]: PortSet.of(numbers) });
    }
  }
}
