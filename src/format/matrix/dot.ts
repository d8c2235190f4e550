import { quoteDot } from '../../text/escape/dot.js';
import type { Connectivity, ConnectivityWalk, Node } from '../../engine/connectivity.js';
import { batch, joinChunks, type Chunks } from './chunks.js';
import { oncePerObject, oncePerString } from './escaped-once.js';

const q = quoteDot;

function* lines(c: ConnectivityWalk): Generator<string> {
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
  for (const [ns, nodes] of byNs) {
    yield `  subgraph cluster_${i++} {\n    label=${q(ns)};\n    style=rounded;\n`;
    for (const n of nodes) yield `    ${q(n.id)} [label=${q(n.kind === 'external' ? n.id : n.name)}];\n`;
    yield '  }\n';
  }
  const name = oncePerObject((n: Node) => q(n.id));
  const label = oncePerString(q);
  for (const e of c.edges) yield `  ${name(e.src)} -> ${name(e.dst)} [label=${label(e.connections.toString())}];\n`;
  yield '}\n';
}

/** The Graphviz digraph in chunks of about 64 KiB. */
export const dotChunks = (c: ConnectivityWalk): Chunks => batch(lines(c));

/** Graphviz digraph: namespaces as clusters, external ranges as boxes, edges labelled with ports. */
export function formatDot(c: Connectivity): string {
  return joinChunks(dotChunks(c));
}
