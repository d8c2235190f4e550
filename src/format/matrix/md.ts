import { escapeMarkdown } from '../../text/escape/markdown.js';
import { walkOf, type Connectivity, type ConnectivityWalk } from '../../engine/connectivity.js';
import { batch, joinChunks, type Chunks } from './chunks.js';
import { perIndex } from './escaped-once.js';

const esc = escapeMarkdown;

function* lines(c: ConnectivityWalk): Generator<string> {
  yield '| src | dst | connections |\n|-----|-----|-------------|\n';
  const name = c.nodes.map((n) => esc(n.id));
  const text = perIndex((id) => esc(c.pool.get(id).toString()));
  let none = true;
  for (const r of c.rows) {
    const start = `| ${name[r.src]} | `;
    for (let k = 0; k < r.to.length; k += 2) {
      none = false;
      yield `${start}${name[r.to[k]!]} | ${text(r.to[k + 1]!)} |\n`;
    }
  }
  if (none) yield '| _none_ | | |\n';
}

/** The Markdown table in chunks of about 64 KiB. */
export const mdChunks = (c: ConnectivityWalk): Chunks => batch(lines(c));

/** A Markdown table, one row per allowed pair. */
export function formatMd(c: Connectivity): string {
  return joinChunks(mdChunks(walkOf(c)));
}
