import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivity, type Edge, type Level } from '../../src/engine/connectivity.js';
import { filterConnectivity, type EdgeFilter } from '../../src/engine/edge-filter.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { neighbourhoods, type Neighbourhoods } from '../../src/format/report/neighbourhoods.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { ownedSnapshot } from '../summary/owned-cluster.js';

/**
 * The report's one walk over the class matrix (src/format/report/neighbourhoods.ts) keeps, per
 * namespace, the pairs with an end there. Checked against `connectivity()` (the pairs every
 * matrix format prints) on random clusters whose pods are often grouped into workloads.
 */
const key = (e: Edge): string => `${e.src.id} → ${e.dst.id}: ${e.connections.toString()}`;
const triples = (nb: Neighbourhoods, flat: readonly number[]): string[] => {
  const U = nb.units.nodes.length;
  const id = (end: number): string => (end < U ? nb.units.nodes[end]!.id : nb.ranges[end - U]!.id);
  const out: string[] = [];
  for (let i = 0; i < flat.length; i += 3) out.push(`${id(flat[i]!)} → ${id(flat[i + 1]!)}: ${nb.conns[flat[i + 2]!]!.toString()}`);
  return out;
};
const BIG = { nodes: 1e6, edges: 1e6, analysed: 1e6 };
const level = fc.constantFrom<Level>('workload', 'pod');

describe('the report walk keeps the pairs of connectivity(), per namespace', () => {
  it('every pair once in all, and in the namespace of each end (no caps reached)', () => {
    fc.assert(
      fc.property(ownedSnapshot, level, (s: Snapshot, lv) => {
        const m = computeMatrix(s);
        const expected = connectivity(m, lv).edges.map(key).sort();
        const nb = neighbourhoods(m, lv, BIG);
        expect(nb.total).toBe(expected.length);
        expect(nb.all!.map(key).sort()).toEqual(expected);
        nb.units.namespaces.forEach((ns, a) => {
          const mine = expected.filter((e) => e.split(' → ').some((end) => end.startsWith(`${ns}/`)));
          expect(triples(nb, nb.views[a]!.edges!).sort()).toEqual(mine);
          const inside = mine.filter((e) => e.split(' → ').every((end) => end.startsWith(`${ns}/`)));
          expect(triples(nb, nb.views[a]!.intra).sort()).toEqual(inside);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('with -n, the pairs of filterConnectivity()', () => {
    fc.assert(
      fc.property(ownedSnapshot, level, fc.constantFrom('a', 'b', 'c'), (s: Snapshot, lv, ns) => {
        const m = computeMatrix(s);
        const filter: EdgeFilter = { namespaces: new Set([ns]), applied: { namespaces: [ns] } };
        const expected = filterConnectivity(connectivity(m, lv), filter);
        const nb = neighbourhoods(m, lv, BIG, filter);
        expect(nb.all!.map(key).sort()).toEqual(expected.edges.map(key).sort());
        const shown = nb.units.nodes.filter((_, u) => nb.shown[u]).map((n) => n.id);
        expect(shown).toEqual(expected.nodes.filter((n) => n.kind !== 'external').map((n) => n.id));
      }),
      { numRuns: 100 },
    );
  });

  it('past the caps a namespace keeps no pair list, and its own pairs up to the cap', () => {
    fc.assert(
      fc.property(ownedSnapshot, (s: Snapshot) => {
        const m = computeMatrix(s);
        const caps = { nodes: 2, edges: 3, analysed: 4 };
        const nb = neighbourhoods(m, 'pod', caps);
        const expected = connectivity(m, 'pod').edges;
        expect(nb.total).toBe(expected.length);
        if (expected.length > caps.analysed) expect(nb.all).toBeUndefined();
        nb.views.forEach((v, a) => {
          const ns = nb.units.namespaces[a]!;
          const mine = expected.filter((e) => [e.src, e.dst].some((n) => n.kind === 'pod' && n.namespace === ns));
          const inside = mine.filter((e) => [e.src, e.dst].every((n) => n.kind === 'pod' && n.namespace === ns));
          if (v.edges) expect(v.edges.length / 3).toBe(mine.length);
          else expect(mine.length > caps.edges || new Set(mine.flatMap((e) => [e.src, e.dst]).filter((n) => n.kind === 'external' || n.namespace !== ns)).size > caps.nodes).toBe(true);
          expect(v.intra.length / 3 + v.intraLeftOut).toBe(inside.length);
          expect(v.intra.length / 3).toBeLessThanOrEqual(caps.edges);
        });
      }),
      { numRuns: 150 },
    );
  });
});
