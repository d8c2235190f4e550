import { escapeMarkdown } from '../../text/escape/markdown.js';
import type { NamespaceMatrix } from '../../summary/namespace-matrix.js';
import { batch, joinChunks, type Chunks } from '../matrix/chunks.js';
import { pairsText } from './pairs-text.js';

const esc = escapeMarkdown;

function* lines(n: NamespaceMatrix): Generator<string> {
  yield '| src | dst | connections | pod pairs |\n|-----|-----|-------------|-----------|\n';
  for (const c of n.cells) yield `| ${esc(c.src.id)} | ${esc(c.dst.id)} | ${esc(c.connections.toString())} | ${pairsText(c)} |\n`;
  if (n.cells.length === 0) yield '| _none_ | | | |\n';
}

/** A Markdown table, one row per namespace pair with an allowed pod pair. */
export const namespaceMdChunks = (n: NamespaceMatrix): Chunks => batch(lines(n));

export const formatNamespaceMd = (n: NamespaceMatrix): string => joinChunks(namespaceMdChunks(n));
