import { forEachSetBit } from '../engine/bitset.js';
import type { EdgeFilter } from '../engine/edge-filter.js';
import type { ReachabilityMatrix, Row } from '../engine/matrix.js';
import { byId, externalId } from '../engine/node.js';
import type { IpFamily } from '../net/ip-address.js';
import type { NamespaceCell, NamespaceMatrix, NamespaceNode } from './namespace-matrix.js';
import { portId, unitFilter } from './unit-filter.js';
import { workloadUnits } from './workload-units.js';

/** Pods of a class by what the filter says of their workload (a class may hold pods of several). */
interface ClassWeights {
  /** Sources that are a chosen end (-n, -l): they count every destination that passes --to. */
  fromChosen: Float64Array;
  /** The other sources: they count only the chosen destinations. */
  fromOther: Float64Array;
  /** As a destination, for a chosen source: the pods that pass --to. */
  toAny: Float64Array;
  /** As a destination, for another source: the chosen pods that pass --to. */
  toChosen: Float64Array;
  /** Pods counted against themselves by the sums above (to take out: a pod and itself are not a pair). */
  self: Float64Array;
}

interface Acc {
  id: number;
  allowed: number;
}

/**
 * `matrix --level namespace` with `--from/--to/--port/-n/-l`: the namespace level of only the
 * pod pairs whose ends pass the filters, with the meaning they have at the workload level (a pod
 * passes --from when its workload does; a pair passes -n/-l when one end is in NS and matches;
 * --port cuts the connections, and a pair with none left is not allowed). `pairs` counts the
 * pairs whose ends pass; `allowed`, those of them with a connection left. An outside block is
 * judged on its own (unit-filter.ts). Cost: as namespaceMatrix, per class rather than per row.
 */
