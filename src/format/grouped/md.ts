import { escapeMarkdown } from '../../text/escape/markdown.js';
import type { GroupedMatrix } from '../../summary/grouped.js';
import { batch, joinChunks, type Chunks } from '../matrix/chunks.js';

const esc = escapeMarkdown;

function* lines(g: GroupedMatrix): Generator<string> {
  yield '| sources | destinations | connections |\n|---------|--------------|-------------|\n';
  for (const l of g.lines) yield `| ${esc(l.sources.text)} | ${esc(l.destinations.text)} | ${esc(l.connections.toString())} |\n`;
  if (g.lines.length === 0) yield '| _none_ | | |\n';
}

/** A Markdown table, one row per grouped line. */
export const groupedMdChunks = (g: GroupedMatrix): Chunks => batch(lines(g));

export const formatGroupedMd = (g: GroupedMatrix): string => joinChunks(groupedMdChunks(g));
