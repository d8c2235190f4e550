import type { Connectivity, Node } from '../engine/connectivity.js';
import { ConnectionSet } from '../net/connection-set.js';

/** What a change did to one ordered pair of nodes. */
export interface PairChange {
  src: string;
  dst: string;
  before: ConnectionSet;
  after: ConnectionSet;
  added: ConnectionSet;
  removed: ConnectionSet;
}

function edgesById(c: Connectivity): Map<string, { src: Node; dst: Node; connections: ConnectionSet }> {
  const out = new Map<string, { src: Node; dst: Node; connections: ConnectionSet }>();
  for (const e of c.edges) out.set(`${e.src.id}\u0000${e.dst.id}`, e);
  return out;
}

/**
 * The pairs whose allowed connections differ between two views, sorted by source and
 * destination. External ranges are compared as they are printed; both sides are cut at the same
 * boundaries only when the policies' ipBlocks are the same, so a changed ipBlock shows as the old
 * range removed and the new one added.
 */
export function diffConnectivity(before: Connectivity, after: Connectivity): PairChange[] {
  const a = edgesById(before);
  const b = edgesById(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: PairChange[] = [];
  for (const key of keys) {
    const was = a.get(key)?.connections ?? ConnectionSet.NONE;
    const now = b.get(key)?.connections ?? ConnectionSet.NONE;
    if (was.equals(now)) continue;
    const [src, dst] = key.split('\u0000') as [string, string];
    out.push({ src, dst, before: was, after: now, added: now.subtract(was), removed: was.subtract(now) });
  }
  return out;
}
