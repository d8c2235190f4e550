import { escapeCsvCell } from '../../text/escape/csv.js';
import { walkOf, type Connectivity, type ConnectivityWalk } from '../../engine/connectivity.js';
import { joinChunks, markGuarded, type Chunks } from './chunks.js';
import { pairLineChunks, type PairLines } from './pair-lines.js';

/** `src,dst,connections` records, RFC 4180 cells; a line that could start a workflow command sanitized. */
const CSV: PairLines = {
  escape: escapeCsvCell,
  head: ['src,dst,connections\n'],
  start: (src) => `${src},`,
  between: ',',
  end: '\n',
  guard: true,
};

/** The CSV matrix in chunks of about 64 KiB; every line as `sanitizeTerminalText` leaves it. */
export const csvChunks = (c: ConnectivityWalk): Chunks => markGuarded(pairLineChunks(c, CSV));

/** `src,dst,connections` with a header row; RFC 4180 quoting, one line per record (escape/csv.ts). */
export function formatCsv(c: Connectivity): string {
  return joinChunks(csvChunks(walkOf(c)));
}
