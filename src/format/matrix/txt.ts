import { escapeTerminal, sanitizeTerminalText } from '../../text/escape/terminal.js';
import { walkOf, type Connectivity, type ConnectivityWalk } from '../../engine/connectivity.js';
import { ChunkBuilder, joinChunks, markGuarded, type Chunks } from './chunks.js';
import { lineNeedsGuard, perIndex } from './escaped-once.js';

/**
 * The lines, in chunks of about 64 KiB (chunks.ts), row by row: names and connection texts read
 * by position (engine/edge-rows.ts). A row's lines are guarded when its source's name may start
 * a workflow command (escaped-once.ts).
 */
function* chunks(c: ConnectivityWalk): Generator<string> {
  const out = new ChunkBuilder();
  const name = c.nodes.map((n) => escapeTerminal(n.id));
  const text = perIndex((id) => escapeTerminal(c.pool.get(id).toString()));
  for (const r of c.rows) {
    const start = `${name[r.src]} => `;
    const guard = lineNeedsGuard(start);
    for (let k = 0; k < r.to.length; k += 2) {
      const line = `${start}${name[r.to[k]!]} : ${text(r.to[k + 1]!)}\n`;
      out.add(guard ? sanitizeTerminalText(line) : line);
      if (out.full) yield out.take();
    }
  }
  const last = out.take();
  if (last) yield last;
}

/** `SRC => DST : CONNS`, one line per allowed pair, written in chunks of about 64 KiB; every line as `sanitizeTerminalText` leaves it. */
export const txtChunks = (c: ConnectivityWalk): Chunks => markGuarded(chunks(c));

/** `SRC => DST : CONNS`, one line per allowed pair (the conformance corpus format). */
export function formatTxt(c: Connectivity): string {
  return joinChunks(txtChunks(walkOf(c)));
}
