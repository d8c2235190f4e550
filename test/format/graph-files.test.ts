import fc from 'fast-check';
import { DirectedGraph } from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { connectivity, connectivityWalk, type Connectivity } from '../../src/engine/connectivity.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { formatGexf, gexfChunks } from '../../src/format/matrix/gexf.js';
import { formatGraphml, graphmlChunks } from '../../src/format/matrix/graphml.js';
import { joinChunks } from '../../src/format/matrix/chunks.js';
import { reachGraph, type ReachGraph } from '../../src/graph/reach-graph.js';
import { xmlSafeText } from '../../src/text/escape/xml.js';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import { randomSnapshot } from '../helpers/random-cluster.js';
import { ROOT } from '../helpers/run-cli.js';

/** What graphology-gexf writes for the same graph (ids and values made XML-safe first): the reference. */
function graphologyGexf(c: Connectivity): string {
  const g = reachGraph(c);
  const safe = new DirectedGraph();
  g.forEachNode((n, a) => safe.mergeNode(xmlSafeText(n), { ...a, label: xmlSafeText(a.label), namespace: xmlSafeText(a.namespace) }));
  g.forEachEdge((_e, a, s, t) => safe.mergeDirectedEdge(xmlSafeText(s), xmlSafeText(t), { connections: xmlSafeText(a.connections) }));
  return gexf.write(safe);
}

/** Nodes with attributes and edges with attributes, in order; edge keys (writer-chosen ids) left out. */
function content(g: DirectedGraph | ReachGraph): unknown {
  const nodes: unknown[] = [];
  g.forEachNode((n, a) => nodes.push([n, a]));
  const edges: unknown[] = [];
  g.forEachEdge((_e, a, s, t) => edges.push([s, t, a]));
  return { nodes, edges };
}

const checkBoth = (c: Connectivity): void => {
  // GEXF: graphology-gexf reads ours as it reads its own.
  expect(content(gexf.parse(DirectedGraph, formatGexf(c)))).toEqual(content(gexf.parse(DirectedGraph, graphologyGexf(c))));
  // GraphML: graphology-graphml reads ours back to the reach graph.
  expect(content(graphml.parse(DirectedGraph, formatGraphml(c)))).toEqual(content(reachGraph(c)));
};

describe('GEXF and GraphML, written as they go', () => {
  it('read back (graphology-gexf, graphology-graphml) to the same graph as graphology writes, on the examples', () => {
    for (const example of ['three-tier', 'multi-namespace', 'admin-policies', 'kubectl-list']) {
      const m = computeMatrix(loadSnapshot([`${ROOT}/examples/${example}`]).snapshot);
      for (const level of ['workload', 'pod'] as const) checkBoth(connectivity(m, level));
    }
  });

  it('the same on random clusters, and chunk by chunk the same text as whole', () => {
    fc.assert(
      fc.property(randomSnapshot, (snapshot) => {
        const m = computeMatrix(snapshot);
        const c = connectivity(m, 'workload');
        checkBoth(c);
        expect(joinChunks(gexfChunks(connectivityWalk(m, 'workload')))).toBe(formatGexf(c));
        expect(joinChunks(graphmlChunks(connectivityWalk(m, 'workload')))).toBe(formatGraphml(c));
      }),
      { numRuns: 150, seed: 19 },
    );
  });
});
