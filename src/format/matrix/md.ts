import { escapeMarkdown } from '../../text/escape/markdown.js';
import type { Connectivity, ConnectivityWalk } from '../../engine/connectivity.js';
import { batch, joinChunks, type Chunks } from './chunks.js';

const esc = escapeMarkdown;

function* lines(c: ConnectivityWalk): Generator<string> {
  yield '| src | dst | connections |\n|-----|-----|-------------|\n';
  let none = true;
  for (const e of c.edges) {
    none = false;
    yield `| ${esc(e.src.id)} | ${esc(e.dst.id)} | ${esc(e.connections.toString())} |\n`;
  }
  if (none) yield '| _none_ | | |\n';
}

/** The Markdown table in chunks of about 64 KiB. */
export const mdChunks = (c: ConnectivityWalk): Chunks => batch(lines(c));

/** A Markdown table, one row per allowed pair. */
export function formatMd(c: Connectivity): string {
  return joinChunks(mdChunks(c));
}
