import { contains, equals, intersect, normalize, subtract, union, type Interval } from './interval-set.js';

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** An immutable set of ports 1–65535 as merged ranges. */
export class PortSet {
  static readonly EMPTY = new PortSet([]);
  static readonly ALL = new PortSet([[MIN_PORT, MAX_PORT]]);

  readonly ranges: readonly Interval<number>[];

  private constructor(ranges: readonly Interval<number>[]) {
    this.ranges = ranges;
  }

  static of(ranges: readonly Interval<number>[]): PortSet {
    const clipped = ranges.map(([a, b]) => [Math.max(a, MIN_PORT), Math.min(b, MAX_PORT)] as const);
    return new PortSet(normalize(clipped));
  }

  static range(from: number, to: number = from): PortSet {
    return PortSet.of([[from, to]]);
  }

  isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  isAll(): boolean {
    return equals(this.ranges, PortSet.ALL.ranges);
  }

  has(port: number): boolean {
    return contains(this.ranges, port);
  }

  union(other: PortSet): PortSet {
    return new PortSet(union(this.ranges, other.ranges));
  }

  intersect(other: PortSet): PortSet {
    return new PortSet(intersect(this.ranges, other.ranges));
  }

  subtract(other: PortSet): PortSet {
    return new PortSet(subtract(this.ranges, other.ranges));
  }

  equals(other: PortSet): boolean {
    return equals(this.ranges, other.ranges);
  }

  size(): number {
    return this.ranges.reduce((n, [a, b]) => n + b - a + 1, 0);
  }

  /** `80,8080-8090` */
  toString(): string {
    return this.ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');
  }
}
