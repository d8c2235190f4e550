/**
 * Sorted, disjoint, non-adjacent closed intervals over integers (number or bigint).
 * The shared algebra of port sets and address sets.
 */
export type Interval<T> = readonly [T, T];

type Num = number | bigint;

function one<T extends Num>(x: T): T {
  return (typeof x === 'bigint' ? 1n : 1) as T;
}

function add<T extends Num>(a: T, b: T): T {
  return ((a as number) + (b as number)) as T;
}

function sub<T extends Num>(a: T, b: T): T {
  return ((a as number) - (b as number)) as T;
}

/** Sorts and merges overlapping or adjacent intervals. */
export function normalize<T extends Num>(items: readonly Interval<T>[]): Interval<T>[] {
  const sorted = items.filter(([a, b]) => a <= b).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const out: [T, T][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= add(last[1], one(a))) {
      if (b > last[1]) last[1] = b;
    } else {
      out.push([a, b]);
    }
  }
  return out;
}

export function union<T extends Num>(a: readonly Interval<T>[], b: readonly Interval<T>[]): Interval<T>[] {
  return normalize([...a, ...b]);
}

export function intersect<T extends Num>(a: readonly Interval<T>[], b: readonly Interval<T>[]): Interval<T>[] {
  const out: Interval<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [a0, a1] = a[i]!;
    const [b0, b1] = b[j]!;
    const lo = a0 > b0 ? a0 : b0;
    const hi = a1 < b1 ? a1 : b1;
    if (lo <= hi) out.push([lo, hi]);
    if (a1 < b1) i++;
    else j++;
  }
  return out;
}

export function subtract<T extends Num>(a: readonly Interval<T>[], b: readonly Interval<T>[]): Interval<T>[] {
  const out: Interval<T>[] = [];
  let j = 0;
  for (const [a0, a1] of a) {
    let lo = a0;
    while (j < b.length && b[j]![1] < lo) j++;
    let k = j;
    let done = false;
    while (k < b.length && b[k]![0] <= a1) {
      const [b0, b1] = b[k]!;
      if (b0 > lo) out.push([lo, sub(b0, one(b0))]);
      if (b1 >= a1) {
        done = true;
        break;
      }
      lo = add(b1, one(b1));
      k++;
    }
    if (!done && lo <= a1) out.push([lo, a1]);
  }
  return out;
}

export function contains<T extends Num>(set: readonly Interval<T>[], x: T): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = set[mid]!;
    if (x < a) hi = mid - 1;
    else if (x > b) lo = mid + 1;
    else return true;
  }
  return false;
}

export function equals<T extends Num>(a: readonly Interval<T>[], b: readonly Interval<T>[]): boolean {
  return a.length === b.length && a.every(([x, y], i) => x === b[i]![0] && y === b[i]![1]);
}
