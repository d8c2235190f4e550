import { describeUnmodelled } from '../../query/undetermined.js';
import { portText as portSpelling } from '../../net/port-text.js';
import { dependsOnPlugin, type CanAnswer, type PairAnswer } from '../../query/ask.js';
import { assumingText, differingBehaviours, describeBehaviour, PLUGIN_ASSUMPTIONS } from '../../model/cni.js';
import { representativeEndpoint, type Node } from '../../engine/connectivity.js';
import type { Explainer } from '../../explain/explain.js';
import type { AdminRuleVerdict, DirectionVerdict, RuleVerdict, TierVerdict } from '../../explain/verdict.js';
import { formatSource } from '../../model/source.js';
import type { ConnectionSet } from '../../net/connection-set.js';
import { adminRuleRef, describePeer, policyRef, ruleRef } from './describe.js';
import { calicoLines } from './calico-text.js';
import { ciliumLines, ciliumTitle } from './cilium-text.js';

function portText(p: PairAnswer): string {
  if (!p.port) return '';
  if (p.port.number === undefined) return ` on ${p.port.protocol.toUpperCase()} (${p.port.unresolved})`;
  return ` on ${portSpelling(p.port.protocol, p.port.number)}${p.port.via ? ` (${p.port.via})` : ''}`;
}

function opens(v: RuleVerdict, p: PairAnswer): boolean {
  return p.port?.number !== undefined ? v.ports.has(p.port.protocol, p.port.number) : !v.ports.isEmpty();
}

/** What a rule opens towards this destination, in words. */
function opensText(r: RuleVerdict, p: PairAnswer): string {
  if (!r.ports.isEmpty()) return r.ports.toString();
  const names = r.rule.ports === 'any' ? [] : r.rule.ports.flatMap((s) => (s.kind === 'named' ? [portSpelling(s.protocol, s.name)] : []));
  return `nothing to ${p.dst.id}${names.length ? ` (it has no container port for ${names.join(', ')})` : ''}`;
}

function side(v: DirectionVerdict, who: string, p: PairAnswer): string[] {
  const title = `${v.direction} of ${who}`;
  if (!v.subject) return [`  ${title}: an outside address; no NetworkPolicy restricts it`];
  if (v.assumed) return [`  ${title}: not isolated: ${v.assumed.note}; everything allowed (selected by labels by ${v.assumed.notSelectedBy.map(policyRef).join(', ')})`];
  if (v.calico) return [`  ${title}: Calico tiers`, ...calicoLines(v, v.calico, p)];
  if (v.tiers) return [`  ${title}:`, ...tierLines(v, v.tiers, p)];
  if (v.cilium) return [ciliumTitle(title, v.cilium), ...ciliumLines(v, v.cilium, p, () => networkPolicyLines(v, p))];
  if (v.isolatedBy.length === 0) return [`  ${title}: not isolated (no policy selects it for ${v.direction}): everything allowed`];
  return [`  ${title}: isolated by ${v.isolatedBy.map(policyRef).join(', ')}`, ...networkPolicyLines(v, p)];
}

/** What NetworkPolicy says on an isolated side: the rules that allow, or the closest ones. */
function networkPolicyLines(v: DirectionVerdict, p: PairAnswer): string[] {
  const lines: string[] = [];
  const allowing = v.rules.filter((r) => r.matchedPeer !== null && opens(r, p));
  for (const r of allowing) {
    const peers = r.rule.peers;
    const peer = typeof r.matchedPeer === 'number' && peers !== 'any' ? `peer ${r.matchedPeer}: ${describePeer(r.policy, peers[r.matchedPeer]!)}${r.matchNote ? ` (${r.matchNote})` : ''}` : 'any peer';
    lines.push(`    ✓ allowed by ${ruleRef(r.policy, r.rule)}: ${peer}; opens ${opensText(r, p)}`);
  }
  if (allowing.length) return lines;
  if (v.rules.length === 0) {
    lines.push(`    ✗ denied: the ${v.isolatedBy.length > 1 ? 'policies have' : 'policy has'} no ${v.direction} rules`);
    return lines;
  }
  lines.push(`    ✗ denied: no rule allows it`);
  // Closest first: the peer matches but not the port; then the port matches but not the peer.
  const ranked = [...v.rules].sort((a, b) => rank(a, p) - rank(b, p));
  for (const r of ranked) {
    if (r.matchedPeer !== null) {
      lines.push(`    · ${ruleRef(r.policy, r.rule)} matches the peer but opens only ${opensText(r, p)}`);
    } else {
      const portNote = `opens ${opensText(r, p)}, ${opens(r, p) ? 'but' : 'and'}`;
      lines.push(`    · ${ruleRef(r.policy, r.rule)} ${portNote} no peer matches:`);
      for (const m of r.peerMisses) lines.push(`        ${m}`);
    }
  }
  return lines;
}

