import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivity, type Node } from '../../src/engine/connectivity.js';
import { filterEdge, type EdgeFilter } from '../../src/engine/edge-filter.js';
import { computeMatrix, type ReachabilityMatrix } from '../../src/engine/matrix.js';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { resolveNodeFilter } from '../../src/query/node-filter.js';
import { resolveTarget } from '../../src/query/resolve.js';
import { parseTarget } from '../../src/query/target-spec.js';
import { groupedMatrix, type GroupedMatrix } from '../../src/summary/grouped.js';
import { ROOT } from '../helpers/run-cli.js';
import { ownedSnapshot } from './owned-cluster.js';
import { edgeFilter, filterWords } from './random-filter.js';

/** Node ids of the units a range stands for: workload nodes as they are, external ranges cut into the blocks the units hold. */
function unitIds(units: readonly Node[], n: Node): string[] {
  if (n.kind !== 'external') return [n.id];
  return units.filter((u) => u.kind === 'external' && u.family === n.family && n.lo <= u.lo && u.hi <= n.hi).map((u) => u.id);
}

/**
 * `src dst` → connections, for every pair of the workload-level matrix, outside ranges cut into
 * blocks; with a filter, the pairs edge-filter.ts keeps of those (a block judged on its own).
 */
function workloadPairs(m: ReachabilityMatrix, units: readonly Node[], filter?: EdgeFilter): Map<string, string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Map<string, string>();
  for (const e of connectivity(m, 'workload').edges)
    for (const s of unitIds(units, e.src))
      for (const d of unitIds(units, e.dst)) {
        const kept = filter ? filterEdge(filter, { src: byId.get(s)!, dst: byId.get(d)!, connections: e.connections }) : e;
        if (kept) out.set(`${s} ${d}`, kept.connections.toString());
      }
  return out;
}

/** The same, from the grouped lines: the union over lines of sources × destinations × connections, no self-pair. */
function groupedPairs(m: ReachabilityMatrix, g: GroupedMatrix): Map<string, string> {
  const acc = new Map<string, number>();
  for (const l of g.lines) {
    const id = m.pool.id(l.connections);
    const sources = new Set(l.sources.descriptors.flatMap((d) => d.units));
    const destinations = new Set(l.destinations.descriptors.flatMap((d) => d.units));
    for (const s of sources)
      for (const d of destinations) {
        if (s === d) continue;
        const key = `${g.units[s]!.id} ${g.units[d]!.id}`;
        acc.set(key, m.pool.union(acc.get(key) ?? 0, id));
      }
  }
  return new Map([...acc].map(([k, id]) => [k, m.pool.get(id).toString()]));
}

const sorted = (m: Map<string, string>): [string, string][] => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));

/**
 * Each workload descriptor, given to `matrix --from`, keeps exactly the workloads it stands for;
 * given to `can`, it stands for exactly their pods (never part of a workload).
 */
function expectAskable(snapshot: Snapshot, m: ReachabilityMatrix, g: GroupedMatrix): void {
  const workloads = connectivity(m, 'workload').nodes.filter((n) => n.kind === 'workload');
  for (const l of g.lines)
    for (const d of [...l.sources.descriptors, ...l.destinations.descriptors]) {
      if (d.kind === 'external') continue;
      const r = resolveNodeFilter(snapshot, d.text);
      expect(r.ok, d.text).toBe(true);
      if (!r.ok) continue;
      expect(workloads.filter(r.matches).map((n) => n.id), d.text).toEqual(d.units.map((u) => g.units[u]!.id).sort());
      const t = parseTarget(d.text);
      const end = t.ok ? resolveTarget(snapshot, t.target, undefined, { blocks: [] }) : undefined;
      if (!end?.ok) throw new Error(`can cannot read ${d.text}`);
      const pods = end.end.members.map((x) => (x.endpoint.kind === 'pod' ? x.endpoint.pod.id : '?')).sort();
      expect(pods, d.text).toEqual(d.units.flatMap((u) => { const n = g.units[u]!; return n.kind === 'workload' ? n.pods.map((p) => p.id) : []; }).sort());
    }
}

function expectExact(snapshot: Snapshot): void {
  const m = computeMatrix(snapshot);
  const g = groupedMatrix(m);
  expect(sorted(groupedPairs(m, g))).toEqual(sorted(workloadPairs(m, g.units)));
  expectAskable(snapshot, m, g);
}

describe('matrix --grouped: the union of its lines is the workload matrix, pair for pair', () => {
  it('on random clusters (workloads of several pods and classes, admin policies, ipBlocks)', () => {
    fc.assert(fc.property(ownedSnapshot, expectExact), { numRuns: 300 });
  });

  it('with random --from, --to, --port, -n and -l: exactly the pairs the filters keep of the workload matrix', () => {
    fc.assert(
      fc.property(ownedSnapshot, filterWords, (snapshot, words) => {
        const m = computeMatrix(snapshot);
        const filter = edgeFilter(snapshot, words);
        const g = groupedMatrix(m, filter);
        expect(sorted(groupedPairs(m, g))).toEqual(sorted(workloadPairs(m, g.units, filter)));
        expect(g.filters).toEqual(filter?.applied);
        expectAskable(snapshot, m, g);
      }),
      { numRuns: 300 },
    );
  });

  const examples = readdirSync(join(ROOT, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  it.each(examples)('examples/%s', (example) => expectExact(loadSnapshot([join(ROOT, 'examples', example)]).snapshot));
});
