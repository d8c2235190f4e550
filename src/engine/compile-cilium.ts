import { ciliumActsOn, type CiliumPeer, type CiliumPolicy, type CiliumRule } from '../model/cilium-policy.js';
import type { Direction } from '../model/policy.js';
import { ConnectionSet } from '../net/connection-set.js';
import { ciliumLabels } from '../select/cilium-labels.js';
import { matchesSelector } from '../select/label-selector.js';
import type { LabelSelector } from '../model/labels.js';
import { Bitset } from './bitset.js';
import { ciliumRuleConnections } from './cilium-ports.js';
import type { Universe } from './compile.js';
import { blocksOfPeer } from './external-blocks.js';

/** A Cilium rule over the engine's entities. */
export interface CompiledCiliumRule {
  policy: CiliumPolicy;
  rule: CiliumRule;
  /** Entities (pod classes, external blocks) some peer matches. */
  peers: Bitset;
  /** What the numbered port items name (everything without toPorts). */
  ports: ConnectionSet;
  /** Whether some port item is a name, resolved against each destination pod class. */
  named: boolean;
}

/** The Cilium rules of one direction of one pod class. */
export interface CiliumSide {
  /** Some Cilium policy selecting the class enables default deny in this direction. */
  defaultDeny: boolean;
  allow: CompiledCiliumRule[];
  deny: CompiledCiliumRule[];
}

export interface CompiledCilium {
  /** Per pod class: `null` when no Cilium policy acts on it in the direction. */
  egress: (CiliumSide | null)[];
  ingress: (CiliumSide | null)[];
  /** Classes with a Cilium side for ingress. */
  ingressSubjects: Bitset;
  /** Per entity: equal keys for sources the Cilium rules cannot tell apart. */
  rowKey: string[];
}

/**
 * Compiles Cilium rules: subjects are the pods (not on the host network, which Cilium sees as the
 * node) that the endpointSelector selects, in the policy's namespace for a
 * CiliumNetworkPolicy; peers are bitsets of pod classes and external blocks.
 */
export function compileCilium(policies: readonly CiliumPolicy[], u: Universe): CompiledCilium {
  const P = u.pods.classes.length;
  const labelsOf = u.pods.classes.map((c) => ciliumLabels(c.labels, c.namespace, u.pods.namespaceLabels.get(c.namespace) ?? {}));
  const selectCache = new Map<string, Bitset>();
  const select = (selector: LabelSelector, namespace: string | undefined): Bitset => {
    const key = JSON.stringify([selector, namespace ?? null]);
    let b = selectCache.get(key);
    if (!b) {
      b = new Bitset(u.size);
      for (const c of u.pods.classes) {
        if (c.hostNetwork || (namespace !== undefined && c.namespace !== namespace)) continue;
        if (matchesSelector(selector, labelsOf[c.index]!)) b.set(c.index);
      }
      selectCache.set(key, b);
    }
    return b;
  };
  const range = (from: number, to: number, keep: (i: number) => boolean = () => true) => Bitset.of(u.size, Array.from({ length: to - from }, (_, i) => from + i).filter(keep));
  const peerBits = (peer: CiliumPeer): Bitset => {
    switch (peer.kind) {
      case 'endpoints':
        return select(peer.selector, peer.namespace);
      case 'cidr':
        return Bitset.of(u.size, blocksOfPeer(u.blocks, { kind: 'ipBlock', cidr: peer.cidr, except: peer.except, source: peer.source }).map((i) => P + i));
      case 'service': {
        // Cilium 1.17+ copies each Service's selector into an endpoint selector on its namespace;
        // a Service without one gives its EndpointSlices' addresses as CIDRs (which select no pod).
        const b = new Bitset(u.size);
        for (const svc of peer.services) {
          if ('selector' in svc) b.orWith(select({ matchLabels: svc.selector, matchExpressions: [] }, svc.namespace));
          else for (const cidr of svc.addresses) for (const i of blocksOfPeer(u.blocks, { kind: 'ipBlock', cidr, except: [], source: peer.source })) b.set(P + i);
        }
        return b;
      }
      case 'unmodelled':
        return new Bitset(u.size);
      case 'entity':
        switch (peer.entity) {
          case 'all':
            return Bitset.full(u.size);
          case 'cluster':
            return range(0, P);
          case 'world':
            return range(P, u.size);
          case 'world-ipv4':
          case 'world-ipv6': {
            const family = peer.entity === 'world-ipv4' ? 4 : 6;
            return range(P, u.size, (e) => u.blocks[e - P]!.family === family);
          }
          default:
            return new Bitset(u.size); // host, remote-node, kube-apiserver, …: not in a snapshot
        }
    }
  };
  const compileRule = (policy: CiliumPolicy, rule: CiliumRule): CompiledCiliumRule => {
    let peers: Bitset;
    if (rule.peers === 'any') peers = Bitset.full(u.size);
    else {
      peers = new Bitset(u.size);
      for (const p of rule.peers) peers.orWith(peerBits(p));
    }
    const named = rule.ports !== 'any' && rule.ports.some((p) => p.kind === 'named');
    const numbered = rule.ports === 'any' ? rule : { ...rule, ports: rule.ports.filter((p) => p.kind !== 'named') };
    return { policy, rule, peers, ports: ciliumRuleConnections(numbered, null), named };
  };

  const egress: (CiliumSide | null)[] = Array.from({ length: P }, () => null);
  const ingress: (CiliumSide | null)[] = Array.from({ length: P }, () => null);
  const egressKey: string[] = Array.from({ length: P }, () => '');
  const rowKey: string[] = Array.from({ length: u.size }, () => '');
  let ruleId = 0;
  policies.forEach((policy, id) => {
    if (policy.selectsNoPod) return; // host policies, reserved: selectors
    const subjects = select(policy.endpointSelector, policy.namespace);
    for (const direction of ['egress', 'ingress'] as Direction[]) {
      if (!ciliumActsOn(policy, direction)) continue;
      const rules = policy.rules.filter((r) => r.direction === direction).map((r) => compileRule(policy, r));
      if (direction === 'ingress') {
        for (const r of rules) {
          const key = `${ruleId++},`;
          for (const e of r.peers.indices()) rowKey[e] += key;
        }
      }
      const sides = direction === 'egress' ? egress : ingress;
      for (const c of subjects.indices()) {
        const side = (sides[c] ??= { defaultDeny: false, allow: [], deny: [] });
        side.defaultDeny ||= policy.defaultDeny[direction];
        for (const r of rules) (r.rule.deny ? side.deny : side.allow).push(r);
        if (direction === 'egress') egressKey[c] += `${id},`;
      }
    }
  });
  const ingressSubjects = new Bitset(u.size);
  ingress.forEach((s, c) => s && ingressSubjects.set(c));
  for (let c = 0; c < P; c++) rowKey[c] = `${egressKey[c]}|${rowKey[c]}`;
  return { egress, ingress, ingressSubjects, rowKey };
}
