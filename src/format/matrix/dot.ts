import { quoteDot } from '../escape/dot.js';
import type { Connectivity, Node } from '../../engine/connectivity.js';

const q = quoteDot;

/** Graphviz digraph: namespaces as clusters, external ranges as boxes, edges labelled with ports. */
export function formatDot(c: Connectivity): string {
  const lines = ['digraph netpol {', '  rankdir=LR;', '  node [shape=ellipse, fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];'];
  const byNs = new Map<string, Node[]>();
  for (const n of c.nodes) {
    if (n.kind === 'external') {
      lines.push(`  ${q(n.id)} [shape=box, style=dashed, label=${q(n.id.replace('[External]', ''))}];`);
      continue;
    }
    byNs.set(n.namespace, [...(byNs.get(n.namespace) ?? []), n]);
  }
  let i = 0;
  for (const [ns, nodes] of byNs) {
    lines.push(`  subgraph cluster_${i++} {`, `    label=${q(ns)};`, '    style=rounded;');
    for (const n of nodes) lines.push(`    ${q(n.id)} [label=${q(n.kind === 'external' ? n.id : n.name)}];`);
    lines.push('  }');
  }
  for (const e of c.edges) lines.push(`  ${q(e.src.id)} -> ${q(e.dst.id)} [label=${q(e.connections.toString())}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