const MARK = { allow: '✓', deny: '✗', pass: '↷' } as const;
const VERB = { allow: 'allowed by', deny: 'denied by', pass: 'passed to NetworkPolicy by' } as const;

/**
 * A side with cluster-wide policies, tier by tier: the admin rules that decide (first match
 * wins), then NetworkPolicy when it isolates the pod, else the baseline tier, else the default.
 */
function tierLines(v: DirectionVerdict, t: TierVerdict, p: PairAnswer): string[] {
  const port = p.port?.number !== undefined ? { protocol: p.port.protocol, number: p.port.number } : undefined;
  const touches = (cs: ConnectionSet) => (port ? cs.has(port.protocol, port.number) : !cs.isEmpty());
  const what = (cs: ConnectionSet) => (port ? '' : ` (${cs.toString()})`);
  const lines: string[] = [];
  for (const a of t.admin) {
    if (a.matchedPeer === null || !touches(a.decided)) continue;
    lines.push(`    ${MARK[a.rule.action]} ${VERB[a.rule.action]} ${adminRuleRef(a.policy, a.rule)} (${formatSource(a.rule.source)}): ${a.rule.actionText}${what(a.decided)}`);
    if (port && a.rule.action !== 'pass') return lines;
  }
  if (!touches(t.toNetworkPolicy)) return lines;
  if (port && lines.length === 0) lines.push(`    admin tier: ${t.admin.length ? 'no rule matches it' : 'no rule applies'}; NetworkPolicy decides`);
  if (v.cilium) return [...lines, `    NetworkPolicy and Cilium: ${ciliumTitle('', v.cilium).trim().replace(/^: /, '')}`, ...ciliumLines(v, v.cilium, p, () => networkPolicyLines(v, p))];
  if (v.isolatedBy.length) return [...lines, `    NetworkPolicy: isolated by ${v.isolatedBy.map(policyRef).join(', ')}`, ...networkPolicyLines(v, p)];
  lines.push(`    NetworkPolicy: no policy selects it for ${v.direction}; the baseline tier decides`);
  let decided = false;
  for (const b of t.baseline) {
    if (b.matchedPeer === null || !touches(b.decided)) continue;
    decided = true;
    lines.push(`    ${MARK[b.rule.action]} ${VERB[b.rule.action === 'pass' ? 'allow' : b.rule.action]} ${adminRuleRef(b.policy, b.rule)} (${formatSource(b.rule.source)}): ${b.rule.actionText}${what(b.decided)}`);
    if (port) return lines;
  }
  if (!decided || !port) lines.push(`    ✓ ${decided ? 'the rest is ' : ''}allowed: no baseline rule decides it (the default)`);
  return lines;
}


function rank(r: RuleVerdict, p: PairAnswer): number {
  if (r.matchedPeer !== null) return 0;
  return opens(r, p) ? 1 : 2;
}

/** The explanation of a node pair of the matrix view (its representatives), or `undefined` when a workload has no pod. */
export function explainNodePair(explainer: Explainer, src: Node, dst: Node): string[] | undefined {
  const a = representativeEndpoint(src);
  const b = representativeEndpoint(dst);
  if (!a || !b) return undefined;
  const explanation = explainer.explain(a, b);
  return explainPair({ src: { id: src.id, endpoint: a }, dst: { id: dst.id, endpoint: b }, explanation, allowed: !explanation.connections.isEmpty(), undeterminedBy: [] });
}

/** `yes with calico, antrea, ovn (ipBlock 10.0.0.0/8 matches y/db's IP 10.0.3.4); no with cilium (…)` */
function outcomesText(p: PairAnswer): string {
  return (p.plugin?.outcomes ?? []).map((o) => `${o.allowed ? 'yes' : 'no'} with ${o.profiles.join(', ')}${o.because.length ? ` (${o.because.join('; ')})` : ''}`).join('; ');
}

