import { ReferenceEvaluator } from '../engine/reference.js';
import { portText } from '../net/port-text.js';
import { externalBlocks } from '../engine/external-blocks.js';
import type { Snapshot } from '../model/snapshot.js';
import { ask, dependsOnPlugin, type PairAnswer } from '../query/ask.js';
import { pluginVariants } from '../engine/plugin-variants.js';
import { assumptionsOf, PLUGINS, type CniProfile, type PluginName } from '../model/cni.js';
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
  /**
   * Without a profile (`generic`), pairs on which the expectation holds under some network
   * plugins only (docs/cni-profiles.md): then it is undetermined unless it fails anyway.
   */
  plugin?: { passesWith: PluginName[]; failsWith: PluginName[]; pairs: PairAnswer[] };
}

/** Undetermined: a policy netpol-check does not evaluate may decide it, or it holds under some network plugins only. */
export function isUndetermined(r: CheckResult): boolean {
  return r.undeterminedBy.length > 0 || (r.passed && r.plugin !== undefined);
}

const MAX_LISTED = 10;

export function checkExpectations(snapshot: Snapshot, expectations: readonly Expectation[], cni: CniProfile = 'generic'): CheckResult[] {
  return expectations.map((e) => {
    const undetermined = new Set<UnmodelledObject>();
    const dependent: { pair: PairAnswer; failsWith: PluginName[] }[] = [];
    const r = check(snapshot, e, undetermined, cni, dependent);
    if (dependent.length === 0) return { ...r, undeterminedBy: [...undetermined] };
    const failsWith = PLUGINS.filter((p) => dependent.some((d) => d.failsWith.includes(p)));
    return { ...r, undeterminedBy: [...undetermined], plugin: { passesWith: PLUGINS.filter((p) => !failsWith.includes(p)), failsWith, pairs: dependent.map((d) => d.pair) } };
  });
}

type Dependent = { pair: PairAnswer; failsWith: PluginName[] }[];

/**
 * Sorts a pair by whether it breaks the expectation (`breaks(allowed)`): `true` under every
 * plugin, `false` under none; pairs that break it under some plugins only go to `dependent`.
 */
function breaksIt(p: PairAnswer, breaks: (allowed: boolean) => boolean, dependent: Dependent): boolean {
  if (!dependsOnPlugin(p)) return breaks(p.allowed);
  const failing = p.plugin!.outcomes.filter((o) => breaks(o.allowed));
  if (failing.length === p.plugin!.outcomes.length) return true;
  if (failing.length) dependent.push({ pair: p, failsWith: failing.flatMap((o) => o.profiles) });
  return false;
}

function check(snapshot: Snapshot, e: Expectation, undetermined: Set<UnmodelledObject>, cni: CniProfile, dependent: Dependent): CheckResult {
  const result: CheckResult = { expectation: e, passed: false, problems: [], offending: [], undeterminedBy: [] };
  if (e.kind === 'reach') {
    const r = ask(snapshot, { src: e.from, dst: e.to, cni, ...(e.fromNamespace ? { srcNamespace: e.fromNamespace } : {}), ...(e.toNamespace ? { dstNamespace: e.toNamespace } : {}) });
    if (!r.ok) return { ...result, problems: [`${r.which}: ${r.reason}${r.candidates.length ? ` (did you mean ${r.candidates.join(', ')}?)` : ''}`] };
    const a = r.answer;
    for (const p of a.pairs) for (const u of p.undeterminedBy) undetermined.add(u);
    const bad = a.pairs.filter((p) => breaksIt(p, (allowed) => (e.expect === 'allow' ? !allowed : allowed), dependent));
    for (const p of bad.slice(0, MAX_LISTED)) {
      result.problems.push(`${p.src.id} ${p.allowed ? 'can' : 'cannot'} reach ${p.dst.id}${p.port ? ` on ${portText(p.port.protocol, p.port.number ?? p.port.unresolved ?? '')}` : p.allowed ? ` on ${p.explanation.connections}` : ''}`);
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
      const r = ask(snapshot, { src, dst: e.to, cni, ...(e.toNamespace ? { dstNamespace: e.toNamespace } : {}) });
      if (!r.ok) {
        if (r.which === 'destination' || r.which === 'port') return { ...result, problems: [`${r.which}: ${r.reason}`] };
        continue; // e.g. no pod at all besides the destination
      }
      for (const p of r.answer.pairs) {
        for (const u of p.undeterminedBy) undetermined.add(u);
        const ep = p.src.endpoint;
        const permitted = ep.kind === 'pod' ? allowedPods.has(ep.pod.id) || (p.dst.endpoint.kind === 'pod' && p.dst.endpoint.pod === ep.pod) : allowedAddresses.some((a) => a.family === ep.family && a.lo <= ep.addr && ep.addr <= a.hi);
        // Pods with known IPs come back under 0.0.0.0/0 and ::/0 too: count each pair once.
        const key = `${p.src.id}\u0000${p.dst.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (!permitted && breaksIt(p, (allowed) => allowed, dependent)) offending.push(p);
      }
    }
    for (const p of offending.slice(0, MAX_LISTED)) result.problems.push(`${p.src.id} also reaches ${p.dst.id}${p.port ? ` on ${portText(p.port.protocol, p.port.number ?? p.port.unresolved ?? '')}` : ` on ${p.explanation.connections}`}`);
    if (offending.length > MAX_LISTED) result.problems.push(`… and ${offending.length - MAX_LISTED} more pairs`);
    return { ...result, passed: offending.length === 0, offending };
  }
  const t = parseTarget(e.pods);
  if (!t.ok) return { ...result, problems: [`pods "${e.pods}": ${t.reason}`] };
  const r = resolveTarget(snapshot, t.target, undefined, { blocks: [], ...(e.namespace ? { namespace: e.namespace } : {}) });
  if (!r.ok) return { ...result, problems: [`pods "${e.pods}": ${r.reason}`] };
  // Isolation: the profiled plugins agree on it (hostNetwork pods are node traffic for all of them).
  const reference = new ReferenceEvaluator(cni === 'generic' ? pluginVariants(snapshot, 'generic').chosen : { ...snapshot, assumptions: assumptionsOf(cni) });
  const directions = e.direction === 'both' ? (['ingress', 'egress'] as const) : ([e.direction] as const);
  for (const m of r.end.members) {
    if (m.endpoint.kind !== 'pod') continue;
    for (const u of undeterminedBy(snapshot, m.endpoint, m.endpoint)) undetermined.add(u);
    for (const d of directions) {
      // Cilium puts a pod in default deny too (its rules, enableDefaultDeny): docs/cilium.md.
      // So does Calico: a policy selecting it in a tier whose default action is Deny (docs/calico.md).
      if (reference.applying(m.endpoint.pod, d).length === 0 && reference.ciliumIsolating(m.endpoint.pod, d).length === 0 && reference.calicoIsolating(m.endpoint.pod, d).length === 0) {
        result.problems.push(`${m.id} is not isolated for ${d}: no NetworkPolicy selects it for ${d}${snapshot.ciliumPolicies?.length ? ' and no Cilium policy puts it in default deny' : ''}${snapshot.calico?.policies.length ? ' and no Calico policy selects it in a tier whose default action is Deny' : ''}`);
      }
    }
  }
  return { ...result, passed: result.problems.length === 0 };
}
