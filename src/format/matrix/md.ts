import { escapeMarkdown } from '../escape/markdown.js';
import type { Connectivity } from '../../engine/connectivity.js';

const esc = escapeMarkdown;

/** A Markdown table, one row per allowed pair. */
export function formatMd(c: Connectivity): string {
  const lines = ['| src | dst | connections |', '|-----|-----|-------------|'];
  for (const e of c.edges) lines.push(`| ${esc(e.src.id)} | ${esc(e.dst.id)} | ${esc(e.connections.toString())} |`);
  if (c.edges.length === 0) lines.push('| _none_ | | |');
  return `${lines.join('\n')}\n`;
}
