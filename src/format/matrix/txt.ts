import { escapeTerminal } from '../../text/escape/terminal.js';
import type { Connectivity, ConnectivityWalk, Node } from '../../engine/connectivity.js';
import { batch, joinChunks, markGuarded, type Chunks } from './chunks.js';
import { guardEscapedLine, oncePerObject, oncePerString } from './escaped-once.js';

function* lines(c: ConnectivityWalk): Generator<string> {
  const name = oncePerObject((n: Node) => escapeTerminal(n.id));
  const text = oncePerString(escapeTerminal);
  for (const e of c.edges) yield guardEscapedLine(`${name(e.src)} => ${name(e.dst)} : ${text(e.connections.toString())}\n`);
}

/** `SRC => DST : CONNS`, one line per allowed pair, written in chunks of about 64 KiB; every line as `sanitizeTerminalText` leaves it. */
export const txtChunks = (c: ConnectivityWalk): Chunks => markGuarded(batch(lines(c)));

/** `SRC => DST : CONNS`, one line per allowed pair (the conformance corpus format). */
export function formatTxt(c: Connectivity): string {
  return joinChunks(txtChunks(c));
}
