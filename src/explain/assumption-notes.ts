import { podId } from '../engine/connectivity.js';
import type { Endpoint } from '../engine/endpoint.js';
import type { Explanation } from './verdict.js';

function name(e: Endpoint): string {
  return e.kind === 'pod' ? podId(e.pod) : 'the address';
}

/**
 * What an explanation took from a plugin assumption (docs/cni-profiles.md), one short note per
 * decision: `ipBlock 10.0.0.0/8 matches y/db's IP 10.0.3.4`, `ipBlock 10.0.0.0/8 does not select
 * y/db (IP 10.0.3.4)`, `y/agent is on the host network: not selected by y/deny-all`. Empty when
 * no assumption played a part.
 */
export function assumptionNotes(e: Explanation): string[] {
  const notes: string[] = [];
  for (const side of [e.egress, e.ingress]) {
    const subject = side.direction === 'egress' ? e.src : e.dst;
    const peer = side.direction === 'egress' ? e.dst : e.src;
    if (side.assumed) notes.push(`${name(subject)} is on the host network: not selected by ${side.assumed.notSelectedBy.map((p) => `${p.namespace}/${p.name}`).join(', ')}`);
    for (const r of side.rules) {
      for (const a of r.assumed ?? []) {
        const item = r.rule.peers === 'any' ? undefined : r.rule.peers[a.peer];
        if (a.kind === 'hostNetwork') notes.push(`${name(peer)} is on the host network: peer ${a.peer} of ${r.policy.namespace}/${r.policy.name} ${r.rule.direction} rule ${r.rule.index} does not match it`);
        else if (item?.kind === 'ipBlock') notes.push(a.matched ? `ipBlock ${item.cidr.text} matches ${name(peer)}'s IP ${a.ip}` : `ipBlock ${item.cidr.text} does not select ${name(peer)} (IP ${a.ip})`);
      }
    }
  }
  return [...new Set(notes)];
}
