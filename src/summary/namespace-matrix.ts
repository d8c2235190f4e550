import { forEachSetBit } from '../engine/bitset.js';
import type { ReachabilityMatrix, Row } from '../engine/matrix.js';
import type { AppliedFilters } from '../engine/edge-filter.js';
import { byId, externalId } from '../engine/node.js';
import type { ConnectionSet } from '../net/connection-set.js';
import type { IpFamily } from '../net/ip-address.js';

/** A row or column of the namespace level: a namespace, or an outside address range. */
export type NamespaceNode = { kind: 'namespace'; id: string } | { kind: 'external'; id: string; family: IpFamily; lo: bigint; hi: bigint };

/**
 * What one namespace (or range) may open to another. `pairs` counts pod pairs: a source pod and
 * a different destination pod (an outside range counts as one end), `allowed` of them with
 * some connection; `connections` is the union over those pairs.
 */
export interface NamespaceCell {
  src: NamespaceNode;
  dst: NamespaceNode;
  connections: ConnectionSet;
  allowed: number;
  pairs: number;
}

export interface NamespaceMatrix {
  level: 'namespace';
  nodes: NamespaceNode[];
  /** Sorted by source id, then destination id; cells with no allowed pair are left out. */
  cells: NamespaceCell[];
  /** Set when only the pairs some filters keep are counted (filtered-namespace-matrix.ts). */
  filters?: AppliedFilters;
}

/** Per destination namespace (or block): connection id → pods (or blocks) and classes that get it. */
type Spread = Map<number, Map<number, { pods: number; classes: number }>>;

/** A row's destinations summed by namespace, computed once per distinct row (classes share rows). */
function spreadOf(row: Row, nsOfClass: Int32Array, podsOfClass: Int32Array, P: number): { byNs: Spread; blocks: Map<number, number> } {
  const byNs: Spread = new Map();
  const blocks = new Map<number, number>();
  row.ids.forEach((id, i) => {
    forEachSetBit(row.bits[i]!, (d) => {
      if (d >= P) {
        blocks.set(d - P, id);
        return;
      }
      const ns = nsOfClass[d]!;
      let ids = byNs.get(ns);
      if (!ids) byNs.set(ns, (ids = new Map()));
      const acc = ids.get(id);
      if (acc) {
        acc.pods += podsOfClass[d]!;
        acc.classes++;
      } else ids.set(id, { pods: podsOfClass[d]!, classes: 1 });
    });
  });
  return { byNs, blocks };
}

interface Acc {
  id: number;
  allowed: number;
}

/**
 * Namespace × namespace, with outside address ranges as their own rows and columns (adjacent
 * blocks merged where they give the same answer, as the workload level shows them). Computed
 * from the class matrix: the cost follows the distinct rows and their set bits, the classes,
 * and per distinct (row, namespace) the namespaces that row reaches — not the pod pairs.
 */
