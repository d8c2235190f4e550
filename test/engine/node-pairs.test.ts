import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivity } from '../../src/engine/connectivity.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { nodeIdPairs, nodePairs } from '../../src/engine/node-pairs.js';
import type { Node } from '../../src/engine/node.js';
import type { ReachabilityMatrix } from '../../src/engine/matrix.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
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

  /** The pods of a node, and node a's destinations pair by pair from the class matrix (no accumulator, no drain). */
  const podsOf = (n: Node) => (n.kind === 'workload' ? n.pods : n.kind === 'pod' ? [n.pod] : []);
  function byPairs(m: ReachabilityMatrix, nodes: readonly Node[], a: number): [number, number][] {
    const from = podsOf(nodes[a]!).map((p) => m.pods.classOf.get(p)!);
    const out: [number, number][] = [];
    nodes.forEach((n, b) => {
      if (b === a) return;
      let id = 0;
      for (const s of from) for (const p of podsOf(n)) id = m.pool.union(id, m.connectionId(s, m.pods.classOf.get(p)!));
      if (id !== 0) out.push([b, id]);
    });
    return out;
  }

  it('destinations equal the class matrix read pair by pair, whether a row reaches many nodes (read in index order) or few (sorted)', () => {
    // node-pairs.ts drains a row by one pass over the nodes when it reaches at least a sixteenth
    // of them, by sorting the touched indices otherwise: both ways must give the same list.
    let many = 0;
    let few = 0;
    fc.assert(
      fc.property(fc.oneof(randomSnapshot, randomAdminSnapshot), fc.constantFrom('workload', 'pod' as const), (snapshot, level) => {
        const m = computeMatrix(snapshot);
        const p = nodePairs(m, level as 'workload' | 'pod');
        p.nodes.forEach((_, a) => {
          const got = nodeIdPairs(p.toNodes(a));
          if (got.length * 16 >= p.nodes.length) many++;
          else if (got.length > 0) few++; // a row with no destination proves nothing
          expect(got).toEqual(byPairs(m, p.nodes, a));
        });
      }),
      { numRuns: 200 },
    );
    // Random clusters are small: a row that reaches anything reaches a sixteenth. A ring of 200
    // pods, each taking ingress only from the next, plus 10 open pods: every row reaches 10 or 11.
    const pods = Array.from({ length: 200 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: ring, labels: {app: p${i}}}\nspec: {containers: [{name: c, image: x}]}\n`);
    const policies = Array.from({ length: 190 }, (_, i) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np${i}, namespace: ring}\nspec: {podSelector: {matchLabels: {app: p${i}}}, ingress: [{from: [{podSelector: {matchLabels: {app: p${(i + 1) % 200}}}}]}]}\n`);
    const m = computeMatrix(loadTexts([{ file: 'ring.yaml', text: [...pods, ...policies].join('---\n') }]).snapshot);
    const p = nodePairs(m, 'pod');
    expect(p.nodes.length).toBe(200);
    p.nodes.forEach((_, a) => {
      const got = nodeIdPairs(p.toNodes(a));
      expect(got.length * 16).toBeLessThan(p.nodes.length);
      expect(got.length).toBeGreaterThan(0);
      few++;
      expect(got).toEqual(byPairs(m, p.nodes, a));
    });
    expect(many).toBeGreaterThan(0);
    expect(few).toBeGreaterThan(0);
  });
});
