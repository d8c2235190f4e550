import { escapeTerminal, sanitizeTerminalText } from '../../text/escape/terminal.js';
import type { Connectivity, ConnectivityWalk } from '../../engine/connectivity.js';
import { batch, joinChunks, type Chunks } from './chunks.js';

function* lines(c: ConnectivityWalk): Generator<string> {
  for (const e of c.edges) yield `${escapeTerminal(e.src.id)} => ${escapeTerminal(e.dst.id)} : ${e.connections.toString()}\n`;
}

/** `SRC => DST : CONNS`, one line per allowed pair, written in chunks of about 64 KiB. */
export const txtChunks = (c: ConnectivityWalk): Chunks => batch(lines(c), sanitizeTerminalText);

/** `SRC => DST : CONNS`, one line per allowed pair (the conformance corpus format). */
export function formatTxt(c: Connectivity): string {
  return joinChunks(txtChunks(c));
}
