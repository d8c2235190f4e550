import { escapeMarkdown } from '../../text/escape/markdown.js';
import { walkOf, type Connectivity, type ConnectivityWalk } from '../../engine/connectivity.js';
import { ChunkBuilder, joinChunks, type Chunks } from './chunks.js';
import { perIndex } from './escaped-once.js';

const esc = escapeMarkdown;

/** The table in chunks of about 64 KiB (chunks.ts), without a generator step per line. */
function* chunks(c: ConnectivityWalk): Generator<string> {
  const out = new ChunkBuilder();
  out.add('| src | dst | connections |\n|-----|-----|-------------|\n');
  const name = c.nodes.map((n) => esc(n.id));
  const text = perIndex((id) => esc(c.pool.get(id).toString()));
  let none = true;
  for (const r of c.rows) {
    const start = `| ${name[r.src]} | `;
    for (let k = 0; k < r.to.length; k += 2) {
      none = false;
      out.add(`${start}${name[r.to[k]!]} | ${text(r.to[k + 1]!)} |\n`);
      if (out.full) yield out.take();
    }
  }
  if (none) out.add('| _none_ | | |\n');
  const last = out.take();
  if (last) yield last;
}

/** The Markdown table in chunks of about 64 KiB. */
export const mdChunks = (c: ConnectivityWalk): Chunks => chunks(c);

/** A Markdown table, one row per allowed pair. */
export function formatMd(c: Connectivity): string {
  return joinChunks(mdChunks(walkOf(c)));
}
