import { escapeXml, xmlSafeText } from '../text/escape/xml.js';
import gexf from 'graphology-gexf';
import type { ReachGraph } from './reach-graph.js';

/** GEXF 1.2 (Gephi), written by graphology-gexf. */
export function toGexf(g: ReachGraph): string {
  return gexf.write(xmlSafe(g));
}

/**
 * graphology-gexf escapes markup characters but writes control characters as they are, which
 * XML forbids: a copy of the graph with them made visible (escape/xml.ts).
 */
function xmlSafe(g: ReachGraph): ReachGraph {
  const copy = g.nullCopy() as ReachGraph;
  g.forEachNode((n, a) => copy.mergeNode(xmlSafeText(n), { ...a, label: xmlSafeText(a.label), namespace: xmlSafeText(a.namespace) }));
  g.forEachEdge((_e, a, s, t) => copy.mergeDirectedEdge(xmlSafeText(s), xmlSafeText(t), { connections: xmlSafeText(a.connections) }));
  return copy;
}

const esc = escapeXml;

/**
 * GraphML (yEd, Gephi, NetworkX). graphology-graphml only parses, so this small writer emits the
 * same attributes; a test reads its output back with graphology-graphml.
 */
export function toGraphml(g: ReachGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="namespace" for="node" attr.name="namespace" attr.type="string"/>',
    '  <key id="connections" for="edge" attr.name="connections" attr.type="string"/>',
    '  <graph id="netpol-check" edgedefault="directed">',
  ];
  g.forEachNode((n, a) => {
    lines.push(`    <node id="${esc(n)}"><data key="label">${esc(a.label)}</data><data key="kind">${esc(a.kind)}</data><data key="namespace">${esc(a.namespace)}</data></node>`);
  });
  let i = 0;
  g.forEachEdge((_e, a, s, t) => {
    lines.push(`    <edge id="e${i++}" source="${esc(s)}" target="${esc(t)}"><data key="connections">${esc(a.connections)}</data></edge>`);
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
