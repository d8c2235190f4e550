import type { IpFamily } from '../net/ip-address.js';
import type { ReachabilityMatrix } from './matrix.js';

/** Adjacent external blocks that give the same connection id, merged into one address range. */
export interface BlockRun {
  family: IpFamily;
  lo: bigint;
  hi: bigint;
  id: number;
}

/**
 * The runs of `acc` (block index → connection id; absent: none), adjacent blocks with the same id
 * merged, runs with no connection left out; IPv6 blocks only when the snapshot speaks of IPv6.
 * The merging every view of the matrix shows (connectivity(), the report).
 */
export function blockRuns(m: ReachabilityMatrix, acc: ReadonlyMap<number, number>): BlockRun[] {
  const out: BlockRun[] = [];
  if (acc.size === 0) return out;
  let run: BlockRun | undefined;
  const flush = (): void => {
    if (run && run.id !== 0) out.push(run);
    run = undefined;
  };
  m.blocks.forEach((blk, x) => {
    if (blk.family === 6 && !m.showIpv6) return;
    const id = acc.get(x) ?? 0;
    if (run && run.family === blk.family && run.hi + 1n === blk.lo && run.id === id) run.hi = blk.hi;
    else {
      flush();
      run = { family: blk.family, lo: blk.lo, hi: blk.hi, id };
    }
  });
  flush();
  return out;
}
