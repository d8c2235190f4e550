import type { Pod } from '../model/snapshot.js';
import type { Interval } from '../net/interval-set.js';
import type { IpFamily } from '../net/ip-address.js';

export interface PodIp {
  pod: Pod;
  ip: string;
  family: IpFamily;
  value: bigint;
}

/**
 * Pod IPs sorted once by family and address, for range questions by binary search: how many
 * lie in a set of intervals, and which of them comes first in snapshot order (a sparse table of
 * range minima over the snapshot positions).
 */
export class SortedPodIps {
  private readonly order: Int32Array;
  private readonly byFamily: Record<IpFamily, { from: number; to: number }>;
  private table?: Int32Array[];

  constructor(readonly all: readonly PodIp[]) {
    const order = Int32Array.from(all.keys());
    order.sort((a, b) => {
      const x = all[a]!;
      const y = all[b]!;
      return x.family - y.family || (x.value < y.value ? -1 : x.value > y.value ? 1 : a - b);
    });
    this.order = order;
    let v4 = 0;
    while (v4 < order.length && all[order[v4]!]!.family === 4) v4++;
    this.byFamily = { 4: { from: 0, to: v4 }, 6: { from: v4, to: order.length } };
  }

  /** The IPs of `family` inside `intervals` (closed ranges): their count, and the least position in `all` (Infinity if none). */
  inside(family: IpFamily, intervals: readonly Interval<bigint>[]): { count: number; first: number } {
    const { from, to } = this.byFamily[family];
    let count = 0;
    let first = Infinity;
    for (const [lo, hi] of intervals) {
      const l = this.lowerBound(from, to, (v) => v < lo);
      const r = this.lowerBound(l, to, (v) => v <= hi);
      if (r <= l) continue;
      count += r - l;
      first = Math.min(first, this.minOrder(l, r));
    }
    return { count, first };
  }

  /** The first position in [from, to) whose address fails `before`. */
  private lowerBound(from: number, to: number, before: (v: bigint) => boolean): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.all[this.order[mid]!]!.value)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The least snapshot position among sorted positions [l, r). */
  private minOrder(l: number, r: number): number {
    const table = (this.table ??= this.buildTable());
    const k = 31 - Math.clz32(r - l);
    return Math.min(table[k]![l]!, table[k]![r - (1 << k)]!);
  }

  private buildTable(): Int32Array[] {
    const table = [this.order];
    for (let k = 1; 1 << k <= this.order.length; k++) {
      const prev = table[k - 1]!;
      const half = 1 << (k - 1);
      const row = new Int32Array(this.order.length - (1 << k) + 1);
      for (let i = 0; i < row.length; i++) row[i] = Math.min(prev[i]!, prev[i + half]!);
      table.push(row);
    }
    return table;
  }
}
