import { walkOf, type Connectivity, type ConnectivityWalk, type Node } from '../../engine/connectivity.js';
import { escapeXml as esc } from '../../text/escape/xml.js';
import { joinChunks, type Chunks } from './chunks.js';
import { pairLineChunks, type PairLines } from './pair-lines.js';

/** The document up to its first node (read back by graphology's parser in test/format/graph-files.test.ts). */
export const GRAPHML_HEAD = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
  '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
  '  <key id="namespace" for="node" attr.name="namespace" attr.type="string"/>',
  '  <key id="connections" for="edge" attr.name="connections" attr.type="string"/>',
  '  <graph id="netpol-check" edgedefault="directed">',
].join('\n');

const namespaceOf = (n: Node): string => (n.kind === 'external' ? '' : n.namespace);

function* head(c: ConnectivityWalk): Generator<string> {
  yield `${GRAPHML_HEAD}\n`;
  for (const n of c.nodes) {
    yield `    <node id="${esc(n.id)}"><data key="label">${esc(n.id)}</data><data key="kind">${esc(n.kind)}</data><data key="namespace">${esc(namespaceOf(n))}</data></node>\n`;
  }
}

/** `<edge id="eN" source="SRC" target="DST">` with the connections as a data element. */
const edges = (c: ConnectivityWalk): PairLines => ({
  escape: esc,
  head: head(c),
  numbered: '    <edge id="e',
  start: (src) => `" source="${src}" target="`,
  between: '"><data key="connections">',
  end: '</data></edge>\n',
  tail: '  </graph>\n</graphml>\n',
});

/**
 * GraphML (yEd, Gephi, NetworkX), written as it goes: nodes, then each edge when the walk
 * reaches it. graphology-graphml only parses (a test reads this output back with it), and a
 * graph built whole first grew with the output.
 */
export const graphmlChunks = (c: ConnectivityWalk): Chunks => pairLineChunks(c, edges(c));

export const formatGraphml = (c: Connectivity): string => joinChunks(graphmlChunks(walkOf(c)));
