import { escapeTerminal as e, sanitizeTerminalText } from '../../text/escape/terminal.js';
import type { PairChange } from '../../diff/connectivity-diff.js';
import type { ChangeReasons } from '../../diff/responsible.js';

export interface ExplainedChange {
  change: PairChange;
  reasons: ChangeReasons;
}

/** `+ src => dst : TCP 6379` / `- …`, each with the policies responsible, then a summary line. */
export function formatDiffText(changes: readonly ExplainedChange[]): string {
  const lines: string[] = [];
  for (const { change: c, reasons: r } of changes) {
    if (!c.added.isEmpty()) {
      lines.push(`+ ${e(c.src)} => ${e(c.dst)} : ${c.added.toString()}`);
      if (r.addedBy.length) lines.push(`    allowed by ${r.addedBy.map(e).join('; ')}`);
    }
    if (!c.removed.isEmpty()) {
      lines.push(`- ${e(c.src)} => ${e(c.dst)} : ${c.removed.toString()}`);
      if (r.newlyIsolatedBy.length) lines.push(`    now isolated by ${r.newlyIsolatedBy.map(e).join('; ')}`);
      if (r.deniedBy.length) lines.push(`    now denied by ${r.deniedBy.map(e).join('; ')}`);
      if (r.removedFrom.length) lines.push(`    was allowed by ${r.removedFrom.map(e).join('; ')}`);
    }
  }
  lines.push(summary(changes));
  return sanitizeTerminalText(`${lines.join('\n')}\n`);
}

export function summary(changes: readonly ExplainedChange[]): string {
  const added = changes.filter((c) => !c.change.added.isEmpty()).length;
  const removed = changes.filter((c) => !c.change.removed.isEmpty()).length;
  if (!changes.length) return 'no change in connectivity';
  return `${added} pair(s) gain connections, ${removed} pair(s) lose connections`;
}
