import { walkOf, type Connectivity, type ConnectivityWalk, type Node } from '../../engine/connectivity.js';
import { escapeXml as esc } from '../../text/escape/xml.js';
import { joinChunks, type Chunks } from './chunks.js';
import { pairLineChunks, type PairLines } from './pair-lines.js';

/** The document up to its first node (read back by graphology's parser in test/format/graph-files.test.ts). */
export const GEXF_HEAD = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft">',
  '  <meta/>',
  '  <graph defaultedgetype="directed">',
  '    <attributes class="node">',
  '      <attribute id="kind" title="kind" type="string"/>',
  '      <attribute id="namespace" title="namespace" type="string"/>',
  '    </attributes>',
  '    <attributes class="edge">',
  '      <attribute id="connections" title="connections" type="string"/>',
  '    </attributes>',
  '    <nodes>',
].join('\n');

function node(n: Node): string {
  // An outside range has no namespace: the attribute is left out, as graphology-gexf leaves out an empty one.
  const namespace = n.kind === 'external' || n.namespace === '' ? '' : `<attvalue for="namespace" value="${esc(n.namespace)}"/>`;
  return `      <node id="${esc(n.id)}" label="${esc(n.id)}"><attvalues><attvalue for="kind" value="${esc(n.kind)}"/>${namespace}</attvalues></node>\n`;
}

function* head(c: ConnectivityWalk): Generator<string> {
  yield `${GEXF_HEAD}\n`;
  for (const n of c.nodes) yield node(n);
  yield '    </nodes>\n    <edges>\n';
}

/** `<edge id="eN" source="SRC" target="DST">` with the connections as an attribute value. */
const edges = (c: ConnectivityWalk): PairLines => ({
  escape: esc,
  head: head(c),
  numbered: '      <edge id="e',
  start: (src) => `" source="${src}" target="`,
  between: '"><attvalues><attvalue for="connections" value="',
  end: '"/></attvalues></edge>\n',
  tail: '    </edges>\n  </graph>\n</gexf>\n',
});

/**
 * GEXF 1.2 (Gephi), written as it goes. graphology-gexf writes a whole graph built first, so
 * memory grew with the output; this writer emits the same elements and attributes (a test reads
 * it back with graphology-gexf and compares with what graphology-gexf writes).
 */
export const gexfChunks = (c: ConnectivityWalk): Chunks => pairLineChunks(c, edges(c));

export const formatGexf = (c: Connectivity): string => joinChunks(gexfChunks(walkOf(c)));
