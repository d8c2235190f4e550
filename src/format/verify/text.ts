import { inputStatusJson } from '../input/input-status.js';
import type { InputStatus } from '../../load/input-status.js';
import { API_V1, type SemanticsName } from '../../model/semantics.js';
import { formatSource } from '../../model/source.js';
import type { CheckResult } from '../../verify/check.js';
import { explainPair } from '../explanation/text.js';
import { describeUnmodelled } from '../../query/undetermined.js';

/**
 * Totals: an expectation that a policy netpol-check does not evaluate may decide counts as
 * undetermined, whatever NetworkPolicies alone say (it fails closed: not passed).
 */
export function verifyTotals(results: readonly CheckResult[]): { passed: number; failed: number; undetermined: number } {
  const undetermined = results.filter((r) => r.undeterminedBy.length > 0).length;
  const passed = results.filter((r) => r.passed && r.undeterminedBy.length === 0).length;
  return { passed, failed: results.length - passed - undetermined, undetermined };
}

/** PASS/FAIL per expectation, reasons and the explanation of the first offending pair, then totals. */
export function formatVerifyText(results: readonly CheckResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const undetermined = r.undeterminedBy.length > 0;
    lines.push(`${undetermined ? `UNDETERMINED (NetworkPolicies alone: ${r.passed ? 'pass' : 'fail'})` : r.passed ? 'PASS' : 'FAIL'} ${r.expectation.name} (${formatSource(r.expectation.source)})`);
    if (undetermined) lines.push(`  may also be decided by ${r.undeterminedBy.map(describeUnmodelled).join(', ')}: not evaluated by netpol-check`);
    if (r.passed) continue;
    for (const p of r.problems) lines.push(`  ${p}`);
    const first = r.offending[0];
    if (first) lines.push(...explainPair(first).map((l) => `    ${l}`));
  }
  const { passed, failed, undetermined } = verifyTotals(results);
  lines.push(`${passed} passed, ${failed} failed${undetermined ? `, ${undetermined} undetermined` : ''}`);
  return `${lines.join('\n')}\n`;
}

export function formatVerifyJson(results: readonly CheckResult[], semantics: SemanticsName = API_V1, input: InputStatus = { complete: true, errors: [] }): string {
  return `${JSON.stringify(
    {
      format: 'netpol-check/verify',
      version: 1,
      semantics,
      ...inputStatusJson(input),
      ...verifyTotals(results),
      results: results.map((r) => ({
        name: r.expectation.name,
        kind: r.expectation.kind,
        source: formatSource(r.expectation.source),
        passed: r.passed,
        determined: r.undeterminedBy.length === 0,
        ...(r.undeterminedBy.length ? { undeterminedBy: r.undeterminedBy.map(describeUnmodelled) } : {}),
        problems: r.problems,
      })),
    },
    null,
    2,
  )}\n`;
}