/** A pair network plugins answer differently, no profile given: both outcomes, each explained. */
function pluginDependentPair(p: PairAnswer): string[] {
  const outcomes = p.plugin!.outcomes;
  const what = p.port ? portText(p) : '';
  const behaviours = differingBehaviours(outcomes.flatMap((o) => o.profiles));
  const lines = [`depends on the network plugin: ${outcomesText(p)}: ${p.src.id} → ${p.dst.id}${what}`];
  lines.push(`  ? ${outcomes.map((o) => `${o.profiles.join(', ')}: ${behaviours.map((x) => describeBehaviour(PLUGIN_ASSUMPTIONS[o.profiles[0]!], x)).join(', ')}`).join('; ')} — give --cni PROFILE to fix the plugin (docs/cni-profiles.md)`);
  if (p.undeterminedBy.length) lines.push(`  ? may also be decided by ${p.undeterminedBy.map(describeUnmodelled).join(', ')}: not evaluated by netpol-check`);
  for (const o of outcomes) {
    const q: PairAnswer = { ...p, explanation: o.explanation, allowed: o.allowed };
    lines.push(`  with ${o.profiles.join(', ')}: ${o.allowed ? 'yes' : 'no'}${o.allowed && !p.port ? ` on ${o.explanation.connections.toString()}` : ''}`);
    if (!(p.port && p.port.number === undefined)) lines.push(...[...side(o.explanation.egress, p.src.id, q), ...side(o.explanation.ingress, p.dst.id, q)].map((l) => `  ${l}`));
  }
  return lines;
}

/** The full explanation of one pair. */
export function explainPair(p: PairAnswer): string[] {
  if (dependsOnPlugin(p)) return pluginDependentPair(p);
  const e = p.explanation;
  const assumed = p.plugin?.assumed ? ` (${assumingText(p.plugin.assumed, differingBehaviours(p.plugin.outcomes.flatMap((o) => o.profiles)))})` : '';
  const verdict = p.undeterminedBy.length ? `undetermined (NetworkPolicies alone: ${p.allowed ? 'yes' : 'no'})` : p.allowed ? 'yes' : 'no';
  const head = `${verdict}${assumed}: ${p.src.id} ${p.allowed ? 'can' : 'cannot'} reach ${p.dst.id}`;
  const what = p.port ? portText(p) : p.allowed ? ` on ${e.connections.toString()}` : ' on any port';
  const lines = [`${head}${what}`];
  if (p.undeterminedBy.length) lines.push(`  ? may also be decided by ${p.undeterminedBy.map(describeUnmodelled).join(', ')}: not evaluated by netpol-check`);
  if (e.self) return [...lines, '  a pod always reaches itself'];
  if (p.port && p.port.number === undefined) return lines;
  return [...lines, ...side(e.egress, p.src.id, p), ...side(e.ingress, p.dst.id, p)];
}

function count(end: CanAnswer['source']): string {
  const pods = end.members.filter((m) => m.endpoint.kind === 'pod').length;
  const ranges = end.members.length - pods;
  const part = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (pods && ranges) return `${part(pods, 'pod')} and ${part(ranges, 'address range')}`;
  return ranges ? part(ranges, 'range') : part(pods, 'pod');
}

/** `can` output: verdict, per-pair breakdown for sets, and the explanation. */
export function formatCanText(a: CanAnswer, opts: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  const single = a.pairs.length === 1;
  const asked = a.port ? ` on ${portSpelling(a.port.protocol, a.port.port)}` : '';
  if (single) {
    lines.push(...explainPair(a.pairs[0]!));
    return `${lines.join('\n')}\n`;
  }
  const onPlugin = a.pairs.filter(dependsOnPlugin).length;
  const notEvaluated = a.pairs.filter((p) => p.undeterminedBy.length).length;
  const why = [notEvaluated ? `${notEvaluated} of ${a.pairs.length} pairs depend on policies not evaluated` : '', onPlugin ? `${onPlugin} of ${a.pairs.length} pairs depend on the network plugin (give --cni)` : ''].filter(Boolean).join('; ');
  const verdict = a.undeterminedPairs ? `undetermined (${why}; ${onPlugin ? 'allowed under every plugin' : 'NetworkPolicies alone'}: ${a.allowed ? 'yes' : 'no'})` : a.allowed ? 'yes' : 'no';
  lines.push(`${verdict}: ${a.allowedPairs} of ${a.pairs.length} pairs allowed from ${a.source.label} (${count(a.source)}) to ${a.destination.label} (${count(a.destination)})${asked}`);
  const denied = a.pairs.filter((p) => !p.allowed);
  const shown = opts.verbose ? a.pairs : denied.slice(0, 20);
  if (!opts.verbose && denied.length) lines.push('  denied:');
  for (const p of shown) lines.push(`    ${dependsOnPlugin(p) ? '?' : p.allowed ? '✓' : '✗'} ${p.src.id} → ${p.dst.id}${portText(p)}${dependsOnPlugin(p) ? ` (${outcomesText(p)})` : ''}`);
  if (!opts.verbose && denied.length > shown.length) lines.push(`    … and ${denied.length - shown.length} more (--verbose lists all)`);
  const first = denied[0] ?? a.pairs[0]!;
  lines.push('', denied.length ? 'first denied pair:' : 'first pair:', ...explainPair(first));
  return `${lines.join('\n')}\n`;
}
