import { sanitizeTerminalText } from '../../text/escape/terminal.js';
import { escapeCsvCell } from '../../text/escape/csv.js';
import type { Connectivity, ConnectivityWalk } from '../../engine/connectivity.js';
import { batch, joinChunks, type Chunks } from './chunks.js';

function* lines(c: ConnectivityWalk): Generator<string> {
  yield 'src,dst,connections\n';
  for (const e of c.edges) yield `${[e.src.id, e.dst.id, e.connections.toString()].map(escapeCsvCell).join(',')}\n`;
}

/** The CSV matrix in chunks of about 64 KiB. */
export const csvChunks = (c: ConnectivityWalk): Chunks => batch(lines(c), sanitizeTerminalText);

/** `src,dst,connections` with a header row; RFC 4180 quoting, one line per record (escape/csv.ts). */
export function formatCsv(c: Connectivity): string {
  return joinChunks(csvChunks(c));
}
