import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivity, connectivityWalk, type Connectivity, type ConnectivityWalk, type Level } from '../../src/engine/connectivity.js';
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
