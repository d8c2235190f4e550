import { escapeCsvCell } from '../../text/escape/csv.js';
import { sanitizeTerminalText } from '../../text/escape/terminal.js';
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
  out.add('src,dst,connections\n');
  const name = c.nodes.map((n) => escapeCsvCell(n.id));
  const text = perIndex((id) => escapeCsvCell(c.pool.get(id).toString()));
  for (const r of c.rows) {
    const start = `${name[r.src]},`;
    const guard = lineNeedsGuard(start);
    for (let k = 0; k < r.to.length; k += 2) {
      const line = `${start}${name[r.to[k]!]},${text(r.to[k + 1]!)}\n`;
      out.add(guard ? sanitizeTerminalText(line) : line);
      if (out.full) yield out.take();
    }
  }
  const last = out.take();
  if (last) yield last;
}

/** The CSV matrix in chunks of about 64 KiB; every line as `sanitizeTerminalText` leaves it. */
export const csvChunks = (c: ConnectivityWalk): Chunks => markGuarded(chunks(c));

/** `src,dst,connections` with a header row; RFC 4180 quoting, one line per record (escape/csv.ts). */
export function formatCsv(c: Connectivity): string {
  return joinChunks(csvChunks(walkOf(c)));
}
