import { subtract, type Interval } from '../net/interval-set.js';
import { FAMILY_BITS, familyMax, formatIp, type IpFamily } from '../net/ip-address.js';

/** An ipBlock as written: `cidr` and `except`. */
export interface IpBlockText {
  cidr: string;
  except: string[];
}

/** The fewest CIDRs that cover `lo`..`hi` exactly. */
export function rangeCidrs(family: IpFamily, lo: bigint, hi: bigint): string[] {
  const bits = FAMILY_BITS[family];
  const out: string[] = [];
  let a = lo;
  while (a <= hi) {
    let size = 0;
    // The largest aligned block starting at a that stays inside the range.
    while (size < bits && (a & ((1n << BigInt(size + 1)) - 1n)) === 0n && a + (1n << BigInt(size + 1)) - 1n <= hi) size++;
    out.push(`${formatIp(family, a)}/${bits - size}`);
    a += 1n << BigInt(size);
    if (a > familyMax(family)) break;
  }
  return out;
}

/** The smallest CIDR holding both `lo` and `hi`: its first and last address. */
function enclosing(family: IpFamily, lo: bigint, hi: bigint): Interval<bigint> {
  const bits = FAMILY_BITS[family];
  let size = 0;
  while (size < bits && lo >> BigInt(size) !== hi >> BigInt(size)) size++;
  const start = (lo >> BigInt(size)) << BigInt(size);
  return [start, start + (1n << BigInt(size)) - 1n];
}

/**
 * ipBlocks for a set of addresses of one family: one ipBlock per CIDR, or one CIDR with
 * `except`s when the holes take fewer CIDRs than the set does (`0.0.0.0/0` except
 * `10.0.0.0/8` rather than five CIDRs around it).
 */
export function ipBlocksFor(family: IpFamily, ranges: readonly Interval<bigint>[]): IpBlockText[] {
  if (!ranges.length) return [];
  const direct = ranges.flatMap(([lo, hi]) => rangeCidrs(family, lo, hi));
  const [start, end] = enclosing(family, ranges[0]![0], ranges[ranges.length - 1]![1]);
  const holes = subtract<bigint>([[start, end]], ranges).flatMap(([lo, hi]) => rangeCidrs(family, lo, hi));
  if (holes.length > 0 && holes.length + 1 < direct.length) {
    const bits = FAMILY_BITS[family];
    let size = 0;
    while ((1n << BigInt(size)) - 1n < end - start) size++;
    return [{ cidr: `${formatIp(family, start)}/${bits - size}`, except: holes }];
  }
  return direct.map((cidr) => ({ cidr, except: [] }));
}
