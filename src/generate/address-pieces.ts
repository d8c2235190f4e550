import { ConnectionSet } from '../net/connection-set.js';
import type { IpFamily } from '../net/ip-address.js';

/** Connections to or from the addresses `lo`..`hi` (inclusive) outside the pod network. */
export interface AddressPiece {
  family: IpFamily;
  lo: bigint;
  hi: bigint;
  connections: ConnectionSet;
}

const byAddress = (a: AddressPiece, b: AddressPiece): number => a.family - b.family || (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0);

/** Sorted, with empty pieces dropped and adjacent pieces of equal connections joined. */
export function normalizePieces(pieces: readonly AddressPiece[]): AddressPiece[] {
  const out: AddressPiece[] = [];
  for (const p of [...pieces].sort(byAddress)) {
    if (p.connections.isEmpty()) continue;
    const last = out[out.length - 1];
    if (last && last.family === p.family && last.hi + 1n === p.lo && last.connections.equals(p.connections)) out[out.length - 1] = { ...last, hi: p.hi };
    else out.push({ ...p });
  }
  return out;
}

/**
 * Combines two piece lists address by address: `f` of what each allows (NONE where a list has
 * no piece). Lists must be sorted and disjoint within themselves.
 */
export function combinePieces(a: readonly AddressPiece[], b: readonly AddressPiece[], f: (x: ConnectionSet, y: ConnectionSet) => ConnectionSet): AddressPiece[] {
  const out: AddressPiece[] = [];
  for (const family of [4, 6] as const) {
    const as = a.filter((p) => p.family === family);
    const bs = b.filter((p) => p.family === family);
    const cuts = new Set<bigint>();
    for (const p of [...as, ...bs]) {
      cuts.add(p.lo);
      cuts.add(p.hi + 1n);
    }
    const points = [...cuts].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const at = (list: AddressPiece[], addr: bigint) => list.find((p) => p.lo <= addr && addr <= p.hi)?.connections ?? ConnectionSet.NONE;
    for (let i = 0; i + 1 < points.length; i++) {
      const lo = points[i]!;
      const hi = points[i + 1]! - 1n;
      const c = f(at(as, lo), at(bs, lo));
      if (!c.isEmpty()) out.push({ family, lo, hi, connections: c });
    }
  }
  return normalizePieces(out);
}

export const unionPieces = (a: readonly AddressPiece[], b: readonly AddressPiece[]) => combinePieces(a, b, (x, y) => x.union(y));