export function filteredNamespaceMatrix(m: ReachabilityMatrix, filter: EdgeFilter): NamespaceMatrix {
  const u = workloadUnits(m);
  const f = unitFilter(m, u, filter);
  const P = m.pods.classes.length;
  const names = [...new Set(m.pods.classes.map((c) => c.namespace))].sort();
  const nsIndex = new Map(names.map((n, i) => [n, i]));
  const nsOfClass = Int32Array.from(m.pods.classes, (c) => nsIndex.get(c.namespace)!);

  const w: ClassWeights = { fromChosen: new Float64Array(P), fromOther: new Float64Array(P), toAny: new Float64Array(P), toChosen: new Float64Array(P), self: new Float64Array(P) };
  for (let unit = 0; unit < u.workloads; unit++) {
    const node = u.nodes[unit]!;
    if (node.kind !== 'workload') continue;
    const from = f.from[unit] === 1;
    const to = f.to[unit] === 1;
    const chosen = f.chosen[unit] === 1;
    for (const pod of node.pods) {
      const c = m.pods.classOf.get(pod)!;
      if (from) (chosen ? w.fromChosen : w.fromOther)[c]!++;
      if (to) w.toAny[c]!++;
      if (to && chosen) w.toChosen[c]!++;
      if (from && to && chosen) w.self[c]!++;
    }
  }
  const perNs = (a: Float64Array): Float64Array => {
    const out = new Float64Array(names.length);
    a.forEach((v, c) => (out[nsOfClass[c]!]! += v));
    return out;
  };
  const ns = { fromChosen: perNs(w.fromChosen), fromOther: perNs(w.fromOther), toAny: perNs(w.toAny), toChosen: perNs(w.toChosen), self: perNs(w.self) };
  const block = (x: number, flags: Uint8Array): boolean => u.unitOfBlock[x]! >= 0 && flags[u.unitOfBlock[x]!] === 1;

  /** A row's destinations summed by namespace and connection (cut to --port); its blocks apart. */
  const spreads = new Map<Row, { byNs: Map<number, Map<number, { any: number; chosen: number }>>; blocks: Map<number, number> }>();
  const spread = (row: Row) => {
    let s = spreads.get(row);
    if (s) return s;
    spreads.set(row, (s = { byNs: new Map(), blocks: new Map() }));
    const { byNs, blocks } = s;
    row.ids.forEach((rowId, i) => {
      const id = portId(m, f, rowId);
      if (id === 0) return;
      forEachSetBit(row.bits[i]!, (d) => {
        if (d >= P) return void blocks.set(d - P, id);
        if (w.toAny[d] === 0) return;
        const b = nsOfClass[d]!;
        let ids = byNs.get(b);
        if (!ids) byNs.set(b, (ids = new Map()));
        const acc = ids.get(id);
        if (acc) {
          acc.any += w.toAny[d]!;
          acc.chosen += w.toChosen[d]!;
        } else ids.set(id, { any: w.toAny[d]!, chosen: w.toChosen[d]! });
      });
    });
    return s;
  };
  const add = (cells: Map<number, Acc>, key: number, id: number, count: number): void => {
    if (count <= 0) return;
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { id: 0, allowed: 0 }));
    c.allowed += count;
    c.id = m.pool.union(c.id, id);
  };

  const toNs: Map<number, Acc>[] = names.map(() => new Map());
  const toBlock: Map<number, Acc>[] = names.map(() => new Map());
  const fromBlock: Map<number, Acc>[] = names.map(() => new Map());
  for (let c = 0; c < P; c++) {
    const chosen = w.fromChosen[c]!;
    const other = w.fromOther[c]!;
    if (chosen + other === 0) continue;
    const a = nsOfClass[c]!;
    const own = portId(m, f, m.connectionId(c, c));
    const { byNs, blocks } = spread(m.rows[c]!);
    for (const [b, ids] of byNs) for (const [id, g] of ids) add(toNs[a]!, b, id, chosen * g.any + other * g.chosen - (b === a && id === own ? w.self[c]! : 0));
    for (const [x, id] of blocks) if (block(x, f.to)) add(toBlock[a]!, x, id, chosen + (block(x, f.chosen) ? other : 0));
  }
  m.blocks.forEach((_, x) => {
    if (!block(x, f.from)) return;
    const chosen = block(x, f.chosen);
    for (const [b, ids] of spread(m.rows[P + x]!).byNs) for (const [id, g] of ids) add(fromBlock[b]!, x, id, chosen ? g.any : g.chosen);
  });

  const nodes = new Map<string, NamespaceNode>(names.map((id) => [id, { kind: 'namespace', id }]));
  const cells: NamespaceCell[] = [];
  const push = (src: NamespaceNode, dst: NamespaceNode, c: Acc, pairs: number): void => {
    if (c.id !== 0 && c.allowed > 0) cells.push({ src, dst, connections: m.pool.get(c.id), allowed: c.allowed, pairs });
  };
  names.forEach((name, a) => {
    const src = nodes.get(name)!;
    for (const [b, c] of toNs[a]!) push(src, nodes.get(names[b]!)!, c, ns.fromChosen[a]! * ns.toAny[b]! + ns.fromOther[a]! * ns.toChosen[b]! - (a === b ? ns.self[a]! : 0));
    const intoBlock = (x: number): number => (block(x, f.to) ? ns.fromChosen[a]! + (block(x, f.chosen) ? ns.fromOther[a]! : 0) : 0);
    for (const r of runs(m, toBlock[a]!, intoBlock, nodes)) push(src, r.node, r.acc, r.pairs);
    const outOfBlock = (x: number): number => (block(x, f.from) ? (block(x, f.chosen) ? ns.toAny[a]! : ns.toChosen[a]!) : 0);
    for (const r of runs(m, fromBlock[a]!, outOfBlock, nodes)) push(r.node, src, r.acc, r.pairs);
  });
  cells.sort((x, y) => byId(x.src, y.src) || byId(x.dst, y.dst));
  const used = new Set(cells.flatMap((c) => [c.src.id, c.dst.id]));
  return {
    level: 'namespace',
    nodes: [...nodes.values()].filter((n) => used.has(n.id)).sort(byId), // as the workload level lists the nodes of the kept pairs
    cells,
    filters: filter.applied,
  };
}

/** Adjacent blocks with the same connections and counts, merged into ranges (IPv6 only when the snapshot speaks of it). */
function runs(m: ReachabilityMatrix, acc: Map<number, Acc>, pairsOf: (x: number) => number, nodes: Map<string, NamespaceNode>): { node: NamespaceNode; acc: Acc; pairs: number }[] {
  const out: { node: NamespaceNode; acc: Acc; pairs: number }[] = [];
  let run: { family: IpFamily; lo: bigint; hi: bigint; acc: Acc; pairs: number } | undefined;
  const flush = (): void => {
    if (run && run.acc.id !== 0) {
      const id = externalId(run.family, run.lo, run.hi);
      let node = nodes.get(id);
      if (!node) nodes.set(id, (node = { kind: 'external', id, family: run.family, lo: run.lo, hi: run.hi }));
      out.push({ node, acc: run.acc, pairs: run.pairs });
    }
    run = undefined;
  };
  if (acc.size === 0) return out;
  m.blocks.forEach((blk, x) => {
    if (blk.family === 6 && !m.showIpv6) return;
    const c = acc.get(x) ?? { id: 0, allowed: 0 };
    const pairs = pairsOf(x);
    if (run && run.family === blk.family && run.hi + 1n === blk.lo && run.acc.id === c.id && run.acc.allowed === c.allowed && run.pairs === pairs) run.hi = blk.hi;
    else {
      flush();
      run = { family: blk.family, lo: blk.lo, hi: blk.hi, acc: c, pairs };
    }
  });
  flush();
  return out;
}
