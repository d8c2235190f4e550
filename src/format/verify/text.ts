import { escapeTerminal } from '../escape/terminal.js';
import { inputStatusJson } from '../input/input-status.js';
import type { InputStatus } from '../../load/input-status.js';
import { API_V1, type SemanticsName } from '../../model/semantics.js';
import { formatSource } from '../../model/source.js';
import type { CheckResult } from '../../verify/check.js';
import { explainPair } from '../explanation/text.js';

/** PASS/FAIL per expectation, reasons and the explanation of the first offending pair, then totals. */
export function formatVerifyText(results: readonly CheckResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.passed ? 'PASS' : 'FAIL'} ${escapeTerminal(r.expectation.name)} (${formatSource(r.expectation.source)})`);
    if (r.passed) continue;
    for (const p of r.problems) lines.push(`  ${escapeTerminal(p)}`);
    const first = r.offending[0];
    if (first) lines.push(...explainPair(first).map((l) => `    ${l}`));
  }
  const passed = results.filter((r) => r.passed).length;
  lines.push(`${passed} passed, ${results.length - passed} failed`);
  return `${lines.join('\n')}\n`;
}

export function formatVerifyJson(results: readonly CheckResult[], semantics: SemanticsName = API_V1, input: InputStatus = { complete: true, errors: [] }): string {
  return `${JSON.stringify(
    {
      format: 'netpol-check/verify',
      version: 1,
      semantics,
      ...inputStatusJson(input),
      passed: results.filter((r) => r.passed).length,
      failed: results.filter((r) => !r.passed).length,
      results: results.map((r) => ({ name: r.expectation.name, kind: r.expectation.kind, source: formatSource(r.expectation.source), passed: r.passed, problems: r.problems })),
    },
    null,
    2,
  )}\n`;
}
