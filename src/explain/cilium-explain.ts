import { ciliumActsOn, type CiliumPeer, type CiliumPolicy, type CiliumRule } from '../model/cilium-policy.js';
import type { Labels } from '../model/labels.js';
import type { Direction } from '../model/policy.js';
import type { Pod } from '../model/snapshot.js';
import { CONNECTION_SETS } from '../engine/admin-tiers.js';
import { combineCilium } from '../engine/cilium-combine.js';
import { ciliumRuleConnections } from '../engine/cilium-ports.js';
import type { Endpoint } from '../engine/endpoint.js';
import { ConnectionSet } from '../net/connection-set.js';
import { formatIp } from '../net/ip-address.js';
import { ciliumLabels } from '../select/cilium-labels.js';
import { matchesSelector } from '../select/label-selector.js';
import type { CiliumRuleVerdict, CiliumVerdict } from './cilium-verdict.js';
import { selectorMisses } from './selector-misses.js';

const ENTITY_MEANING: Record<string, string> = {
  world: 'addresses outside the cluster',
  'world-ipv4': 'IPv4 addresses outside the cluster',
  'world-ipv6': 'IPv6 addresses outside the cluster',
  cluster: 'the pods of the cluster',
};

/** Explains Cilium's part of one side of a pair: which policies select the pod, what each rule says, what gets through. */
export class CiliumExplainer {
  constructor(
    private readonly policies: readonly CiliumPolicy[],
    private readonly nsLabels: ReadonlyMap<string, Labels>,
  ) {}

  /** `networkPolicy`: what NetworkPolicy allows on this side, `null` when it does not isolate the pod. `undefined`: no Cilium policy acts here. */
  side(direction: Direction, pod: Pod, peer: Endpoint, dst: Endpoint, networkPolicy: ConnectionSet | null): { verdict: CiliumVerdict; allowed: ConnectionSet } | undefined {
    const selectedBy = this.policies.filter((p) => !p.selectsNoPod && this.selects(p.endpointSelector, p.namespace, pod) && ciliumActsOn(p, direction));
    if (selectedBy.length === 0) return undefined;
    const defaultDenyBy = selectedBy.filter((p) => p.defaultDeny[direction]);
    const rules = selectedBy.flatMap((p) => p.rules.filter((r) => r.direction === direction).map((r) => this.rule(p, r, peer, dst)));
    const matched = (deny: boolean) => rules.filter((v) => v.rule.deny === deny && v.matchedPeer !== null).map((v) => v.ports);
    const defaultDeny = networkPolicy !== null || defaultDenyBy.length > 0;
    const allowed = combineCilium(CONNECTION_SETS, defaultDeny, networkPolicy, matched(false), matched(true));
    const denied = matched(true).reduce((a, b) => a.union(b), ConnectionSet.NONE);
    return { verdict: { selectedBy, defaultDeny, defaultDenyBy, rules, denied }, allowed };
  }

  private labelsOf(pod: Pod): Labels {
    return ciliumLabels(pod.labels, pod.namespace, this.nsLabels.get(pod.namespace) ?? {});
  }

  private selects(selector: CiliumPolicy['endpointSelector'], namespace: string | undefined, pod: Pod): boolean {
    return this.endpointMiss(selector, namespace, pod) === undefined;
  }

  /** Why an endpoint selector does not match the pod, or undefined when it does. */
  private endpointMiss(selector: CiliumPolicy['endpointSelector'], namespace: string | undefined, pod: Pod): string | undefined {
    if (pod.hostNetwork) return 'the pod is on the host network: Cilium sees it as its node (the host or remote-node entity), which endpoint selectors do not match';
    if (namespace !== undefined && pod.namespace !== namespace) return `a CiliumNetworkPolicy's selector stays in its namespace ${namespace} unless it names one, and the pod is in ${pod.namespace}`;
    const labels = this.labelsOf(pod);
    return matchesSelector(selector, labels) ? undefined : `the pod does not match its selector: ${selectorMisses(selector, labels).join('; ')}`;
  }

