import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivity, type Level } from '../../src/engine/connectivity.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { ExploreModel } from '../../cli/tui/model.js';
import { ownedSnapshot } from '../summary/owned-cluster.js';

const text = (peers: { node: { id: string }; connections: { toString(): string } }[]): string[] => peers.map((p) => `${p.node.id} ${p.connections.toString()}`);

describe('the explorer makes a node peers when shown: the same, in the same order, as the edges of the matrix', () => {
  it.each<Level>(['workload', 'pod'])('%s level, on random clusters', (level) => {
    fc.assert(
      fc.property(ownedSnapshot, (snapshot) => {
        const m = computeMatrix(snapshot);
        const model = new ExploreModel(snapshot, m, [], level);
        const edges = connectivity(m, level).edges;
        for (const e of model.entries) {
          expect(text(model.peers(e.node.id, 'out'))).toEqual(text(edges.filter((x) => x.src.id === e.node.id).map((x) => ({ node: x.dst, connections: x.connections }))));
          expect(text(model.peers(e.node.id, 'in'))).toEqual(text(edges.filter((x) => x.dst.id === e.node.id).map((x) => ({ node: x.src, connections: x.connections }))));
        }
        expect(model.counts.openPairs).toBe(edges.filter((x) => x.src.kind !== 'external' && x.dst.kind !== 'external').length);
      }),
      { numRuns: 150 },
    );
  });
});
