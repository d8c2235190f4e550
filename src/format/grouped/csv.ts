import { escapeCsvCell } from '../../text/escape/csv.js';
import { sanitizeTerminalText } from '../../text/escape/terminal.js';
import type { GroupedMatrix } from '../../summary/grouped.js';
import { batch, joinChunks, type Chunks } from '../matrix/chunks.js';

function* lines(g: GroupedMatrix): Generator<string> {
  yield 'sources,destinations,connections\n';
  for (const l of g.lines) yield `${[l.sources.text, l.destinations.text, l.connections.toString()].map(escapeCsvCell).join(',')}\n`;
}

/** `sources,destinations,connections` with a header row; each side `a + b` as the text form writes it. */
export const groupedCsvChunks = (g: GroupedMatrix): Chunks => batch(lines(g), sanitizeTerminalText);

export const formatGroupedCsv = (g: GroupedMatrix): string => joinChunks(groupedCsvChunks(g));
