import { ConnectionPool } from './connection-pool.js';
import type { Edge } from './connectivity.js';
import type { Node } from './node.js';

/**
 * One source's edges in a walk (connectivity.ts): `src` is the source's position in the walk's
 * `nodes`; `to` holds its destinations' positions and their connection ids in the matrix's pool,
 * interleaved (destination `to[2k]`, id `to[2k + 1]`), in the order of the edges. Formatters that
 * write millions of lines read names and connection texts by position from arrays made once,
 * rather than looking nodes up per line, and no object is made per edge.
 */
export interface EdgeRow {
  src: number;
  to: Int32Array;
}

/** The same edges as `Edge` objects, one by one (for formatters and callers off the hot path). */
export function* edgesOfRows(nodes: readonly Node[], rows: Iterable<EdgeRow>, pool: ConnectionPool): Generator<Edge> {
  for (const r of rows) {
    const src = nodes[r.src]!;
    for (let k = 0; k < r.to.length; k += 2) yield { src, dst: nodes[r.to[k]!]!, connections: pool.get(r.to[k + 1]!) };
  }
}

/**
 * Rows for edges given as a list (a `Connectivity` built whole), sorted by source as such lists
 * are: positions found once per edge, connection sets interned in a pool of their own.
 */
export function rowsOfEdges(nodes: readonly Node[], edges: readonly Edge[]): { rows: EdgeRow[]; pool: ConnectionPool } {
  const at = new Map(nodes.map((n, i) => [n, i]));
  const position = (n: Node): number => {
    const i = at.get(n);
    if (i === undefined) throw new Error(`edge end ${n.id} is not among the nodes`);
    return i;
  };
  const pool = new ConnectionPool();
  const rows: EdgeRow[] = [];
  for (let k = 0; k < edges.length; ) {
    const src = edges[k]!.src;
    let end = k;
    while (end < edges.length && edges[end]!.src === src) end++;
    const to = new Int32Array(2 * (end - k));
    for (let e = k; e < end; e++) {
      to[2 * (e - k)] = position(edges[e]!.dst);
      to[2 * (e - k) + 1] = pool.id(edges[e]!.connections);
    }
    rows.push({ src: position(src), to });
    k = end;
  }
  return { rows, pool };
}

/**
 * `f(i)` computed when first asked and kept in an array, for the small integers of rows:
 * positions and connection ids. A dense matrix names the same nodes and prints a few connection
 * sets on millions of lines; escaping or matching them again per line was most of its time.
 */
export function perIndex<T>(f: (i: number) => T): (i: number) => T {
  const memo: (T | undefined)[] = [];
  return (i) => {
    let v = memo[i];
    if (v === undefined) memo[i] = v = f(i);
    return v;
  };
}
