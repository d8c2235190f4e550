import type { CalicoPolicy } from '../model/calico-policy.js';
import type { CiliumPolicy } from '../model/cilium-policy.js';
import { DEFAULT_ASSUMPTIONS, type PluginAssumptions } from '../model/cni.js';
import { parseIp } from '../net/ip-address.js';
import { adminOrder, type AdminPeer, type AdminPolicy, type AdminRule } from '../model/admin-policy.js';
import type { NetworkPolicy, Peer, PortSpec, Rule } from '../model/policy.js';
import type { Labels } from '../model/labels.js';
import type { Pod, Snapshot } from '../model/snapshot.js';
import { matchesSelector } from '../select/label-selector.js';
import type { Endpoint, Traffic } from './endpoint.js';
import { CalicoReference, type OtherLayers } from './calico-reference.js';
import { CiliumReference } from './cilium-reference.js';

/**
 * The oracle: decides one connection at a time, written straight from the Kubernetes
 * documentation with no indexing or precomputation. Slow on purpose; the bitset engine must
 * agree with it on every pair.
 */
export class ReferenceEvaluator {
  private readonly nsLabels = new Map<string, Labels>();
  private tiers: ReturnType<typeof adminOrder> | undefined;
  /** What the network plugin does where NetworkPolicy leaves it open (docs/cni-profiles.md). */
  protected readonly plugin: PluginAssumptions;
  /** Cilium's policies, when the snapshot has any (cilium-reference.ts). */
  private readonly cilium: CiliumReference | undefined;
  /** Calico's policies, when the snapshot has any (calico-reference.ts): they take the admin tiers and NetworkPolicy into their tiers. */
  private readonly calico: CalicoReference | undefined;

  constructor(private readonly snapshot: Snapshot) {
    for (const ns of snapshot.namespaces) this.nsLabels.set(ns.name, ns.labels);
    this.plugin = snapshot.assumptions ?? DEFAULT_ASSUMPTIONS;
    this.cilium = snapshot.ciliumPolicies?.length ? new CiliumReference(snapshot.ciliumPolicies, this.nsLabels) : undefined;
    this.calico = snapshot.calico ? new CalicoReference(snapshot.calico, this.nsLabels, snapshot.serviceAccounts) : undefined;
  }

  private readonly layers: OtherLayers = {
    networkPolicy: (direction, t) => this.layer(direction, t),
    admin: (tier, direction, t) => {
      const subject = direction === 'egress' ? t.src : t.dst;
      if (subject.kind !== 'pod') return undefined;
      const tiers = (this.tiers ??= adminOrder(this.snapshot.adminPolicies ?? []));
      return this.firstAdminRule(tier === 'admin' ? tiers.admin : tiers.baseline, direction, subject.pod, t)?.action;
    },
  };

  allowed(t: Traffic): boolean {
    // "a pod cannot block access to itself"
    if (t.src.kind === 'pod' && t.dst.kind === 'pod' && t.src.pod === t.dst.pod) return true;
    if (this.calico) return this.calico.side('egress', t, this.layers) && this.calico.side('ingress', t, this.layers);
    if (!this.snapshot.adminPolicies?.length) {
      if (!this.cilium) return this.egressAllows(t) && this.ingressAllows(t);
      return (this.layer('egress', t) ?? true) && (this.layer('ingress', t) ?? true);
    }
    return this.sideAllows('egress', t) && this.sideAllows('ingress', t);
  }

  /**
   * One side through the tiers, from the policy API's documentation: admin-tier policies by
   * priority, rules in order, the first rule matching the peer and the port decides (Allow and
   * Deny are final, Pass goes to NetworkPolicy); NetworkPolicy decides for the pods it isolates;
   * then the baseline tier the same way; else allowed.
   */
  private sideAllows(direction: 'ingress' | 'egress', t: Traffic): boolean {
    const subject = direction === 'egress' ? t.src : t.dst;
    if (subject.kind !== 'pod') return true;
    const { admin, baseline } = (this.tiers ??= adminOrder(this.snapshot.adminPolicies ?? []));
    const first = (tier: readonly AdminPolicy[]): AdminRule | undefined => this.firstAdminRule(tier, direction, subject.pod, t);
    const a = first(admin);
    if (a && a.action !== 'pass') return a.action === 'allow';
    const layer = this.layer(direction, t);
    if (layer !== null) return layer;
    const b = first(baseline);
    return b?.action !== 'deny';
  }

  /** The first rule of a tier's admin policies selecting `pod` that matches the connection's peer and port. */
  private firstAdminRule(tier: readonly AdminPolicy[], direction: 'ingress' | 'egress', pod: Pod, t: Traffic): AdminRule | undefined {
    const peer = direction === 'egress' ? t.dst : t.src;
    for (const p of tier) {
      if (!this.subjectHas(p, pod)) continue;
      for (const r of direction === 'egress' ? p.egress : p.ingress) {
        if (r.peers.some((x) => this.adminPeerMatches(x, peer)) && this.adminPortMatches(r, t)) return r;
      }
    }
    return undefined;
  }

  /** What NetworkPolicy (and Cilium's policies, which Cilium unions with it) decide on this side; `null` when none of them acts on it. */
  private layer(direction: 'ingress' | 'egress', t: Traffic): boolean | null {
    const subject = direction === 'egress' ? t.src : t.dst;
    const isolated = subject.kind === 'pod' && this.applying(subject.pod, direction).length > 0;
    const networkPolicy = isolated ? (direction === 'egress' ? this.egressAllows(t) : this.ingressAllows(t)) : null;
    return this.cilium ? this.cilium.side(direction, t, networkPolicy) : networkPolicy;
  }