export function namespaceMatrix(m: ReachabilityMatrix): NamespaceMatrix {
  const P = m.pods.classes.length;
  const names = [...new Set(m.pods.classes.map((c) => c.namespace))].sort();
  const nsIndex = new Map(names.map((n, i) => [n, i]));
  const nsOfClass = Int32Array.from(m.pods.classes, (c) => nsIndex.get(c.namespace)!);
  const podsOfClass = Int32Array.from(m.pods.classes, (c) => c.pods.length);
  const podsOfNs = new Float64Array(names.length);
  m.pods.classes.forEach((c, i) => (podsOfNs[nsOfClass[i]!]! += c.pods.length));

  const spreads = new Map<Row, ReturnType<typeof spreadOf>>();
  const spread = (row: Row) => {
    let s = spreads.get(row);
    if (!s) spreads.set(row, (s = spreadOf(row, nsOfClass, podsOfClass, P)));
    return s;
  };
  const union = (a: number, b: number): number => m.pool.union(a, b);
  const cellOf = (acc: Map<number, Acc>, key: number): Acc => {
    let c = acc.get(key);
    if (!c) acc.set(key, (c = { id: 0, allowed: 0 }));
    return c;
  };

  // Namespace → namespace and namespace → block. Classes of one namespace that share a row count
  // together (their pods times the row's counts); only pairs inside the own namespace need each
  // class alone, to leave out a pod and itself.
  const toNs: Map<number, Acc>[] = names.map(() => new Map());
  const toBlock: Map<number, Acc>[] = names.map(() => new Map());
  const sharing = new Map<Row, Map<number, number>>();
  for (let s = 0; s < P; s++) {
    const a = nsOfClass[s]!;
    const n = podsOfClass[s]!;
    const row = m.rows[s]!;
    let byNs = sharing.get(row);
    if (!byNs) sharing.set(row, (byNs = new Map()));
    byNs.set(a, (byNs.get(a) ?? 0) + n);
    const ids = spread(row).byNs.get(a);
    if (!ids) continue;
    const own = m.connectionId(s, s);
    const cell = cellOf(toNs[a]!, a);
    for (const [id, g] of ids) {
      let pods = g.pods;
      if (id === own) {
        pods -= 1; // a pod and itself are not a pair
        if (n === 1 && g.classes === 1) continue; // this class alone, and it has one pod: no pair gets `id`
      }
      cell.allowed += n * pods;
      cell.id = union(cell.id, id);
    }
  }
  for (const [row, byNs] of sharing) {
    const { byNs: to, blocks } = spread(row);
    for (const [a, n] of byNs) {
      for (const [b, ids] of to) {
        if (b === a) continue;
        const cell = cellOf(toNs[a]!, b);
        for (const [id, g] of ids) {
          cell.allowed += n * g.pods;
          cell.id = union(cell.id, id);
        }
      }
      for (const [x, id] of blocks) {
        const cell = cellOf(toBlock[a]!, x);
        cell.allowed += n;
        cell.id = union(cell.id, id);
      }
    }
  }
  // Block → namespace.
  const fromBlock: Map<number, Acc>[] = names.map(() => new Map());
  m.blocks.forEach((_, x) => {
    for (const [b, ids] of spread(m.rows[P + x]!).byNs) {
      const cell = cellOf(fromBlock[b]!, x);
      for (const [id, g] of ids) {
        cell.allowed += g.pods;
        cell.id = union(cell.id, id);
      }
    }
  });

  const nodes = new Map<string, NamespaceNode>(names.map((id) => [id, { kind: 'namespace', id }]));
  const cells: NamespaceCell[] = [];
  const add = (src: NamespaceNode, dst: NamespaceNode, c: Acc, pairs: number): void => {
    if (c.id !== 0 && c.allowed > 0) cells.push({ src, dst, connections: m.pool.get(c.id), allowed: c.allowed, pairs });
  };
  names.forEach((name, a) => {
    const src = nodes.get(name)!;
    for (const [b, c] of toNs[a]!) add(src, nodes.get(names[b]!)!, c, podsOfNs[a]! * (podsOfNs[b]! - (a === b ? 1 : 0)));
    for (const r of blockRuns(m, toBlock[a]!, nodes)) add(src, r.node, r.acc, podsOfNs[a]!);
    for (const r of blockRuns(m, fromBlock[a]!, nodes)) add(r.node, src, r.acc, podsOfNs[a]!);
  });
  cells.sort((x, y) => byId(x.src, y.src) || byId(x.dst, y.dst));
  return { level: 'namespace', nodes: [...nodes.values()].sort(byId), cells };
}

/** Adjacent blocks with the same connections and count, merged into ranges (IPv6 only when the snapshot speaks of it). */
function blockRuns(m: ReachabilityMatrix, acc: Map<number, Acc>, nodes: Map<string, NamespaceNode>): { node: NamespaceNode; acc: Acc }[] {
  const out: { node: NamespaceNode; acc: Acc }[] = [];
  let run: { family: IpFamily; lo: bigint; hi: bigint; acc: Acc } | undefined;
  const flush = (): void => {
    if (run && run.acc.id !== 0) {
      const id = externalId(run.family, run.lo, run.hi);
      let node = nodes.get(id);
      if (!node) nodes.set(id, (node = { kind: 'external', id, family: run.family, lo: run.lo, hi: run.hi }));
      out.push({ node, acc: run.acc });
    }
    run = undefined;
  };
  if (acc.size === 0) return out;
  m.blocks.forEach((blk, x) => {
    if (blk.family === 6 && !m.showIpv6) return;
    const c = acc.get(x) ?? { id: 0, allowed: 0 };
    if (run && run.family === blk.family && run.hi + 1n === blk.lo && run.acc.id === c.id && run.acc.allowed === c.allowed) run.hi = blk.hi;
    else {
      flush();
      run = { family: blk.family, lo: blk.lo, hi: blk.hi, acc: c };
    }
  });
  flush();
  return out;
}
