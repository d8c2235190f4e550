import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivity, externalId, type Node } from '../../src/engine/connectivity.js';
import { filterEdge, type EdgeFilter } from '../../src/engine/edge-filter.js';
import { computeMatrix, type ReachabilityMatrix } from '../../src/engine/matrix.js';
import { ConnectionSet } from '../../src/net/connection-set.js';
import { filteredNamespaceMatrix } from '../../src/summary/filtered-namespace-matrix.js';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { namespaceMatrix, type NamespaceMatrix, type NamespaceNode } from '../../src/summary/namespace-matrix.js';
import { ROOT } from '../helpers/run-cli.js';
import { ownedSnapshot } from './owned-cluster.js';
import { edgeFilter, filterWords } from './random-filter.js';

interface Count {
  allowed: number;
  pairs: number;
  connections: string;
}

/**
 * Pod pair by pod pair (and pod by block for outside addresses), from the engine's per-pair
 * answer: `src dst` → count, with outside ranges cut into the engine's blocks. With a filter, the
 * pairs edge-filter.ts keeps: a pair counts when its ends pass (its pods' workloads, or the
 * block), and is allowed when a connection is left after --port.
 */
function bruteForce(snapshot: Snapshot, filter?: EdgeFilter): Map<string, Count> {
  const m = computeMatrix(snapshot);
  const P = m.pods.classes.length;
  const workloadOf = new Map(connectivity(m, 'workload').nodes.flatMap((n) => (n.kind === 'workload' ? n.pods.map((p) => [p, n] as const) : [])));
  const acc = new Map<string, { allowed: number; pairs: number; id: number }>();
  const add = (key: string, src: Node, dst: Node, id: number): void => {
    let kept = id;
    if (filter) {
      if (!filterEdge(filter, { src, dst, connections: ConnectionSet.ALL })) return; // an end does not pass
      kept = m.pool.id(filterEdge(filter, { src, dst, connections: m.pool.get(id) })?.connections ?? ConnectionSet.NONE);
    }
    const a = acc.get(key) ?? { allowed: 0, pairs: 0, id: 0 };
    a.pairs++;
    if (kept !== 0) a.allowed++;
    a.id = m.pool.union(a.id, kept);
    acc.set(key, a);
  };
  const blocks = m.blocks.flatMap((b, x) => (b.family === 6 && !m.showIpv6 ? [] : [{ x, id: `${b.family}:${b.lo}-${b.hi}`, node: { kind: 'external' as const, id: externalId(b.family, b.lo, b.hi), family: b.family, lo: b.lo, hi: b.hi } }]));
  for (const p of snapshot.pods) {
    const s = m.pods.classOf.get(p)!;
    const wp = workloadOf.get(p)!;
    for (const q of snapshot.pods) if (p !== q) add(`${p.namespace} ${q.namespace}`, wp, workloadOf.get(q)!, m.connectionId(s, m.pods.classOf.get(q)!));
    for (const b of blocks) {
      add(`${p.namespace} ${b.id}`, wp, b.node, m.connectionId(s, P + b.x));
      add(`${b.id} ${p.namespace}`, b.node, wp, m.connectionId(P + b.x, s));
    }
  }
  return new Map([...acc].filter(([, a]) => a.allowed > 0).map(([k, a]) => [k, { allowed: a.allowed, pairs: a.pairs, connections: m.pool.get(a.id).toString() }]));
}

/** The namespace level with its merged ranges cut back into blocks. */
function fromSummary(snapshot: Snapshot, summarise: (m: ReachabilityMatrix) => NamespaceMatrix = namespaceMatrix): Map<string, Count> {
  const m = computeMatrix(snapshot);
  const ids = (n: NamespaceNode): string[] =>
    n.kind === 'namespace' ? [n.id] : m.blocks.filter((b) => b.family === n.family && n.lo <= b.lo && b.hi <= n.hi).map((b) => `${b.family}:${b.lo}-${b.hi}`);
  const out = new Map<string, Count>();
  for (const c of summarise(m).cells)
    for (const s of ids(c.src)) for (const d of ids(c.dst)) out.set(`${s} ${d}`, { allowed: c.allowed, pairs: c.pairs, connections: c.connections.toString() });
  return out;
}

const sorted = (m: Map<string, Count>): [string, Count][] => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('matrix --level namespace: counts and connections equal a count over pod pairs', () => {
  it('on random clusters', () => {
    fc.assert(
      fc.property(ownedSnapshot, (s) => {
        expect(sorted(fromSummary(s))).toEqual(sorted(bruteForce(s)));
      }),
      { numRuns: 300 },
    );
  });

  it('with random --from, --to, --port, -n and -l: the same count over the pairs the filters keep', () => {
    fc.assert(
      fc.property(ownedSnapshot, filterWords, (s, words) => {
        const filter = edgeFilter(s, words) ?? { applied: {} };
        expect(sorted(fromSummary(s, (m) => filteredNamespaceMatrix(m, filter)))).toEqual(sorted(bruteForce(s, filter)));
      }),
      { numRuns: 300 },
    );
  });

  const examples = readdirSync(join(ROOT, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  it.each(examples)('examples/%s', (example) => {
    const s = loadSnapshot([join(ROOT, 'examples', example)]).snapshot;
    expect(sorted(fromSummary(s))).toEqual(sorted(bruteForce(s)));
  });
});
