import { parseIp } from '../../../src/net/ip-address.js';
import { IpRanges } from '../../../src/net/ip-ranges.js';
import { defineRule, policyName } from '../../../src/lint/rule.js';

export default defineRule({
  meta: {
    id: 'ipblock-covers-pod-network',
    description: 'An ipBlock (or a networks peer of a cluster-wide policy) whose range holds pod IPs',
    severity: 'warning',
    rationale: 'ipBlocks are meant for cluster-external addresses ("Pod IPs are ephemeral and unpredictable"). Whether an ipBlock matches pod traffic depends on the network plugin; netpol-check, like most analyzers, treats ipBlocks as outside addresses only, so such a rule may allow more in the real cluster than reported here.',
    fix: 'Select pods with podSelector/namespaceSelector, and use except to cut the pod network out of wide ipBlocks.',
    messages: {
      covers: '{direction} rule {rule}, peer {peer}: ipBlock {cidr} holds the IP {ip} of pod {pod} (and {more} more)',
      networks:
        'egress rule {rule}, peer {peer}: networks {cidr} {what}; the policy API checks pod-to-pod traffic against networks too ("if you Accept or Deny traffic to 0.0.0.0/0, that will allow or deny all IPv4 pod-to-pod traffic as well"), netpol-check reads them as outside addresses only',
    },
    examples: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nstatus: {podIP: 10.244.1.5}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/8}}]\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nstatus: {podIP: 10.244.1.5}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.244.0.0/16]}}]\n',
    },
  },
  check(ctx, report) {
    const podIps = ctx.snapshot.pods.flatMap((pod) => pod.ips.map((ip) => ({ pod, ip, parsed: parseIp(ip) })).filter((x) => x.parsed));
    for (const a of ctx.snapshot.adminPolicies ?? []) {
      for (const rule of a.egress) {
        rule.peers.forEach((peer, i) => {
          if (peer.kind !== 'networks') return;
          for (const c of peer.cidrs) {
            const inside = podIps.filter((x) => x.parsed!.family === c.family && c.lo <= x.parsed!.value && x.parsed!.value <= c.hi);
            const everything = c.lo === 0n && c.text.endsWith('/0');
            if (!inside.length && !everything) continue;
            const what = inside.length ? `holds the IP ${inside[0]!.ip} of pod ${inside[0]!.pod.id}${inside.length > 1 ? ` (and ${inside.length - 1} more)` : ''}` : 'holds every pod IP of its family';
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
          const inside = podIps.filter((x) => ranges.has(x.parsed!.family, x.parsed!.value));
          if (!inside.length) return;
          report('covers', { direction: rule.direction, rule: rule.index, peer: i, cidr: peer.cidr.text, ip: inside[0]!.ip, pod: inside[0]!.pod.id, more: inside.length - 1 }, { source: peer.source, object: policyName(p) });
        });
      }
    }
  },
});
