import { escapeMarkdown } from '../../text/escape/markdown.js';
import type { Connectivity, ConnectivityWalk, Node } from '../../engine/connectivity.js';
import { batch, joinChunks, type Chunks } from './chunks.js';
import { oncePerObject, oncePerString } from './escaped-once.js';

const esc = escapeMarkdown;

function* lines(c: ConnectivityWalk): Generator<string> {
  yield '| src | dst | connections |\n|-----|-----|-------------|\n';
  const name = oncePerObject((n: Node) => esc(n.id));
  const text = oncePerString(esc);
  let none = true;
  for (const e of c.edges) {
    none = false;
    yield `| ${name(e.src)} | ${name(e.dst)} | ${text(e.connections.toString())} |\n`;
  }
  if (none) yield '| _none_ | | |\n';
}

/** The Markdown table in chunks of about 64 KiB. */
export const mdChunks = (c: ConnectivityWalk): Chunks => batch(lines(c));

/** A Markdown table, one row per allowed pair. */
export function formatMd(c: Connectivity): string {
  return joinChunks(mdChunks(c));
}
