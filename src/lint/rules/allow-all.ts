import { isEmptySelector } from '../../select/label-selector.js';
import { defineRule, policyName } from '../rule.js';

export default defineRule({
  meta: {
    id: 'allow-all',
    description: 'A rule that opens its pods to every source or destination',
    severity: 'info',
    rationale: 'A rule without peers (`- {}` or `- ports: …`), an ipBlock 0.0.0.0/0 or ::/0, or a lone empty namespaceSelector allows the whole cluster, or the whole internet. Sometimes meant; worth a look in production namespaces.',
    fix: 'List the peers that need access: a podSelector, a namespaceSelector with labels, or narrower CIDRs.',
    messages: {
      anyPeer: '{direction} rule {rule} has no from/to: it allows every source and destination{ports}',
      everywhere: '{direction} rule {rule}, peer {peer}: ipBlock {cidr} is every address',
      allNamespaces: '{direction} rule {rule}, peer {peer}: an empty namespaceSelector without podSelector is every pod of every namespace',
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
  },
});
