import { ciliumActsOn, type CiliumPeer, type CiliumPolicy, type CiliumPort, type CiliumRule } from '../model/cilium-policy.js';
import type { Labels } from '../model/labels.js';
import type { Direction } from '../model/policy.js';
import type { Pod } from '../model/snapshot.js';
import { matchesSelector } from '../select/label-selector.js';
import type { Endpoint, Traffic } from './endpoint.js';

/**
 * The Cilium part of the oracle: one connection, one side, straight from Cilium's documentation
 * (docs/cilium.md cites each point), with no compilation: a pod is selected by a rule's
 * endpointSelector, in the policy's namespace for a CiliumNetworkPolicy, unless it is on the host
 * network; deny rules that match drop the connection; otherwise a pod in default deny (from a
 * NetworkPolicy or a Cilium rule) needs an allow rule of either kind, and a pod not in default
 * deny lets it through.
 */
export class CiliumReference {
  constructor(
    private readonly policies: readonly CiliumPolicy[],
    private readonly nsLabels: ReadonlyMap<string, Labels>,
  ) {}

  /** `networkPolicy`: NetworkPolicy's verdict, `null` when it does not isolate the pod. `null` back: no Cilium policy acts on this side. */
  side(direction: Direction, t: Traffic, networkPolicy: boolean | null): boolean | null {
    const subject = direction === 'egress' ? t.src : t.dst;
    const peer = direction === 'egress' ? t.dst : t.src;
    if (subject.kind !== 'pod') return networkPolicy;
    const acting = this.policies.filter((p) => !p.selectsNoPod && this.podMatches(p.endpointSelector, p.namespace, subject.pod) && ciliumActsOn(p, direction));
    if (acting.length === 0) return networkPolicy;
    const matching = (deny: boolean) => acting.some((p) => p.rules.some((r) => r.direction === direction && r.deny === deny && this.ruleMatches(r, peer, t)));
    if (matching(true)) return false;
    const defaultDeny = networkPolicy !== null || acting.some((p) => p.defaultDeny[direction]);
    if (!defaultDeny) return true;
    return networkPolicy === true || matching(false);
  }

  /** The policies that select the pod and put it in default deny for this direction (Cilium docs, "Policy Enforcement Modes"). */
  defaultDenying(pod: Pod, direction: Direction): CiliumPolicy[] {
    return this.policies.filter((p) => !p.selectsNoPod && p.defaultDeny[direction] && this.podMatches(p.endpointSelector, p.namespace, pod));
  }

  private podMatches(selector: CiliumPolicy['endpointSelector'], namespace: string | undefined, pod: Pod): boolean {
    if (pod.hostNetwork) return false; // a host-networked pod is the node to Cilium
    if (namespace !== undefined && pod.namespace !== namespace) return false;
    const labels: Record<string, string> = { ...pod.labels, 'io.kubernetes.pod.namespace': pod.namespace };
    for (const [k, v] of Object.entries(this.nsLabels.get(pod.namespace) ?? {})) labels[`io.cilium.k8s.namespace.labels.${k}`] = v;
    return matchesSelector(selector, labels);
  }

  private ruleMatches(r: CiliumRule, peer: Endpoint, t: Traffic): boolean {
    const peerOk = r.peers === 'any' || r.peers.some((p) => this.peerMatches(p, peer));
    return peerOk && (r.ports === 'any' || r.ports.some((p) => portMatches(p, t)));
  }

  private peerMatches(p: CiliumPeer, e: Endpoint): boolean {
    switch (p.kind) {
      case 'endpoints':
        return e.kind === 'pod' && this.podMatches(p.selector, p.namespace, e.pod);
      case 'cidr': {
        // CIDR rules select addresses outside the cluster, never pods.
        if (e.kind !== 'ip') return false;
        const inside = (c: { family: number; lo: bigint; hi: bigint }) => c.family === e.family && c.lo <= e.addr && e.addr <= c.hi;
        return inside(p.cidr) && !p.except.some(inside);
      }
      case 'entity':
        if (p.entity === 'all') return true;
        if (p.entity === 'cluster') return e.kind === 'pod';
        if (p.entity === 'world') return e.kind === 'ip';
        if (p.entity === 'world-ipv4') return e.kind === 'ip' && e.family === 4;
        if (p.entity === 'world-ipv6') return e.kind === 'ip' && e.family === 6;
        return false;
      case 'service':
        // The pods each Service selects in its namespace: Cilium matches the Service's selector as an endpoint selector (docs/cilium.md, "Services").
        // A Service without a selector: its EndpointSlices' addresses, as CIDRs (outside addresses only).
        return p.services.some((s) =>
          'selector' in s
            ? e.kind === 'pod' && this.podMatches({ matchLabels: s.selector, matchExpressions: [] }, s.namespace, e.pod)
            : e.kind === 'ip' && s.addresses.some((c) => c.family === e.family && c.lo <= e.addr && e.addr <= c.hi),
        );
      case 'unmodelled':
        return false;
    }
  }
}

function portMatches(p: CiliumPort, t: Traffic): boolean {
  const protocolOk = (proto: string) => p.protocol === 'ANY' || p.protocol === proto;
  if (p.kind === 'range') return protocolOk(t.protocol) && p.from <= t.port && t.port <= p.to;
  return t.dst.kind === 'pod' && t.dst.pod.ports.some((cp) => cp.name === p.name && protocolOk(cp.protocol) && cp.protocol === t.protocol && cp.port === t.port);
}
