import { forEachSetBit } from './bitset.js';
import { blockRuns } from './block-runs.js';
import type { IpFamily } from '../net/ip-address.js';
import type { ReachabilityMatrix } from './matrix.js';
import { byId, externalId, type Level, type Node } from './node.js';
import { nodeUnits } from './node-units.js';

/** A merged external range and the connection id (in the matrix's pool) it has with one node. */
export interface Run {
  ext: Node;
  id: number;
}

/**
 * What every node connects to, as connection ids (not yet edges). `toNodes(a)` computes, when
 * asked, node a's destinations among the nodes (`NodeIds`: node indices and connection ids)
 * — nothing as large as nodes² is kept, so a walk over all nodes holds one node's
 * destinations at a time. `runs[a]` lists the external ranges that reach node a (`in`) and that
 * node a reaches (`out`), adjacent blocks with the same connections merged. Nodes and external
 * ranges are sorted by id; each range is one Node object, shared by its runs.
 */
export interface NodePairs {
  nodes: Node[];
  externals: Node[];
  toNodes(a: number): NodeIds;
  /** The other way: the nodes that reach node a, sorted by index. */
  fromNodes(a: number): NodeIds;
  runs: { in: Run[]; out: Run[] }[];
}

/**
 * Node indices and connection ids, interleaved: node `out[2k]` with id `out[2k + 1]`, sorted by
 * node index. One typed array per node walked, not a pair object per destination (a dense
 * matrix has millions of destinations).
 */
export type NodeIds = Int32Array;

/** `NodeIds` as `[node index, connection id]` pairs, for callers off the hot path. */
export function nodeIdPairs(ids: NodeIds): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < ids.length; k += 2) out.push([ids[k]!, ids[k + 1]!]);
  return out;
}

/** The grouping of pods into nodes and the walk over the class matrix behind `connectivity()`. */
export function nodePairs(m: ReachabilityMatrix, level: Level): NodePairs {
  const { nodes, classesOf, unitsOfClass: nodesOfClass } = nodeUnits(m, level);
  const P = m.pods.classes.length;

  // Pod-to-outside and outside-to-pod, as connection ids per node and block (blocks are few).
  const toBlocks: Map<number, number>[] = nodes.map(() => new Map());
  const fromBlocks: Map<number, number>[] = nodes.map(() => new Map());
  const add = (acc: Map<number, number>, key: number, id: number): void => {
    acc.set(key, m.pool.union(acc.get(key) ?? 0, id));
  };
  classesOf.forEach((classes, a) => {
    for (const s of classes) {
      const row = m.rows[s]!;
      row.ids.forEach((id, i) => {
        // Only the blocks' bits (from P on): a dense row's pod classes are most of its bits.
        forEachSetBit(row.bits[i]!, (d) => add(toBlocks[a]!, d - P, id), P);
      });
    }
  });
  m.blocks.forEach((_, x) => {
    const row = m.rows[P + x]!;
    row.ids.forEach((id, i) => {
      forEachSetBit(row.bits[i]!, (d) => {
        if (d < P) for (const b of nodesOfClass[d]!) add(fromBlocks[b]!, x, id);
      });
    });
  });

  // Node-to-node, one source node at a time: ids accumulated in a dense array over the nodes,
  // the touched indices remembered so that clearing costs what was set.
  const acc = new Int32Array(nodes.length);
  const touched = new Int32Array(nodes.length);
  let count = 0;
  const gather = (b: number, id: number): void => {
    if (id === 0) return; // the empty set connects nothing (and 0 marks "not touched" in acc)
    const was = acc[b]!;
    if (was === 0) {
      touched[count++] = b;
      acc[b] = id;
    } else if (was !== id) acc[b] = m.pool.union(was, id);
  };
  const toNodes = (a: number): NodeIds => {
    for (const s of classesOf[a]!) {
      const row = m.rows[s]!;
      for (let i = 0; i < row.ids.length; i++) {
        const id = row.ids[i]!;
        const bits = row.bits[i]!;
        // Destination classes only (blocks were taken above): the words below P.
        const words = Math.min(bits.length, (P + 31) >>> 5);
        for (let w = 0; w < words; w++) {
          let word = bits[w]!;
          while (word !== 0) {
            const low = word & -word;
            word = (word ^ low) >>> 0;
            const d = (w << 5) + (31 - Math.clz32(low));
            if (d >= P) break;
            for (const b of nodesOfClass[d]!) if (b !== a) gather(b, id);
          }
        }
      }
    }
    return drain();
  };
  const drain = (): NodeIds => {
    const out = new Int32Array(2 * count);
    if (count * 16 >= nodes.length) {
      // Many destinations (an open cluster: most rows reach most nodes): one pass over the
      // accumulator in index order costs less than sorting the touched indices (at 22,000
      // workloads, a sort per row was a tenth of a dense matrix's output time).
      for (let b = 0, k = 0; k < count && b < nodes.length; b++) {
        const id = acc[b]!;
        if (id === 0) continue;
        out[2 * k] = b;
        out[2 * k + 1] = id;
        acc[b] = 0;
        k++;
      }
    } else {
      const seen = touched.subarray(0, count).sort(); // a typed array sorts numbers, without a comparator
      for (let k = 0; k < count; k++) {
        const b = seen[k]!;
        out[2 * k] = b;
        out[2 * k + 1] = acc[b]!;
        acc[b] = 0;
      }
    }
    count = 0;
    return out;
  };
  // Each source class's row read at node a's classes: one pass over the rows, not over every node's destinations.
  const fromNodes = (a: number): NodeIds => {
    const targets = classesOf[a]!;
    for (let s = 0; s < P; s++) {
      const row = m.rows[s]!;
      let id = 0;
      for (let i = 0; i < row.ids.length; i++) {
        const bits = row.bits[i]!;
        for (const d of targets) {
          if (bits[d >>> 5]! & (1 << (d & 31))) {
            id = id === 0 ? row.ids[i]! : m.pool.union(id, row.ids[i]!);
            break;
          }
        }
      }
      if (id === 0) continue;
      for (const b of nodesOfClass[s]!) if (b !== a) gather(b, id);
    }
    return drain();
  };

  const externals = new Map<string, Node>();
  const external = (family: IpFamily, lo: bigint, hi: bigint): Node => {
    const id = externalId(family, lo, hi);
    let n = externals.get(id);
    if (!n) externals.set(id, (n = { kind: 'external', id, family, lo, hi }));
    return n;
  };
  // External ranges, merged where neighbouring blocks give the same connections.
  const merge = (acc: Map<number, number>): Run[] => blockRuns(m, acc).map((r) => ({ ext: external(r.family, r.lo, r.hi), id: r.id }));
  const runs = nodes.map((_, a) => ({ in: merge(fromBlocks[a]!), out: merge(toBlocks[a]!) }));
  return { nodes, externals: [...externals.values()].sort(byId), toNodes, fromNodes, runs };
}
