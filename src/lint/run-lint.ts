import { computeMatrix, type ReachabilityMatrix } from '../engine/matrix.js';
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { Progress } from '../model/progress.js';
import type { Snapshot } from '../model/snapshot.js';
import { RULES } from './registry.js';
import type { LintConfig } from './config.js';
import { Glob } from './glob.js';
import { SnapshotIndex } from './snapshot-index.js';
import { fill, type Finding, type LintContext, type LintRule } from './rule.js';

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface LintOptions {
  rules?: readonly LintRule<string>[];
  /** Rule ids to skip. */
  disable?: readonly string[];
  /** From the config file: severities per rule ('off' skips it) and paths to ignore. */
  config?: LintConfig;
  /** The snapshot's matrix when the caller has it already (explore, report). */
  matrix?: ReachabilityMatrix;
  /** Told which rule of how many runs. */
  progress?: Progress;
}

/** `netpol-check.io/ignore: rule-a,rule-b` (or `*`) on an object silences those rules on it. */
export const IGNORE_ANNOTATION = 'netpol-check.io/ignore';

/**
 * Runs every rule on the snapshot. Input problems found while loading (invalid CIDRs, port
 * ranges, protocols, wrong types …) are findings too, under their own codes. Sorted by file,
 * line and rule.
 */
export function runLint(snapshot: Snapshot, diagnostics: readonly Diagnostic[] = [], options: LintOptions = {}): Finding[] {
  let matrix: ReachabilityMatrix | undefined = options.matrix;
  let index: SnapshotIndex | undefined;
  const namespaceLabels = new Map(snapshot.namespaces.map((n) => [n.name, n.labels]));
  const ctx: LintContext = { snapshot, namespaceLabels, matrix: () => (matrix ??= computeMatrix(snapshot, undefined, options.progress)), index: () => (index ??= new SnapshotIndex(snapshot, namespaceLabels)) };
  const rules = options.rules ?? RULES;
  const owner = new Map<string, string>();
  for (const r of RULES) for (const code of r.inputCodes ?? []) owner.set(code, r.meta.id);
  const findings: Finding[] = [];
  for (const d of diagnostics) {
    const ruleId = owner.get(d.code) ?? d.code;
    if (options.disable?.includes(ruleId)) continue;
    findings.push({
      ruleId,
      messageId: d.code,
      severity: d.severity,
      message: d.message,
      ...(d.source ? { source: d.source } : {}),
      ...(d.object ? { object: d.object } : {}),
    });
  }
  for (const [i, rule] of rules.entries()) {
    if (options.disable?.includes(rule.meta.id)) continue;
    options.progress?.(`linting (${rule.meta.id})`, i, rules.length);
    rule.check(ctx, (messageId, data, at) => {
      findings.push({
        ruleId: rule.meta.id,
        messageId,
        severity: rule.meta.severity,
        message: fill(rule.meta.messages[messageId as keyof typeof rule.meta.messages] as string, data),
        ...(at.source ? { source: at.source } : {}),
        ...(at.object ? { object: at.object } : {}),
      });
    });
  }
  const ignored = ignoredRulesByObject(snapshot);
  // Under legacy semantics, the default-deny policies that stand for isolation annotations are
  // netpol-check's own: nothing to say about them (the annotation has its own rule).
  const madeUp = new Set(snapshot.policies.filter((p) => p.synthesized).map((p) => `NetworkPolicy ${p.namespace}/${p.name}`));
  const paths = (options.config?.ignorePaths ?? []).map((p) => new Glob(p));
  const kept = findings.flatMap((f): Finding[] => {
    const level = options.config?.rules[f.ruleId];
    if (level === 'off') return [];
    if (f.object && madeUp.has(f.object)) return [];
    const silenced = f.object ? ignored.get(f.object) : undefined;
    if (silenced && (silenced.has('*') || silenced.has(f.ruleId))) return [];
    if (f.source?.file && paths.some((re) => re.test(f.source!.file.replace(/\\/g, '/')))) return [];
    return [level ? { ...f, severity: level } : f];
  });
  const key = (f: Finding) => [f.source?.file ?? '', String(f.source?.line ?? 0).padStart(9, '0'), f.ruleId].join('\0');
  return kept.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function ignoredRulesByObject(snapshot: Snapshot): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (object: string, annotations: Readonly<Record<string, string>> | undefined) => {
    const v = annotations?.[IGNORE_ANNOTATION];
    if (v) out.set(object, new Set(v.split(',').map((x) => x.trim()).filter(Boolean)));
  };
  for (const p of snapshot.policies) add(`NetworkPolicy ${p.namespace}/${p.name}`, p.annotations);
  for (const pod of snapshot.pods) add(`Pod ${pod.id}`, pod.annotations);
  for (const a of snapshot.adminPolicies ?? []) add(`${a.kind} ${a.name}`, a.annotations);
  return out;
}
