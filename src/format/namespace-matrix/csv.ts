import { escapeCsvCell } from '../../text/escape/csv.js';
import { sanitizeTerminalText } from '../../text/escape/terminal.js';
import type { NamespaceMatrix } from '../../summary/namespace-matrix.js';
import { batch, joinChunks, type Chunks } from '../matrix/chunks.js';

function* lines(n: NamespaceMatrix): Generator<string> {
  yield 'src,dst,connections,allowed_pairs,pairs\n';
  for (const c of n.cells) yield `${[c.src.id, c.dst.id, c.connections.toString(), String(c.allowed), String(c.pairs)].map(escapeCsvCell).join(',')}\n`;
}

/** `src,dst,connections,allowed_pairs,pairs` with a header row. */
export const namespaceCsvChunks = (n: NamespaceMatrix): Chunks => batch(lines(n), sanitizeTerminalText);

export const formatNamespaceCsv = (n: NamespaceMatrix): string => joinChunks(namespaceCsvChunks(n));
