import { quoteDot } from '../../text/escape/dot.js';
import { walkOf, type Connectivity, type ConnectivityWalk, type Node } from '../../engine/connectivity.js';
import { joinChunks, markGuarded, type Chunks } from './chunks.js';
import { pairLineChunks, type PairLines } from './pair-lines.js';

const q = quoteDot;

/** The digraph's opening and nodes: namespaces as clusters, external ranges as boxes. */
function* nodes(c: ConnectivityWalk): Generator<string> {
  yield 'digraph netpol {\n  rankdir=LR;\n  node [shape=ellipse, fontname="Helvetica"];\n  edge [fontname="Helvetica", fontsize=10];\n';
  const byNs = new Map<string, Node[]>();
  for (const n of c.nodes) {
    if (n.kind === 'external') {
      yield `  ${q(n.id)} [shape=box, style=dashed, label=${q(n.id.replace('[External]', ''))}];\n`;
      continue;
    }
    let list = byNs.get(n.namespace);
    if (!list) byNs.set(n.namespace, (list = []));
    list.push(n);
  }
  let i = 0;
  for (const [ns, members] of byNs) {
    yield `  subgraph cluster_${i++} {\n    label=${q(ns)};\n    style=rounded;\n`;
    for (const n of members) yield `    ${q(n.id)} [label=${q(n.kind === 'external' ? n.id : n.name)}];\n`;
    yield '  }\n';
  }
}

const edges = (c: ConnectivityWalk): PairLines => ({
  escape: q,
  head: nodes(c),
  start: (src) => `  ${src} -> `,
  between: ' [label=',
  end: '];\n',
  tail: '}\n',
});

/**
 * The Graphviz digraph in chunks of about 64 KiB; every line as `sanitizeTerminalText` leaves it:
 * each value is quoted (no control character), and a line's first character after its blanks is
 * `"`, a letter or `}`, never the `::` or `##[` of a workflow command.
 */
export const dotChunks = (c: ConnectivityWalk): Chunks => markGuarded(pairLineChunks(c, edges(c)));

/** Graphviz digraph: namespaces as clusters, external ranges as boxes, edges labelled with ports. */
export function formatDot(c: Connectivity): string {
  return joinChunks(dotChunks(walkOf(c)));
}
