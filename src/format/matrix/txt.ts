import { escapeTerminal } from '../../text/escape/terminal.js';
import { walkOf, type Connectivity, type ConnectivityWalk } from '../../engine/connectivity.js';
import { joinChunks, markGuarded, type Chunks } from './chunks.js';
import { pairLineChunks, type PairLines } from './pair-lines.js';

/** `SRC => DST : CONNS`, names escaped for the terminal; a line that could start a workflow command sanitized. */
const TXT: PairLines = {
  escape: escapeTerminal,
  start: (src) => `${src} => `,
  between: ' : ',
  end: '\n',
  guard: true,
};

/** `SRC => DST : CONNS`, one line per allowed pair, written in chunks of about 64 KiB; every line as `sanitizeTerminalText` leaves it. */
export const txtChunks = (c: ConnectivityWalk): Chunks => markGuarded(pairLineChunks(c, TXT));

/** `SRC => DST : CONNS`, one line per allowed pair (the conformance corpus format). */
export function formatTxt(c: Connectivity): string {
  return joinChunks(txtChunks(walkOf(c)));
}
