import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMatrix } from '../../src/engine/matrix.js';
import { reportData } from '../../src/format/report/report-data.js';
import { filteredNamespaceMatrix } from '../../src/summary/filtered-namespace-matrix.js';
import { namespaceMatrix } from '../../src/summary/namespace-matrix.js';
import { ownedSnapshot } from '../summary/owned-cluster.js';
import { edgeFilter, filterWords } from '../summary/random-filter.js';

/**
 * The report's heat map is `matrix --level namespace` with the same filters (-n, -l, --from,
 * --to, --port): its cells are that summary's, by name.
 */
describe('the report heat map follows the filters', () => {
  it('equals the namespace level, filtered the same way, on random clusters and filters', () => {
    fc.assert(
      fc.property(ownedSnapshot, filterWords, (snapshot, words) => {
        const m = computeMatrix(snapshot);
        const filter = edgeFilter(snapshot, words);
        const { heat } = reportData(snapshot, m, 'workload', [], 't', filter);
        const expected = filter ? filteredNamespaceMatrix(m, filter) : namespaceMatrix(m);
        const name = (i: number): string => heat.nodes[i]![0];
        const cells = heat.cells.map(([s, d, , allowed, pairs]) => `${name(s)} → ${name(d)} ${allowed}/${pairs}`).sort();
        expect(cells).toEqual(expected.cells.map((c) => `${c.src.id} → ${c.dst.id} ${c.allowed}/${c.pairs}`).sort());
      }),
      { numRuns: 150 },
    );
  });
});
