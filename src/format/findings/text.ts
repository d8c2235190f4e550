import { escapeTerminal, sanitizeTerminalText } from '../../text/escape/terminal.js';
import { objectLabel } from '../../lint/object-label.js';
import type { Finding } from '../../lint/rule.js';
import { formatSource } from '../../model/source.js';

/**
 * A message may span lines (a fix written out); each of its lines is escaped, and a line after
 * the first is indented, so it cannot pass for a finding of its own.
 */
function escapeMessage(message: string): string {
  return message
    .split('\n')
    .map((line, i) => (i === 0 || line.startsWith('  ') ? '' : '  ') + escapeTerminal(line))
    .join('\n');
}

/** `file:line:col: warning: message [rule-id]`, then a summary line; input text escaped. */
export function formatFindingsText(findings: readonly Finding[]): string {
  const lines = findings.map((f) => `${formatSource(f.source)}: ${f.severity}: ${f.object ? `${escapeTerminal(objectLabel(f.object))}: ` : ''}${escapeMessage(f.message)} [${escapeTerminal(f.ruleId)}]`);
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push(findings.length ? `${findings.length} finding(s): ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info` : 'no findings');
  return sanitizeTerminalText(`${lines.join('\n')}\n`);
}
