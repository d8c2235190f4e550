import { adminOrder, type AdminPeer, type AdminPolicy, type AdminRule } from '../model/admin-policy.js';
import { ConnectionSet } from '../net/connection-set.js';
import { adminPortConnections } from './admin-ports.js';
import { Bitset } from './bitset.js';
import type { SelectPods, Universe } from './compile.js';
import { blocksOfCidrs } from './external-blocks.js';

/** A rule of a cluster-wide policy over the engine's entities. */
export interface CompiledAdminRule {
  policy: AdminPolicy;
  rule: AdminRule;
  /** Entities (pod classes, external blocks) some peer matches. */
  peers: Bitset;
  /** What the numbered port items name (everything without ports). */
  ports: ConnectionSet;
  /** Named port items, resolved against each destination pod class. */
  named: readonly string[];
}

export interface ClassTiers {
  admin: CompiledAdminRule[];
  baseline: CompiledAdminRule[];
}

/** Per pod class and direction, the cluster-wide rules that apply to it, in evaluation order. */
export interface CompiledAdmin {
  egress: ClassTiers[];
  ingress: ClassTiers[];
  /** Classes with at least one rule per direction. */
  egressSubjects: Bitset;
  ingressSubjects: Bitset;
  /** Per class and direction, the ids of the policies that apply: equal keys behave alike. */
  egressKey: string[];
}

export function compileAdmin(policies: readonly AdminPolicy[], u: Universe, selectPods: SelectPods): CompiledAdmin {
  const P = u.pods.classes.length;
  const egress: ClassTiers[] = Array.from({ length: P }, () => ({ admin: [], baseline: [] }));
  const ingress: ClassTiers[] = Array.from({ length: P }, () => ({ admin: [], baseline: [] }));
  const egressSubjects = new Bitset(P);
  const ingressSubjects = new Bitset(P);
  const egressKey: string[] = Array.from({ length: P }, () => '');
  // "host-networked pods are not included in subject selection" nor in namespaces/pods peers.
  const hostNetwork = new Bitset(u.size);
  for (const c of u.pods.classes) if (c.hostNetwork) hostNetwork.set(c.index);
  const withoutHostNetwork = (b: Bitset): Bitset => {
    if (hostNetwork.isEmpty()) return b;
    const out = new Bitset(u.size, b.words.slice());
    out.andNotWith(hostNetwork);
    return out;
  };
  const peerBits = (peer: AdminPeer): Bitset => {
    switch (peer.kind) {
      case 'namespaces':
        return withoutHostNetwork(selectPods(peer.namespaceSelector, undefined));
      case 'pods':
        return withoutHostNetwork(selectPods(peer.namespaceSelector, peer.podSelector));
      case 'networks':
        return Bitset.of(u.size, blocksOfCidrs(u.blocks, peer.cidrs).map((i) => P + i));
      case 'nodes':
        return new Bitset(u.size);
    }
  };
  const compileRule = (policy: AdminPolicy, rule: AdminRule): CompiledAdminRule => {
    const peers = new Bitset(u.size);
    for (const p of rule.peers) peers.orWith(peerBits(p));
    const numbered = rule.ports === 'any' ? ConnectionSet.ALL : rule.ports.filter((p) => p.kind !== 'named').reduce((acc, p) => acc.union(adminPortConnections(p, null)), ConnectionSet.NONE);
    const named = rule.ports === 'any' ? [] : rule.ports.flatMap((p) => (p.kind === 'named' ? [p.name] : []));
    return { policy, rule, peers, ports: numbered, named };
  };
  const { admin, baseline } = adminOrder(policies);
  [...admin, ...baseline].forEach((policy, id) => {
    const subjects = withoutHostNetwork(selectPods(policy.subject.namespaceSelector, policy.subject.podSelector));
    const eg = policy.egress.map((r) => compileRule(policy, r));
    const ig = policy.ingress.map((r) => compileRule(policy, r));
    for (const c of subjects.indices()) {
      if (c >= P) continue;
      if (eg.length) {
        egress[c]![policy.tier].push(...eg);
        egressSubjects.set(c);
        egressKey[c] += `${id},`;
      }
      if (ig.length) {
        ingress[c]![policy.tier].push(...ig);
        ingressSubjects.set(c);
      }
    }
  });
  return { egress, ingress, egressSubjects, ingressSubjects, egressKey };
}
