import type { Connectivity, ConnectivityWalk, Node } from '../../engine/connectivity.js';
import { escapeXml as esc } from '../../text/escape/xml.js';
import { batch, joinChunks, type Chunks } from './chunks.js';

const HEAD = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
  '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
  '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
  '  <key id="namespace" for="node" attr.name="namespace" attr.type="string"/>',
  '  <key id="connections" for="edge" attr.name="connections" attr.type="string"/>',
  '  <graph id="netpol-check" edgedefault="directed">',
].join('\n');

const namespaceOf = (n: Node): string => (n.kind === 'external' ? '' : n.namespace);

function* lines(c: Connectivity | ConnectivityWalk): Generator<string> {
  yield `${HEAD}\n`;
  for (const n of c.nodes) {
    yield `    <node id="${esc(n.id)}"><data key="label">${esc(n.id)}</data><data key="kind">${esc(n.kind)}</data><data key="namespace">${esc(namespaceOf(n))}</data></node>\n`;
  }
  let i = 0;
  for (const e of c.edges) {
    yield `    <edge id="e${i++}" source="${esc(e.src.id)}" target="${esc(e.dst.id)}"><data key="connections">${esc(e.connections.toString())}</data></edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

/**
 * GraphML (yEd, Gephi, NetworkX), written as it goes: nodes, then each edge when the walk
 * reaches it. graphology-graphml only parses (a test reads this output back with it), and a
 * graph built whole first grew with the output.
 */
export const graphmlChunks = (c: Connectivity | ConnectivityWalk): Chunks => batch(lines(c));

export const formatGraphml = (c: Connectivity): string => joinChunks(graphmlChunks(c));
