import type { ExpectationOutcome } from '../../generate/from-expectations.js';
import type { Generation } from '../../generate/generate.js';
import { POLICY_KIND } from '../../generate/policy-kind.js';
import type { FlowDifference } from '../../generate/prove.js';
import { formatSource } from '../../model/source.js';

export interface GenerateReport {
  /** `--freeze`, `--from FILE` */
  source: string;
  generation: Generation;
  /** What the proof assumed of the network plugin, in words. */
  assumed: string;
  written: readonly string[];
  expectations?: ExpectationOutcome;
  /** Flows of an export left out, by reason. */
  skipped?: ReadonlyMap<string, number>;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const difference = (d: FlowDifference) => `  ${d.src} => ${d.dst} : ${d.connections} (${d.why})`;

/** The report of `netpol-check generate`: what was written, what it replaces or keeps, and the proof. */
export function formatGenerateText(r: GenerateReport): string {
  const g = r.generation;
  const count = g.files.reduce((n, f) => n + f.policies.length, 0);
  const lines = [`generate ${r.source}: ${plural(count, ...POLICY_KIND[g.kind].noun)} in ${plural(g.managed.length, 'namespace')}${g.managed.length ? ` (${g.managed.join(', ')})` : ''}, proven ${r.assumed}`];
  for (const note of g.notes) lines.push(`  ${note}`);
  if (r.skipped?.size) lines.push('  left out of the export:', ...[...r.skipped].map(([why, n]) => `    ${n} × ${why}`));
  if (r.written.length) lines.push(`wrote ${r.written.join(', ')}`);
  for (const d of g.reloadProblems) lines.push(`error reading the written manifests back (please report): ${formatSource(d.source)}: ${d.message} [${d.code}]`);
  const p = g.proof;
  lines.push(`required: ${plural(p.required, 'flow')}, ${p.missing.length ? `${p.missing.length} NOT allowed` : 'all allowed'}; extra: ${p.extra.length}`);
  if (p.missing.length) lines.push('not allowed:', ...p.missing.map(difference));
  if (p.extra.length) lines.push('extra (allowed, not required):', ...p.extra.map(difference));
  const e = r.expectations;
  if (e?.conflicts.length) {
    lines.push(`conflicts: ${e.conflicts.length}`);
    for (const c of e.conflicts) lines.push(`  ${formatSource(c.deny)} "${c.denyName}" is broken by ${formatSource(c.allow)} (${c.allowText}): ${c.pair}: ${c.why}`);
  }
  if (e?.unmet.length) {
    lines.push(`expectations not met: ${e.unmet.length}`);
    for (const u of e.unmet) lines.push(`  ${formatSource(u.source)} "${u.name}"${u.problems.length ? `: ${u.problems.join('; ')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
