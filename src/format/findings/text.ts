import type { Finding } from '../../lint/rule.js';
import { formatSource } from '../../model/source.js';

/** `file:line:col: warning: message [rule-id]`, then a summary line. */
export function formatFindingsText(findings: readonly Finding[]): string {
  const lines = findings.map((f) => `${formatSource(f.source)}: ${f.severity}: ${f.object ? `${f.object}: ` : ''}${f.message} [${f.ruleId}]`);
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push(findings.length ? `${findings.length} finding(s): ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info` : 'no findings');
  return `${lines.join('\n')}\n`;
}
