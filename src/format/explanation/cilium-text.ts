import { ciliumPolicyRef, ciliumRuleRef, type CiliumPolicy } from '../../model/cilium-policy.js';
import { formatSource } from '../../model/source.js';
import type { ConnectionSet } from '../../net/connection-set.js';
import type { PairAnswer } from '../../query/ask.js';
import type { CiliumRuleVerdict, CiliumVerdict } from '../../explain/cilium-verdict.js';
import type { DirectionVerdict } from '../../explain/verdict.js';
import { describeCiliumPeer } from '../../select/describe-cilium-peer.js';
import { policyRef } from './describe.js';

const ref = (p: CiliumPolicy) => `${ciliumPolicyRef(p)} (${formatSource(p.source)})`;

/** What a rule opens towards this destination, in words (named ports the destination lacks said so). */
function opensText(r: CiliumRuleVerdict, p: PairAnswer): string {
  if (!r.ports.isEmpty()) return r.ports.toString();
  const names = r.rule.ports === 'any' ? [] : r.rule.ports.flatMap((x) => (x.kind === 'named' ? [`${x.protocol} ${x.name}`] : []));
  return `nothing to ${p.dst.id}${names.length ? ` (it has no container port for ${names.join(', ')})` : ''}`;
}

function peerText(r: CiliumRuleVerdict): string {
  if (r.matchedPeer === 'any') return 'any peer (no L3 field)';
  if (r.matchedPeer === null || r.rule.peers === 'any') return 'no peer';
  return `peer ${r.matchedPeer}: ${describeCiliumPeer(r.rule.peers[r.matchedPeer]!)}`;
}

/**
 * A side that Cilium's policies act on (docs/cilium.md): whether the pod is in default deny and
 * who put it there, the deny rules that drop the connection (they win), else the allow rules of
 * Cilium and NetworkPolicy that let it through, else the closest rules.
 * `networkPolicyLines` renders NetworkPolicy's own rules (text.ts).
 */
export function ciliumLines(v: DirectionVerdict, c: CiliumVerdict, p: PairAnswer, networkPolicyLines: () => string[]): string[] {
  const port = p.port?.number !== undefined ? { protocol: p.port.protocol, number: p.port.number } : undefined;
  const touches = (cs: ConnectionSet) => (port ? cs.has(port.protocol, port.number) : !cs.isEmpty());
  const what = (cs: ConnectionSet) => (port ? '' : `; ${cs.toString()}`);
  const by = [...v.isolatedBy.map((np) => `NetworkPolicy ${policyRef(np)}`), ...c.defaultDenyBy.map(ref)];
  const lines = [c.defaultDeny ? `    default deny, from ${by.join(', ')}` : `    not in default deny (no policy enables it for ${v.direction}): what no deny rule drops is allowed`];
  const denying = c.rules.filter((r) => r.rule.deny && r.matchedPeer !== null && touches(r.ports));
  for (const r of denying) lines.push(`    ✗ denied by ${ciliumRuleRef(r.policy, r.rule)} (${formatSource(r.rule.source)}): ${peerText(r)}${what(r.ports)}`);
  if (port && denying.length) return lines;
  if (!c.defaultDeny) {
    lines.push(`    ✓ allowed${denying.length ? ' (the rest)' : ''}: no rule puts it in default deny`);
    return lines;
  }
  const allowing = c.rules.filter((r) => !r.rule.deny && r.matchedPeer !== null && touches(r.ports));
  for (const r of allowing) lines.push(`    ✓ allowed by ${ciliumRuleRef(r.policy, r.rule)} (${formatSource(r.rule.source)}): ${peerText(r)}; opens ${r.ports.toString()}`);
  const np = v.isolatedBy.length ? networkPolicyLines() : [];
  const npAllows = np.some((l) => l.startsWith('    ✓'));
  if (allowing.length || npAllows) return [...lines, ...np.filter((l) => l.startsWith('    ✓'))];
  lines.push('    ✗ denied: no rule allows it (default deny)');
  for (const r of c.rules.filter((x) => !x.rule.deny)) {
    if (r.matchedPeer !== null) lines.push(`    · ${ciliumRuleRef(r.policy, r.rule)} (${formatSource(r.rule.source)}) matches the peer but opens only ${opensText(r, p)}`);
    else {
      lines.push(`    · ${ciliumRuleRef(r.policy, r.rule)} (${formatSource(r.rule.source)}) opens ${opensText(r, p)}, and no peer matches:`);
      for (const m of r.peerMisses) lines.push(`        ${m}`);
    }
  }
  return [...lines, ...np.filter((l) => l.startsWith('    ·') || l.startsWith('        '))];
}

/** The title of such a side: `ingress of prod/db[Deployment]: selected by CiliumNetworkPolicy prod/db (f:1:1)`. */
export function ciliumTitle(title: string, c: CiliumVerdict): string {
  return `  ${title}: selected by ${c.selectedBy.map(ref).join(', ')}`;
}
