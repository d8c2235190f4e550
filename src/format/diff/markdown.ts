import { escapeMarkdown } from '../../text/escape/markdown.js';
import { summary, type ExplainedChange } from './text.js';

const esc = escapeMarkdown;

/** For a pull-request comment: a summary line, then collapsible tables of opened and closed connections. */
export function formatDiffMarkdown(changes: readonly ExplainedChange[]): string {
  const out = [`**netpol-check:** ${summary(changes)}`];
  const section = (title: string, rows: string[], header: string) => {
    if (!rows.length) return;
    out.push('', `<details><summary>${title} (${rows.length})</summary>`, '', header, '|---|---|---|---|', ...rows, '', '</details>');
  };
  section(
    'Connections opened',
    changes.filter((c) => !c.change.added.isEmpty()).map((c) => `| ${esc(c.change.src)} | ${esc(c.change.dst)} | ${esc(c.change.added.toString())} | ${c.reasons.addedBy.map(esc).join('<br>')} |`),
    '| from | to | connections | allowed by |',
  );
  section(
    'Connections closed',
    changes
      .filter((c) => !c.change.removed.isEmpty())
      .map((c) => `| ${esc(c.change.src)} | ${esc(c.change.dst)} | ${esc(c.change.removed.toString())} | ${[...c.reasons.deniedBy.map((p) => `denied by ${p}`), ...c.reasons.newlyIsolatedBy.map((p) => `isolated by ${p}`), ...c.reasons.removedFrom.map((r) => `was ${r}`)].map(esc).join('<br>')} |`),
    '| from | to | connections | why |',
  );
  return `${out.join('\n')}\n`;
}
