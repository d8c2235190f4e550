import { ciliumPolicyRef, type CiliumPeer } from '../../model/cilium-policy.js';
import { isEmptySelector } from '../../select/label-selector.js';
import { defineRule, policyName } from '../rule.js';

export default defineRule({
  meta: {
    id: 'allow-all',
    description: 'A rule that opens its pods to every source or destination',
    severity: 'info',
    rationale:
      "A rule without peers (`- {}` or `- ports: …`), an ipBlock 0.0.0.0/0 or ::/0, or a lone empty namespaceSelector allows the whole cluster, or the whole internet. Sometimes meant; worth a look in production namespaces. Cilium allow rules too: toPorts without an L3 field (an L4-only rule, Cilium docs *Layer 4 Policies*), the entities all, world and cluster (*Entities Based*), a CIDR of length 0, and an empty fromEndpoints/toEndpoints selector of a CiliumClusterwideNetworkPolicy.",
    fix: 'List the peers that need access: a podSelector, a namespaceSelector with labels, or narrower CIDRs.',
    messages: {
      anyPeer: '{direction} rule {rule} has no from/to: it allows every source and destination{ports}',
      everywhere: '{direction} rule {rule}, peer {peer}: ipBlock {cidr} is every address',
      allNamespaces: '{direction} rule {rule}, peer {peer}: an empty namespaceSelector without podSelector is every pod of every namespace',
      ciliumAnyPeer: '{section} rule {rule} names toPorts but no peer: it allows every source and destination (pods and outside addresses){ports}',
      ciliumEverywhere: '{section} rule {rule}, peer {peer}: {what} is {scope}',
    },
    examples: {
      bad: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - {}\n',
      good: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{podSelector: {}}]\n',
    },
  },
  check(ctx, report) {
    for (const p of ctx.snapshot.policies) {
      for (const rule of [...(p.affects.ingress ? p.ingress : []), ...(p.affects.egress ? p.egress : [])]) {
        const at = { object: policyName(p) };
        if (rule.peers === 'any') {
          report('anyPeer', { direction: rule.direction, rule: rule.index, ports: rule.ports === 'any' ? ' on every port' : '' }, { ...at, source: rule.source });
          continue;
        }
        rule.peers.forEach((peer, i) => {
          if (peer.kind === 'ipBlock' && peer.except.length === 0 && peer.cidr.lo === 0n && peer.cidr.text.endsWith('/0')) {
            report('everywhere', { direction: rule.direction, rule: rule.index, peer: i, cidr: peer.cidr.text }, { ...at, source: peer.source });
          }
          if (peer.kind === 'pods' && !peer.podSelector && peer.namespaceSelector && isEmptySelector(peer.namespaceSelector)) {
            report('allNamespaces', { direction: rule.direction, rule: rule.index, peer: i }, { ...at, source: peer.source });
          }
        });
      }
    }
    for (const p of ctx.snapshot.ciliumPolicies ?? []) {
      if (p.selectsNoPod) continue;
      for (const rule of p.rules) {
        if (rule.deny) continue; // a deny rule opens nothing
        const at = { object: ciliumPolicyRef(p) };
        if (rule.peers === 'any') {
          report('ciliumAnyPeer', { section: rule.section, rule: rule.index, ports: rule.ports === 'any' ? ' on every port' : '' }, { ...at, source: rule.source });
          continue;
        }
        rule.peers.forEach((peer, i) => {
          const wide = everywhere(peer);
          if (wide) report('ciliumEverywhere', { section: rule.section, rule: rule.index, peer: i, ...wide }, { ...at, source: peer.source });
        });
      }
    }
  },
});

/** What a Cilium peer that matches everything of a kind is, in words; undefined for a narrower peer. */
function everywhere(peer: CiliumPeer): { what: string; scope: string } | undefined {
  switch (peer.kind) {
    case 'entity':
      if (peer.entity === 'all') return { what: 'entity all', scope: 'every pod and every outside address' };
      if (peer.entity === 'cluster') return { what: 'entity cluster', scope: 'every pod of every namespace' };
      if (peer.entity.startsWith('world')) return { what: `entity ${peer.entity}`, scope: `every outside address${peer.entity === 'world' ? '' : ` of ${peer.entity.slice(6)}`}` };
      return undefined;
    case 'cidr':
      return peer.except.length === 0 && peer.cidr.lo === 0n && peer.cidr.text.endsWith('/0') ? { what: `CIDR ${peer.cidr.text}`, scope: 'every outside address of its family' } : undefined;
    case 'endpoints':
      return peer.namespace === undefined && isEmptySelector(peer.selector) ? { what: 'an empty selector of a clusterwide policy', scope: 'every pod of every namespace' } : undefined;
    default:
      return undefined;
  }
}
