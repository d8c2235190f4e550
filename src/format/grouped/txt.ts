import { escapeTerminal, sanitizeTerminalText } from '../../text/escape/terminal.js';
import type { GroupedMatrix } from '../../summary/grouped.js';
import { batch, joinChunks, type Chunks } from '../matrix/chunks.js';

function* lines(g: GroupedMatrix): Generator<string> {
  for (const l of g.lines) yield `${escapeTerminal(l.sources.text)} => ${escapeTerminal(l.destinations.text)} : ${l.connections.toString()}\n`;
}

/**
 * `SOURCES => DESTINATIONS : CONNS`: each side a union (`a + b`) of what `can` and
 * `matrix --from/--to` take; every source to every destination other than itself.
 */
export const groupedTxtChunks = (g: GroupedMatrix): Chunks => batch(lines(g), sanitizeTerminalText);

export const formatGroupedTxt = (g: GroupedMatrix): string => joinChunks(groupedTxtChunks(g));
