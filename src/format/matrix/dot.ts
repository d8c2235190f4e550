import { quoteDot } from '../../text/escape/dot.js';
import { walkOf, type Connectivity, type ConnectivityWalk, type Node } from '../../engine/connectivity.js';
import { ChunkBuilder, joinChunks, type Chunks } from './chunks.js';
import { perIndex } from './escaped-once.js';

const q = quoteDot;

/** The digraph in chunks of about 64 KiB (chunks.ts), without a generator step per line. */
function* chunks(c: ConnectivityWalk): Generator<string> {
  const out = new ChunkBuilder();
  out.add('digraph netpol {\n  rankdir=LR;\n  node [shape=ellipse, fontname="Helvetica"];\n  edge [fontname="Helvetica", fontsize=10];\n');
  const byNs = new Map<string, Node[]>();
  for (const n of c.nodes) {
    if (n.kind === 'external') {
      out.add(`  ${q(n.id)} [shape=box, style=dashed, label=${q(n.id.replace('[External]', ''))}];\n`);
      if (out.full) yield out.take();
      continue;
    }
    let list = byNs.get(n.namespace);
    if (!list) byNs.set(n.namespace, (list = []));
    list.push(n);
  }
  let i = 0;
  for (const [ns, nodes] of byNs) {
    out.add(`  subgraph cluster_${i++} {\n    label=${q(ns)};\n    style=rounded;\n`);
    for (const n of nodes) {
      out.add(`    ${q(n.id)} [label=${q(n.kind === 'external' ? n.id : n.name)}];\n`);
      if (out.full) yield out.take();
    }
    out.add('  }\n');
  }
  const name = c.nodes.map((n) => q(n.id));
  const label = perIndex((id) => q(c.pool.get(id).toString()));
  for (const r of c.rows) {
    const start = `  ${name[r.src]} -> `;
    for (let k = 0; k < r.to.length; k += 2) {
      out.add(`${start}${name[r.to[k]!]} [label=${label(r.to[k + 1]!)}];\n`);
      if (out.full) yield out.take();
    }
  }
  out.add('}\n');
  yield out.take();
}

/** The Graphviz digraph in chunks of about 64 KiB. */
export const dotChunks = (c: ConnectivityWalk): Chunks => chunks(c);

/** Graphviz digraph: namespaces as clusters, external ranges as boxes, edges labelled with ports. */
export function formatDot(c: Connectivity): string {
  return joinChunks(dotChunks(walkOf(c)));
}