  /** "Note that host-networked pods are not included in subject selection." */
  private subjectHas(p: AdminPolicy, pod: Pod): boolean {
    if (pod.hostNetwork) return false;
    return matchesSelector(p.subject.namespaceSelector, this.nsLabels.get(pod.namespace) ?? {}) && (!p.subject.podSelector || matchesSelector(p.subject.podSelector, pod.labels));
  }

  private adminPeerMatches(peer: AdminPeer, e: Endpoint): boolean {
    switch (peer.kind) {
      // host-networked pods are not included in namespaces and pods peers either
      case 'namespaces':
        return e.kind === 'pod' && !e.pod.hostNetwork && matchesSelector(peer.namespaceSelector, this.nsLabels.get(e.pod.namespace) ?? {});
      case 'pods':
        return e.kind === 'pod' && !e.pod.hostNetwork && matchesSelector(peer.namespaceSelector, this.nsLabels.get(e.pod.namespace) ?? {}) && matchesSelector(peer.podSelector, e.pod.labels);
      case 'networks':
        // like ipBlock: addresses outside the pod network
        return e.kind === 'ip' && peer.cidrs.some((c) => c.family === e.family && c.lo <= e.addr && e.addr <= c.hi);
      case 'nodes':
        return false;
    }
  }

  private adminPortMatches(r: AdminRule, t: Traffic): boolean {
    if (r.ports === 'any') return true;
    return r.ports.some((p) => {
      if (p.kind === 'named') return t.dst.kind === 'pod' && t.dst.pod.ports.some((cp) => cp.name === p.name && cp.protocol === t.protocol && cp.port === t.port);
      return p.protocol === t.protocol && (p.kind === 'all' || (p.from <= t.port && t.port <= p.to));
    });
  }

  /** Policies that select `pod` and apply to it in the direction (none for a hostNetwork pod that is node traffic). */
  /** Cilium policies that put the pod in default deny for this direction (none without Cilium policies). */
  ciliumIsolating(pod: Pod, direction: 'ingress' | 'egress'): CiliumPolicy[] {
    return this.cilium?.defaultDenying(pod, direction) ?? [];
  }

  /** Calico policies that put the pod in default deny for this direction (in a tier whose default action is Deny). */
  calicoIsolating(pod: Pod, direction: 'ingress' | 'egress'): CalicoPolicy[] {
    return this.calico?.isolating(pod, direction) ?? [];
  }

  applying(pod: Pod, direction: 'ingress' | 'egress'): NetworkPolicy[] {
    if (pod.hostNetwork && this.plugin.hostNetwork === 'node') return [];
    return this.snapshot.policies.filter(
      (p) => p.namespace === pod.namespace && p.affects[direction] && matchesSelector(p.podSelector, pod.labels),
    );
  }

  egressAllows(t: Traffic): boolean {
    if (t.src.kind !== 'pod') return true; // no policy restricts what leaves an outside address
    const policies = this.applying(t.src.pod, 'egress');
    if (policies.length === 0) return true; // non-isolated for egress
    return policies.some((p) => p.egress.some((r) => this.ruleAllows(p, r, t.dst, t)));
  }

  ingressAllows(t: Traffic): boolean {
    if (t.dst.kind !== 'pod') return true;
    const policies = this.applying(t.dst.pod, 'ingress');
    if (policies.length === 0) return true; // non-isolated for ingress
    return policies.some((p) => p.ingress.some((r) => this.ruleAllows(p, r, t.src, t)));
  }

  /** "Each rule allows traffic which matches both the from/to and ports sections." */
  protected ruleAllows(policy: NetworkPolicy, rule: Rule, peer: Endpoint, t: Traffic): boolean {
    const peerOk = rule.peers === 'any' || rule.peers.some((p) => this.peerMatches(policy, p, peer));
    const portOk = rule.ports === 'any' || rule.ports.some((s) => portMatches(s, t));
    return peerOk && portOk;
  }

  private peerMatches(policy: NetworkPolicy, peer: Peer, e: Endpoint): boolean {
    if (peer.kind === 'ipBlock') {
      const holds = (family: 4 | 6, addr: bigint): boolean =>
        family === peer.cidr.family && peer.cidr.lo <= addr && addr <= peer.cidr.hi && !peer.except.some((x) => x.family === family && x.lo <= addr && addr <= x.hi);
      if (e.kind === 'ip') return holds(e.family, e.addr);
      // A pod only where the plugin matches pods by ipBlock, by any of its known IPs.
      if (!this.plugin.ipBlockSelectsPods) return false;
      return e.pod.ips.some((text) => {
        const ip = parseIp(text);
        return ip !== undefined && holds(ip.family, ip.value);
      });
    }
    if (e.kind !== 'pod') return false;
    const pod = e.pod;
    // Traffic of a hostNetwork pod is node traffic: no pod or namespace selector matches it.
    if (pod.hostNetwork && this.plugin.hostNetwork === 'node') return false;
    const nsOk = peer.namespaceSelector
      ? matchesSelector(peer.namespaceSelector, this.nsLabels.get(pod.namespace) ?? {})
      : pod.namespace === policy.namespace;
    const podOk = peer.podSelector ? matchesSelector(peer.podSelector, pod.labels) : true;
    return nsOk && podOk;
  }
}

/** Named ports are resolved against the destination pod's container ports. */
function portMatches(spec: PortSpec, t: Traffic): boolean {
  if (spec.protocol !== t.protocol) return false;
  switch (spec.kind) {
    case 'all':
      return true;
    case 'range':
      return spec.from <= t.port && t.port <= spec.to;
    case 'named':
      return (
        t.dst.kind === 'pod' &&
        t.dst.pod.ports.some((cp) => cp.name === spec.name && cp.protocol === t.protocol && cp.port === t.port)
      );
  }
}