  private rule(policy: CiliumPolicy, rule: CiliumRule, peer: Endpoint, dst: Endpoint): CiliumRuleVerdict {
    const ports = ciliumRuleConnections(rule, dst.kind === 'pod' ? dst.pod.ports : null);
    if (rule.peers === 'any') return { policy, rule, matchedPeer: 'any', peerMisses: [], ports };
    if (rule.peers.length === 0) return { policy, rule, matchedPeer: null, peerMisses: ['the rule names no peer: it only puts the pod in default deny'], ports };
    const peerMisses: string[] = [];
    for (let i = 0; i < rule.peers.length; i++) {
      const miss = this.peerMiss(rule.peers[i]!, peer);
      if (miss === undefined) return { policy, rule, matchedPeer: i, peerMisses: [], ports };
      peerMisses.push(`peer ${i}: ${miss}`);
    }
    return { policy, rule, matchedPeer: null, peerMisses, ports };
  }

  private peerMiss(p: CiliumPeer, e: Endpoint): string | undefined {
    const what = e.kind === 'pod' ? 'a pod' : formatIp(e.family, e.addr);
    switch (p.kind) {
      case 'endpoints':
        return e.kind === 'pod' ? this.endpointMiss(p.selector, p.namespace, e.pod) : `selects pods, and ${what} is an outside address`;
      case 'cidr': {
        const except = p.except.length ? ` except ${p.except.map((c) => c.text).join(', ')}` : '';
        if (e.kind === 'pod') return `CIDR ${p.cidr.text}${except} names addresses outside the cluster: Cilium's CIDR rules do not select pods`;
        const inside = (c: { family: number; lo: bigint; hi: bigint }) => c.family === e.family && c.lo <= e.addr && e.addr <= c.hi;
        if (!inside(p.cidr)) return `${what} is not in ${p.cidr.text}`;
        const hit = p.except.find(inside);
        return hit ? `${what} is in the except range ${hit.text} of ${p.cidr.text}` : undefined;
      }
      case 'entity': {
        if (p.entity === 'all') return undefined;
        const meaning = ENTITY_MEANING[p.entity];
        if (!meaning) return `the ${p.entity} entity is not modelled (nodes and Cilium's own endpoints are not in a snapshot)`;
        const holds = p.entity === 'cluster' ? e.kind === 'pod' : e.kind === 'ip' && (p.entity === 'world' || (p.entity === 'world-ipv4') === (e.family === 4));
        return holds ? undefined : `entity ${p.entity} is ${meaning}, and the peer is ${what}`;
      }
      case 'service': {
        if (p.services.every((s) => 'selector' in s)) {
          const names = p.services.map((s) => `${s.namespace}/${s.name}`).join(', ');
          if (e.kind !== 'pod') return `selects the pods of Service ${names}, and ${what} is an outside address`;
          if (e.pod.hostNetwork) return 'the pod is on the host network: Cilium sees it as its node, which the Service\'s endpoint selector does not match';
        }
        const misses = p.services.map((s) => {
          if (!('selector' in s)) {
            const list = s.addresses.map((c) => c.text).join(', ');
            if (e.kind === 'pod') return `Service ${s.namespace}/${s.name} has no selector: Cilium allows the addresses of its EndpointSlices (${list}) as CIDRs, which do not select pods`;
            return s.addresses.some((c) => c.family === e.family && c.lo <= e.addr && e.addr <= c.hi) ? undefined : `${what} is not one of the EndpointSlice addresses of Service ${s.namespace}/${s.name} (${list})`;
          }
          if (e.kind !== 'pod') return `Service ${s.namespace}/${s.name} selects pods, and ${what} is an outside address`;
          if (e.pod.hostNetwork) return `the pod is on the host network: Cilium sees it as its node, which the endpoint selector of Service ${s.namespace}/${s.name} does not match`;
          if (s.namespace !== e.pod.namespace) return `Service ${s.namespace}/${s.name} selects pods of namespace ${s.namespace}, and the pod is in ${e.pod.namespace}`;
          const selector = { matchLabels: s.selector, matchExpressions: [] };
          const labels = this.labelsOf(e.pod);
          return matchesSelector(selector, labels) ? undefined : `the pod does not match the selector of Service ${s.namespace}/${s.name}: ${selectorMisses(selector, labels).join('; ')}`;
        });
        return misses.includes(undefined) ? undefined : misses.join('; ');
      }
      case 'unmodelled':
        return `${p.what} is not modelled: it matches nothing here`;
    }
  }
}
