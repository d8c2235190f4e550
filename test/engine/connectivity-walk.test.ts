import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivity, connectivityWalk, walkOf, type Connectivity, type ConnectivityWalk, type Level } from '../../src/engine/connectivity.js';
import { ConnectionSet } from '../../src/net/connection-set.js';
import { PortSet } from '../../src/net/port-set.js';
import type { Node } from '../../src/engine/node.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import { randomAdminSnapshot, randomSnapshot } from '../helpers/random-cluster.js';
import { ROOT } from '../helpers/run-cli.js';

const LEVELS: Level[] = ['workload', 'pod'];

/** Walks twice (a walk may be repeated) and checks both against the list `connectivity()` makes. */
function expectSame(walk: ConnectivityWalk, list: Connectivity): void {
  expect(walk.level).toBe(list.level);
  expect(walk.nodes).toEqual(list.nodes);
  for (let round = 0; round < 2; round++) {
    // The rows: sources in order, none empty, positions within the node list.
    const rows = [...walk.rows];
    for (const r of rows) {
      expect(r.to.length).toBeGreaterThan(0);
      for (let k = 0; k < r.to.length; k += 2) expect(walk.nodes[r.to[k]!]).toBeDefined();
    }
    expect(rows.reduce((n, r) => n + r.to.length / 2, 0)).toBe(list.edges.length);
    const edges = [...walk.edges];
    expect(edges.length).toBe(list.edges.length);
    edges.forEach((e, i) => {
      const l = list.edges[i]!;
      expect([e.src.id, e.dst.id, e.connections.toString()]).toEqual([l.src.id, l.dst.id, l.connections.toString()]);
    });
  }
}

describe('connectivityWalk: the edges of connectivity(), in the same order, built one by one', () => {
  const examples = readdirSync(join(ROOT, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  it.each(examples.flatMap((e) => LEVELS.map((l) => [e, l] as const)))('examples/%s --level %s', (example, level) => {
    const m = computeMatrix(loadSnapshot([join(ROOT, 'examples', example)]).snapshot);
    expectSame(connectivityWalk(m, level), connectivity(m, level));
  });

  it('on random clusters (NetworkPolicy, admin policies)', () => {
    fc.assert(
      fc.property(fc.oneof(randomSnapshot, randomAdminSnapshot), fc.constantFrom(...LEVELS), (snapshot, level) => {
        const m = computeMatrix(snapshot);
        expectSame(connectivityWalk(m, level), connectivity(m, level));
      }),
      { numRuns: 400 },
    );
  });
});

describe('walkOf: a connectivity given as a list, walked by rows', () => {
  const node = (id: string): Node => ({ kind: 'external', id, family: 4, lo: 0n, hi: 0n });

  it('gives back the edges in their order, one row per run of the same source, sets by id', () => {
    const [a, b, c] = [node('a'), node('b'), node('c')];
    const tcp = ConnectionSet.of({ TCP: PortSet.ALL });
    // Sources need not be sorted nor grouped: a comes back after b (a second row for a).
    const edges = [
      { src: a, dst: b, connections: ConnectionSet.ALL },
      { src: a, dst: c, connections: tcp },
      { src: b, dst: a, connections: ConnectionSet.ALL },
      { src: a, dst: a, connections: ConnectionSet.ALL },
    ];
    const w = walkOf({ level: 'workload', nodes: [a, b, c], edges });
    expect([...w.rows].map((r) => [r.src, [...r.to].filter((_, k) => k % 2 === 0)])).toEqual([
      [0, [1, 2]],
      [1, [0]],
      [0, [0]],
    ]);
    for (const r of w.rows) for (let k = 1; k < r.to.length; k += 2) expect(w.pool.get(r.to[k]!)).toBeInstanceOf(ConnectionSet);
    expect([...w.edges]).toEqual(edges);
  });

  it('refuses an edge whose end is not among the nodes (a caller\'s mistake, not input)', () => {
    const [a, b] = [node('a'), node('b')];
    expect(() => walkOf({ level: 'workload', nodes: [a], edges: [{ src: a, dst: b, connections: ConnectionSet.ALL }] })).toThrow(/edge end b/);
  });
});
