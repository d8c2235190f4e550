import { ReferenceEvaluator } from '../engine/reference.js';
import { externalBlocks } from '../engine/external-blocks.js';
import type { Snapshot } from '../model/snapshot.js';
import { ask, type PairAnswer } from '../query/ask.js';
import { resolveTarget } from '../query/resolve.js';
import { parseTarget } from '../query/target-spec.js';
import type { UnmodelledObject } from '../model/unmodelled.js';
import { undeterminedBy } from '../query/undetermined.js';
import type { Expectation } from './expectations.js';

export interface CheckResult {
  expectation: Expectation;
  passed: boolean;
  /** Why it failed (or could not be checked), one line each. */
  problems: string[];
  /** Pairs that broke it, for explanations. */
  offending: PairAnswer[];
  /**
   * Policies netpol-check does not evaluate that may select the pods it is about: then `passed`
   * is what NetworkPolicies alone decide, and the expectation is undetermined (it fails closed).
   */
  undeterminedBy: UnmodelledObject[];
}

const MAX_LISTED = 10;

export function checkExpectations(snapshot: Snapshot, expectations: readonly Expectation[]): CheckResult[] {
  return expectations.map((e) => {
    const undetermined = new Set<UnmodelledObject>();
    const r = check(snapshot, e, undetermined);
    return { ...r, undeterminedBy: [...undetermined] };
  });
}

function check(snapshot: Snapshot, e: Expectation, undetermined: Set<UnmodelledObject>): CheckResult {
  const result: CheckResult = { expectation: e, passed: false, problems: [], offending: [], undeterminedBy: [] };
  if (e.kind === 'reach') {
    const r = ask(snapshot, { src: e.from, dst: e.to, ...(e.fromNamespace ? { srcNamespace: e.fromNamespace } : {}), ...(e.toNamespace ? { dstNamespace: e.toNamespace } : {}) });
    if (!r.ok) return { ...result, problems: [`${r.which}: ${r.reason}${r.candidates.length ? ` (did you mean ${r.candidates.join(', ')}?)` : ''}`] };
    const a = r.answer;
    for (const p of a.pairs) for (const u of p.undeterminedBy) undetermined.add(u);
    const bad = a.pairs.filter((p) => (e.expect === 'allow' ? !p.allowed : p.allowed));
    for (const p of bad.slice(0, MAX_LISTED)) {
      result.problems.push(`${p.src.id} ${p.allowed ? 'can' : 'cannot'} reach ${p.dst.id}${p.port ? ` on ${p.port.protocol} ${p.port.number ?? p.port.unresolved}` : p.allowed ? ` on ${p.explanation.connections}` : ''}`);
    }
    if (bad.length > MAX_LISTED) result.problems.push(`… and ${bad.length - MAX_LISTED} more pairs`);
    return { ...result, passed: bad.length === 0, offending: bad };
  }
  if (e.kind === 'only') {
    const blocks = externalBlocks(snapshot);
    const allowedPods = new Set<string>();
    const allowedAddresses: { family: 4 | 6; lo: bigint; hi: bigint }[] = [];
    for (const text of e.onlyFrom) {
      const t = parseTarget(text);
      if (!t.ok) return { ...result, problems: [`onlyFrom "${text}": ${t.reason}`] };
      if (t.target.kind === 'address') {
        allowedAddresses.push({ family: t.target.family, lo: t.target.lo, hi: t.target.hi });
        // A pod's own IP stands for that pod.
        const atAddress = resolveTarget(snapshot, t.target, undefined, { blocks: [] });
        if (atAddress.ok) for (const m of atAddress.end.members) if (m.endpoint.kind === 'pod') allowedPods.add(m.endpoint.pod.id);
        continue;
      }
      const r = resolveTarget(snapshot, t.target, undefined, { blocks });
      if (!r.ok) return { ...result, problems: [`onlyFrom "${text}": ${r.reason}`] };
      for (const m of r.end.members) if (m.endpoint.kind === 'pod') allowedPods.add(m.endpoint.pod.id);
    }
    const offending: PairAnswer[] = [];
    const seen = new Set<string>();
    for (const src of ['*', '0.0.0.0/0', '::/0']) {
      const r = ask(snapshot, { src, dst: e.to, ...(e.toNamespace ? { dstNamespace: e.toNamespace } : {}) });
      if (!r.ok) {
        if (r.which === 'destination' || r.which === 'port') return { ...result, problems: [`${r.which}: ${r.reason}`] };
        continue; // e.g. no pod at all besides the destination
      }
      for (const p of r.answer.pairs) {
        for (const u of p.undeterminedBy) undetermined.add(u);
        if (!p.allowed) continue;
        const ep = p.src.endpoint;
        const permitted = ep.kind === 'pod' ? allowedPods.has(ep.pod.id) || (p.dst.endpoint.kind === 'pod' && p.dst.endpoint.pod === ep.pod) : allowedAddresses.some((a) => a.family === ep.family && a.lo <= ep.addr && ep.addr <= a.hi);
        // Pods with known IPs come back under 0.0.0.0/0 and ::/0 too: count each pair once.
        const key = `${p.src.id}\u0000${p.dst.id}`;
        if (!permitted && !seen.has(key)) offending.push(p);
        seen.add(key);
      }
    }
    for (const p of offending.slice(0, MAX_LISTED)) result.problems.push(`${p.src.id} also reaches ${p.dst.id}${p.port ? ` on ${p.port.protocol} ${p.port.number}` : ` on ${p.explanation.connections}`}`);
    if (offending.length > MAX_LISTED) result.problems.push(`… and ${offending.length - MAX_LISTED} more pairs`);
    return { ...result, passed: offending.length === 0, offending };
  }
  const t = parseTarget(e.pods);
  if (!t.ok) return { ...result, problems: [`pods "${e.pods}": ${t.reason}`] };
  const r = resolveTarget(snapshot, t.target, undefined, { blocks: [], ...(e.namespace ? { namespace: e.namespace } : {}) });
  if (!r.ok) return { ...result, problems: [`pods "${e.pods}": ${r.reason}`] };
  const reference = new ReferenceEvaluator(snapshot);
  const directions = e.direction === 'both' ? (['ingress', 'egress'] as const) : ([e.direction] as const);
  for (const m of r.end.members) {
    if (m.endpoint.kind !== 'pod') continue;
    for (const u of undeterminedBy(snapshot, m.endpoint, m.endpoint)) undetermined.add(u);
    for (const d of directions) {
      if (reference.applying(m.endpoint.pod, d).length === 0) result.problems.push(`${m.id} is not isolated for ${d}: no NetworkPolicy selects it for ${d}`);
    }
  }
  return { ...result, passed: result.problems.length === 0 };
}
