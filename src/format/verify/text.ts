import { escapeTerminal } from '../../text/escape/terminal.js';
import { inputStatusJson } from '../input/input-status.js';
import type { InputStatus } from '../../load/input-status.js';
import { API_V1, type SemanticsName } from '../../model/semantics.js';
import { formatSource } from '../../model/source.js';
import { isUndetermined, type CheckResult } from '../../verify/check.js';
import { explainPair } from '../explanation/text.js';
import { describeUnmodelled } from '../../query/undetermined.js';
import type { CniProfile } from '../../model/cni.js';

/**
 * Totals: an expectation that a policy netpol-check does not evaluate may decide counts as
 * undetermined, whatever NetworkPolicies alone say (it fails closed: not passed).
 */
export function verifyTotals(results: readonly CheckResult[]): { passed: number; failed: number; undetermined: number } {
  const undetermined = results.filter(isUndetermined).length;
  const passed = results.filter((r) => r.passed && !isUndetermined(r)).length;
  return { passed, failed: results.length - passed - undetermined, undetermined };
}

/** PASS/FAIL per expectation, reasons and the explanation of the first offending pair, then totals. */
export function formatVerifyText(results: readonly CheckResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const undetermined = isUndetermined(r);
    const onPlugin = r.passed && r.plugin ? `depends on the network plugin: passes with ${r.plugin.passesWith.join(', ') || 'none'}; fails with ${r.plugin.failsWith.join(', ')}` : '';
    const why = [r.undeterminedBy.length ? `NetworkPolicies alone: ${r.passed ? 'pass' : 'fail'}` : '', onPlugin].filter(Boolean).join('; ');
    lines.push(`${undetermined ? `UNDETERMINED (${why})` : r.passed ? 'PASS' : 'FAIL'} ${escapeTerminal(r.expectation.name)} (${formatSource(r.expectation.source)})`);
    if (r.undeterminedBy.length) lines.push(`  may also be decided by ${r.undeterminedBy.map(describeUnmodelled).join(', ')}: not evaluated by netpol-check`);
    if (onPlugin) {
      lines.push(`  give --cni PROFILE to fix the plugin (docs/cni-profiles.md); the pairs it depends on:`);
      for (const p of r.plugin!.pairs.slice(0, 10)) lines.push(`    ? ${p.src.id} → ${p.dst.id}: ${p.plugin!.outcomes.map((o) => `${o.allowed ? 'allowed' : 'denied'} with ${o.profiles.join(', ')}`).join('; ')}`);
      lines.push(...explainPair(r.plugin!.pairs[0]!).map((l) => `    ${l}`));
    }
    if (r.passed) continue;
    for (const p of r.problems) lines.push(`  ${escapeTerminal(p)}`);
    const first = r.offending[0];
    if (first) lines.push(...explainPair(first).map((l) => `    ${l}`));
  }
  const { passed, failed, undetermined } = verifyTotals(results);
  lines.push(`${passed} passed, ${failed} failed${undetermined ? `, ${undetermined} undetermined` : ''}`);
  return `${lines.join('\n')}\n`;
}

export function formatVerifyJson(results: readonly CheckResult[], semantics: SemanticsName = API_V1, input: InputStatus = { complete: true, errors: [] }, cni: CniProfile = 'generic'): string {
  return `${JSON.stringify(
    {
      format: 'netpol-check/verify',
      version: 1,
      semantics,
      cni,
      ...inputStatusJson(input),
      ...verifyTotals(results),
      results: results.map((r) => ({
        name: r.expectation.name,
        kind: r.expectation.kind,
        source: formatSource(r.expectation.source),
        passed: r.passed,
        determined: !isUndetermined(r),
        ...(r.undeterminedBy.length ? { undeterminedBy: r.undeterminedBy.map(describeUnmodelled) } : {}),
        ...(r.plugin ? { plugin: { passesWith: r.plugin.passesWith, failsWith: r.plugin.failsWith, pairs: r.plugin.pairs.map((p) => ({ src: p.src.id, dst: p.dst.id, outcomes: p.plugin!.outcomes.map((o) => ({ profiles: o.profiles, allowed: o.allowed, because: o.because })) })) } } : {}),
        problems: r.problems,
      })),
    },
    null,
    2,
  )}\n`;
}
