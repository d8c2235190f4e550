import { escapeMarkdown } from '../escape/markdown.js';
import type { Connectivity } from '../../engine/connectivity.js';
import { batch, joinChunks, type Chunks } from './chunks.js';

const esc = escapeMarkdown;

function* lines(c: Connectivity): Generator<string> {
  yield '| src | dst | connections |\n|-----|-----|-------------|\n';
  for (const e of c.edges) yield `| ${esc(e.src.id)} | ${esc(e.dst.id)} | ${esc(e.connections.toString())} |\n`;
  if (c.edges.length === 0) yield '| _none_ | | |\n';
}

/** The Markdown table in chunks of about 64 KiB. */
export const mdChunks = (c: Connectivity): Chunks => batch(lines(c));

/** A Markdown table, one row per allowed pair. */
export function formatMd(c: Connectivity): string {
  return joinChunks(mdChunks(c));
}
