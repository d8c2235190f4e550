import { ciliumPolicyRef } from '../../model/cilium-policy.js';
import { IpRanges } from '../../net/ip-ranges.js';
import { defineRule, policyName } from '../rule.js';

export default defineRule({
  meta: {
    id: 'ipblock-covers-pod-network',
    description: 'An ipBlock (or a networks peer of a cluster-wide policy, or a Cilium CIDR peer) whose range holds pod IPs',
    severity: 'warning',
    rationale: 'ipBlocks are meant for cluster-external addresses ("Pod IPs are ephemeral and unpredictable"). Whether an ipBlock matches pod traffic depends on the network plugin; netpol-check, like most analyzers, treats ipBlocks as outside addresses only, so such a rule may allow more in the real cluster than reported here. Cilium\'s own CIDR peers (fromCIDR, toCIDR, fromCIDRSet, toCIDRSet) never match pods ("Only connections destined for outside of the cluster and not targeting the host will be subject to CIDR rules", the CRD\'s toCIDR description): a CIDR written for pod IPs allows or denies nothing for them.',
    fix: 'Select pods with podSelector/namespaceSelector, and use except to cut the pod network out of wide ipBlocks.',
    messages: {
      covers: '{direction} rule {rule}, peer {peer}: ipBlock {cidr} holds the IP {ip} of pod {pod} (and {more} more)',
      networks:
        'egress rule {rule}, peer {peer}: networks {cidr} {what}; the policy API checks pod-to-pod traffic against networks too ("if you Accept or Deny traffic to 0.0.0.0/0, that will allow or deny all IPv4 pod-to-pod traffic as well"), netpol-check reads them as outside addresses only',
      ciliumCidr:
        '{section} rule {rule}, peer {peer}: CIDR {cidr} holds the IP {ip} of pod {pod} (and {more} more), but Cilium\'s CIDR rules only match addresses outside the cluster: for pods this rule {effect} nothing (select them with {endpoints} or an entity)',
    },
    examples: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nstatus: {podIP: 10.244.1.5}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/8}}]\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nstatus: {podIP: 10.244.1.5}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.244.0.0/16]}}]\n',
    },
  },
  check(ctx, report) {
    const index = ctx.index();
    const podIps = index.podIps();
    for (const a of ctx.snapshot.adminPolicies ?? []) {
      for (const rule of a.egress) {
        rule.peers.forEach((peer, i) => {
          if (peer.kind !== 'networks') return;
          for (const c of peer.cidrs) {
            const inside = index.ipsInside(IpRanges.fromCidr(c));
            const everything = c.lo === 0n && c.text.endsWith('/0');
            if (!inside.first && !everything) continue;
            const what = inside.first ? `holds the IP ${inside.first.ip} of pod ${inside.first.pod.id}${inside.count > 1 ? ` (and ${inside.count - 1} more)` : ''}` : 'holds every pod IP of its family';
            report('networks', { rule: rule.index, peer: i, cidr: c.text, what }, { source: peer.source, object: `${a.kind} ${a.name}` });
          }
        });
      }
    }
    if (!podIps.length) return;
    for (const p of ctx.snapshot.policies) {
      for (const rule of [...p.ingress, ...p.egress]) {
        if (rule.peers === 'any') continue;
        rule.peers.forEach((peer, i) => {
          if (peer.kind !== 'ipBlock') return;
          const ranges = IpRanges.fromIpBlock(peer.cidr, peer.except);
          const { count, first } = index.ipsInside(ranges);
          if (!first) return;
          report('covers', { direction: rule.direction, rule: rule.index, peer: i, cidr: peer.cidr.text, ip: first.ip, pod: first.pod.id, more: count - 1 }, { source: peer.source, object: policyName(p) });
        });
      }
    }
    for (const p of ctx.snapshot.ciliumPolicies ?? []) {
      for (const rule of p.rules) {
        if (rule.peers === 'any') continue;
        rule.peers.forEach((peer, i) => {
          if (peer.kind !== 'cidr') return;
          const { count, first } = index.ipsInside(IpRanges.fromIpBlock(peer.cidr, peer.except));
          if (!first) return;
          const data = { section: rule.section, rule: rule.index, peer: i, cidr: peer.cidr.text, ip: first.ip, pod: first.pod.id, more: count - 1 };
          report('ciliumCidr', { ...data, effect: rule.deny ? 'denies' : 'allows', endpoints: rule.direction === 'ingress' ? 'fromEndpoints' : 'toEndpoints' }, { source: peer.source, object: ciliumPolicyRef(p) });
        });
      }
    }
  },
});
