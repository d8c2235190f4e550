import { ConnectionSet } from '../net/connection-set.js';

/**
 * Interns connection sets as small integers, and caches their unions and intersections, so that
 * millions of pairs share a handful of objects. Id 0 is the empty set.
 */
export class ConnectionPool {
  private readonly sets: ConnectionSet[] = [ConnectionSet.NONE];
  private readonly ids = new Map<string, number>([[ConnectionSet.NONE.toString(), 0]]);
  private readonly unions = new Map<number, number>();
  private readonly intersections = new Map<number, number>();
  private readonly differences = new Map<number, number>();
  readonly all: number;

  constructor() {
    this.all = this.id(ConnectionSet.ALL);
  }

  id(cs: ConnectionSet): number {
    const key = cs.toString();
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.sets.push(cs);
      this.ids.set(key, id);
    }
    return id;
  }

  get(id: number): ConnectionSet {
    return this.sets[id]!;
  }

  union(a: number, b: number): number {
    if (a === b || b === 0) return a;
    if (a === 0) return b;
    if (a === this.all || b === this.all) return this.all;
    const key = a < b ? a * 1048576 + b : b * 1048576 + a;
    let r = this.unions.get(key);
    if (r === undefined) this.unions.set(key, (r = this.id(this.sets[a]!.union(this.sets[b]!))));
    return r;
  }

  intersect(a: number, b: number): number {
    if (a === b || b === this.all) return a;
    if (a === this.all) return b;
    if (a === 0 || b === 0) return 0;
    const key = a < b ? a * 1048576 + b : b * 1048576 + a;
    let r = this.intersections.get(key);
    if (r === undefined) this.intersections.set(key, (r = this.id(this.sets[a]!.intersect(this.sets[b]!))));
    return r;
  }

  /** `a` minus `b`. */
  subtract(a: number, b: number): number {
    if (a === 0 || b === 0) return a;
    if (a === b || b === this.all) return 0;
    const key = a * 1048576 + b;
    let r = this.differences.get(key);
    if (r === undefined) this.differences.set(key, (r = this.id(this.sets[a]!.subtract(this.sets[b]!))));
    return r;
  }
}
