import { escapeCsvCell } from '../../../src/text/escape/csv.js';
import { quoteDot as q } from '../../../src/text/escape/dot.js';
import { escapeMarkdown as esc } from '../../../src/text/escape/markdown.js';
import { escapeTerminal, sanitizeTerminalText } from '../../../src/text/escape/terminal.js';
import { escapeXml as xml } from '../../../src/text/escape/xml.js';
import { GEXF_HEAD } from '../../../src/format/matrix/gexf.js';
import { GRAPHML_HEAD } from '../../../src/format/matrix/graphml.js';
import type { Connectivity, Node } from '../../../src/engine/connectivity.js';
import type { ReachabilityMatrix } from '../../../src/engine/matrix.js';
import { matrixJson } from '../../../src/format/matrix/json.js';
import type { InputStatus } from '../../../src/load/input-status.js';

/**
 * The matrix formatters as they were before streaming (each output built as one string),
 * kept verbatim as the oracle the streamed formatters must equal byte for byte.
 */
export const STRING_FORMATTERS = {
  txt: (c: Connectivity): string => sanitizeTerminalText(c.edges.map((e) => `${escapeTerminal(e.src.id)} => ${escapeTerminal(e.dst.id)} : ${e.connections.toString()}\n`).join('')),
  csv: (c: Connectivity): string => {
    const lines = ['src,dst,connections'];
    for (const e of c.edges) lines.push([e.src.id, e.dst.id, e.connections.toString()].map(escapeCsvCell).join(','));
    return sanitizeTerminalText(`${lines.join('\n')}\n`);
  },
  md: (c: Connectivity): string => {
    const lines = ['| src | dst | connections |', '|-----|-----|-------------|'];
    for (const e of c.edges) lines.push(`| ${esc(e.src.id)} | ${esc(e.dst.id)} | ${esc(e.connections.toString())} |`);
    if (c.edges.length === 0) lines.push('| _none_ | | |');
    return `${lines.join('\n')}\n`;
  },
  dot: (c: Connectivity): string => {
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
  },
  json: (c: Connectivity, m: ReachabilityMatrix, input?: InputStatus): string => `${JSON.stringify(matrixJson(c, m, input), null, 2)}\n`,
  // GEXF and GraphML as their writers stood before they wrote bytes, each line a string (their
  // fixed heads are shared: test/format/graph-files.test.ts reads whole documents back with
  // graphology's parsers).
  gexf: (c: Connectivity): string => {
    const lines = [GEXF_HEAD];
    for (const n of c.nodes) {
      const namespace = n.kind === 'external' || n.namespace === '' ? '' : `<attvalue for="namespace" value="${xml(n.namespace)}"/>`;
      lines.push(`      <node id="${xml(n.id)}" label="${xml(n.id)}"><attvalues><attvalue for="kind" value="${xml(n.kind)}"/>${namespace}</attvalues></node>`);
    }
    lines.push('    </nodes>', '    <edges>');
    c.edges.forEach((e, i) => lines.push(`      <edge id="e${i}" source="${xml(e.src.id)}" target="${xml(e.dst.id)}"><attvalues><attvalue for="connections" value="${xml(e.connections.toString())}"/></attvalues></edge>`));
    lines.push('    </edges>', '  </graph>', '</gexf>');
    return `${lines.join('\n')}\n`;
  },
  graphml: (c: Connectivity): string => {
    const lines = [GRAPHML_HEAD];
    for (const n of c.nodes) {
      lines.push(`    <node id="${xml(n.id)}"><data key="label">${xml(n.id)}</data><data key="kind">${xml(n.kind)}</data><data key="namespace">${xml(n.kind === 'external' ? '' : n.namespace)}</data></node>`);
    }
    c.edges.forEach((e, i) => lines.push(`    <edge id="e${i}" source="${xml(e.src.id)}" target="${xml(e.dst.id)}"><data key="connections">${xml(e.connections.toString())}</data></edge>`));
    lines.push('  </graph>', '</graphml>');
    return `${lines.join('\n')}\n`;
  },
} as const;
