import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivity } from '../../src/engine/connectivity.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { nodeIdPairs, nodePairs } from '../../src/engine/node-pairs.js';
import { randomAdminSnapshot, randomSnapshot } from '../helpers/random-cluster.js';

/**
 * nodePairs computes one node's destinations (toNodes) or sources (fromNodes) when asked
 * (src/engine/node-pairs.ts), so that no nodes² table is kept: each must be the matrix's
 * node-to-node edges of that node, the sources the transpose of the destinations.
 */
describe('per-node destinations and sources', () => {
  it.each(['workload', 'pod'] as const)('at %s level, on random clusters (with and without admin policies)', (level) => {
    fc.assert(
      fc.property(fc.oneof(randomSnapshot, randomAdminSnapshot), (snapshot) => {
        const m = computeMatrix(snapshot);
        const p = nodePairs(m, level);
        const index = new Map(p.nodes.map((n, i) => [n.id, i]));
        const out: [number, number][][] = p.nodes.map(() => []);
        const into: [number, number][][] = p.nodes.map(() => []);
        for (const e of connectivity(m, level).edges) {
          const a = index.get(e.src.id);
          const b = index.get(e.dst.id);
          if (a === undefined || b === undefined) continue; // an external range at one end
          out[a]!.push([b, m.pool.id(e.connections)]);
          into[b]!.push([a, m.pool.id(e.connections)]);
        }
        p.nodes.forEach((_, a) => {
          expect(nodeIdPairs(p.toNodes(a))).toEqual(out[a]);
          expect(nodeIdPairs(p.fromNodes(a))).toEqual(into[a]!.sort((x, y) => x[0] - y[0]));
        });
      }),
      { numRuns: 200 },
    );
  });
});
