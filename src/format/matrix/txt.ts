import { escapeTerminal, sanitizeTerminalText } from '../escape/terminal.js';
import type { Connectivity } from '../../engine/connectivity.js';

/** `SRC => DST : CONNS`, one line per allowed pair (the conformance corpus format). */
export function formatTxt(c: Connectivity): string {
  return sanitizeTerminalText(c.edges.map((e) => `${escapeTerminal(e.src.id)} => ${escapeTerminal(e.dst.id)} : ${e.connections.toString()}\n`).join(''));
}
