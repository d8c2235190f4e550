import type { Connectivity, ConnectivityWalk, Node } from '../../engine/connectivity.js';
import { escapeXml as esc } from '../../text/escape/xml.js';
import { batch, joinChunks, type Chunks } from './chunks.js';

const HEAD = [
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

function* lines(c: Connectivity | ConnectivityWalk): Generator<string> {
  yield `${HEAD}\n`;
  for (const n of c.nodes) yield node(n);
  yield '    </nodes>\n    <edges>\n';
  let i = 0;
  for (const e of c.edges) {
    yield `      <edge id="e${i++}" source="${esc(e.src.id)}" target="${esc(e.dst.id)}"><attvalues><attvalue for="connections" value="${esc(e.connections.toString())}"/></attvalues></edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

/**
 * GEXF 1.2 (Gephi), written as it goes. graphology-gexf writes a whole graph built first, so
 * memory grew with the output; this writer emits the same elements and attributes (a test reads
 * it back with graphology-gexf and compares with what graphology-gexf writes).
 */
export const gexfChunks = (c: Connectivity | ConnectivityWalk): Chunks => batch(lines(c));

export const formatGexf = (c: Connectivity): string => joinChunks(gexfChunks(c));
