import { escapeTerminal, sanitizeTerminalText } from '../../text/escape/terminal.js';
import type { NamespaceMatrix } from '../../summary/namespace-matrix.js';
import { batch, joinChunks, type Chunks } from '../matrix/chunks.js';
import { pairsText } from './pairs-text.js';

function* lines(n: NamespaceMatrix): Generator<string> {
  for (const c of n.cells) yield `${escapeTerminal(c.src.id)} => ${escapeTerminal(c.dst.id)} : ${c.connections.toString()} : ${pairsText(c)}\n`;
}

/** `SRC => DST : CONNS : all (40) | some (12/40)`, one line per namespace pair with an allowed pod pair. */
export const namespaceTxtChunks = (n: NamespaceMatrix): Chunks => batch(lines(n), sanitizeTerminalText);

export const formatNamespaceTxt = (n: NamespaceMatrix): string => joinChunks(namespaceTxtChunks(n));
