import { escapeCsvCell } from '../../text/escape/csv.js';
import type { Connectivity, ConnectivityWalk, Node } from '../../engine/connectivity.js';
import { batch, joinChunks, markGuarded, type Chunks } from './chunks.js';
import { guardEscapedLine, oncePerObject, oncePerString } from './escaped-once.js';

function* lines(c: ConnectivityWalk): Generator<string> {
  yield 'src,dst,connections\n';
  const name = oncePerObject((n: Node) => escapeCsvCell(n.id));
  const text = oncePerString(escapeCsvCell);
  for (const e of c.edges) yield guardEscapedLine(`${name(e.src)},${name(e.dst)},${text(e.connections.toString())}\n`);
}

/** The CSV matrix in chunks of about 64 KiB; every line as `sanitizeTerminalText` leaves it. */
export const csvChunks = (c: ConnectivityWalk): Chunks => markGuarded(batch(lines(c)));

/** `src,dst,connections` with a header row; RFC 4180 quoting, one line per record (escape/csv.ts). */
export function formatCsv(c: Connectivity): string {
  return joinChunks(csvChunks(c));
}
