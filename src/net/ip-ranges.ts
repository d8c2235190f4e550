import type { Cidr } from '../model/policy.js';
import { contains, normalize, subtract, union, type Interval } from './interval-set.js';
import { familyMax, formatIp, type IpFamily } from './ip-address.js';

/** An immutable set of addresses of both families, as merged intervals per family. */
export class IpRanges {
  static readonly EMPTY = new IpRanges([], []);

  private constructor(
    readonly v4: readonly Interval<bigint>[],
    readonly v6: readonly Interval<bigint>[],
  ) {}

  static all(families: readonly IpFamily[] = [4, 6]): IpRanges {
    return new IpRanges(
      families.includes(4) ? [[0n, familyMax(4)]] : [],
      families.includes(6) ? [[0n, familyMax(6)]] : [],
    );
  }

  static fromCidr(c: Cidr): IpRanges {
    return c.family === 4 ? new IpRanges([[c.lo, c.hi]], []) : new IpRanges([], [[c.lo, c.hi]]);
  }

  /** `cidr` minus every `except` range. */
  static fromIpBlock(cidr: Cidr, except: readonly Cidr[]): IpRanges {
    return except.reduce((acc, e) => acc.subtract(IpRanges.fromCidr(e)), IpRanges.fromCidr(cidr));
  }

  static of(family: IpFamily, intervals: readonly Interval<bigint>[]): IpRanges {
    return family === 4 ? new IpRanges(normalize(intervals), []) : new IpRanges([], normalize(intervals));
  }

  family(f: IpFamily): readonly Interval<bigint>[] {
    return f === 4 ? this.v4 : this.v6;
  }

  isEmpty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  has(family: IpFamily, addr: bigint): boolean {
    return contains(this.family(family), addr);
  }

  union(o: IpRanges): IpRanges {
    return new IpRanges(union(this.v4, o.v4), union(this.v6, o.v6));
  }

  subtract(o: IpRanges): IpRanges {
    return new IpRanges(subtract(this.v4, o.v4), subtract(this.v6, o.v6));
  }

  /** `10.0.0.0-10.0.0.255,10.0.2.0-10.255.255.255` */
  toString(): string {
    const parts: string[] = [];
    for (const f of [4, 6] as const) {
      for (const [a, b] of this.family(f)) parts.push(`${formatIp(f, a)}-${formatIp(f, b)}`);
    }
    return parts.join(',');
  }
}
