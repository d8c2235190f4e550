import { parseIp } from '../../../src/net/ip-address.js';
import { IpRanges } from '../../../src/net/ip-ranges.js';
import ipblockCoversPodNetworkReal from '../../../src/lint/rules/ipblock-covers-pod-network.js';
import { defineRule, policyName } from '../../../src/lint/rule.js';

export default defineRule({
  meta: ipblockCoversPodNetworkReal.meta, // the rule as it is; only its check is the old scan
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
