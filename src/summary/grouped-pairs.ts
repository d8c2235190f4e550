import type { ReachabilityMatrix, Row } from '../engine/matrix.js';
import { forEachSetBit } from '../engine/bitset.js';
import { portId, type UnitFilter } from './unit-filter.js';
import type { WorkloadUnits } from './workload-units.js';

/**
 * Every unit of `sources` may open connection `id` (of the matrix's pool) to every unit of
 * `destinations` other than itself. Unit lists are sorted; a pair in several rectangles has the
 * union of their connections.
 */
export interface UnitRect {
  sources: number[];
  destinations: number[];
  id: number;
}

/**
 * The workload-level matrix as rectangles, exactly: a workload's allowed destinations follow
 * from the rows of its pod classes alone, so workloads whose classes have the same rows share
 * rectangles: one per row and connection set, whose destinations are the units with a class in
 * that bitset. A workload with classes under several connection sets is in several rectangles:
 * the union over them is its connections. Then rectangles with the same destinations and
 * connections are joined, and those with the same sources and connections. Cost: a hash of the
 * words of each distinct row's bitsets, and one walk over the set bits of each distinct bitset.
 * With a filter, each rectangle is cut to the pairs it keeps before they are joined.
 */
export function unitRects(m: ReachabilityMatrix, u: WorkloadUnits, filter?: UnitFilter): UnitRect[] {
  const P = m.pods.classes.length;
  const rowIndex = new Map<Row, number>();
  const indexOf = (r: Row): number => {
    let i = rowIndex.get(r);
    if (i === undefined) rowIndex.set(r, (i = rowIndex.size));
    return i;
  };
  // Sources with the same rows (a workload: those of its classes; a block: its own).
  const bySignature = new Map<string, { rows: Row[]; units: number[]; outside: boolean }>();
  const addSource = (unit: number, rows: Row[], outside: boolean): void => {
    const unique = [...new Set(rows)];
    const key = `${outside ? 'x' : 'w'}${unique.map(indexOf).sort((a, b) => a - b).join(',')}`;
    let g = bySignature.get(key);
    if (!g) bySignature.set(key, (g = { rows: unique, units: [], outside }));
    g.units.push(unit);
  };
  u.classesOf.forEach((cs, unit) => addSource(unit, cs.map((c) => m.rows[c]!), false));
  u.blockOfUnit.forEach((x, unit) => addSource(unit, [m.rows[P + x]!], true));

  const unitsOf = destinationUnits(u, P);
  const rects: UnitRect[] = [];
  for (const g of bySignature.values())
    for (const row of g.rows)
      row.ids.forEach((id, i) => {
        const destinations = unitsOf(row.bits[i]!, g.outside);
        if (!destinations.length) return;
        if (filter) rects.push(...filtered(m, filter, { sources: g.units, destinations, id }));
        else rects.push({ sources: g.units, destinations, id });
      });
  const joined = joinBy(joinBy(rects, 'destinations', 'sources'), 'sources', 'destinations');
  // A workload and itself are not a pair: a lone source is left out of its own destinations.
  for (const r of joined) if (r.sources.length === 1 && r.destinations.includes(r.sources[0]!)) r.destinations = r.destinations.filter((d) => d !== r.sources[0]);
  return joined.filter((r) => r.destinations.length > 0);
}

/**
 * The pairs of `r` the filter keeps, as at most two rectangles: sources that are a chosen end
 * (-n, -l) to every destination, and the other sources to the chosen destinations; each source
 * passing --from, each destination --to, the connections cut to --port.
 */
function filtered(m: ReachabilityMatrix, f: UnitFilter, r: UnitRect): UnitRect[] {
  const id = portId(m, f, r.id);
  if (id === 0) return [];
  const sources = r.sources.filter((x) => f.from[x]);
  const destinations = r.destinations.filter((x) => f.to[x]);
  const out: UnitRect[] = [];
  const add = (s: number[], d: number[]): void => {
    if (s.length && d.length) out.push({ sources: s, destinations: d, id });
  };
  add(sources.filter((x) => f.chosen[x]), destinations);
  add(sources.filter((x) => !f.chosen[x]), destinations.filter((x) => f.chosen[x]));
  return out;
}

/**
 * `unitsOf(bits, outside)`: the units with a class (or that are a block) in a destination
 * bitset, sorted; blocks left out for an outside source (NetworkPolicy has no say between two
 * outside addresses). Cached by the bitset's content: rows often share bitsets.
 */
function destinationUnits(u: WorkloadUnits, P: number): (bits: Uint32Array, outside: boolean) => number[] {
  const cache = new Map<number, { bits: Uint32Array; outside: boolean; units: number[] }[]>();
  // Rows are shared between classes, so the same bitset object comes back often: looked up by identity first.
  const seen = [new Map<Uint32Array, number[]>(), new Map<Uint32Array, number[]>()];
  const mark = new Int32Array(u.nodes.length);
  let stamp = 0;
  return (bits, outside) => {
    const known = seen[outside ? 1 : 0]!;
    let units = known.get(bits);
    if (!units) known.set(bits, (units = byContent(bits, outside)));
    return units;
  };
  function byContent(bits: Uint32Array, outside: boolean): number[] {
    const key = hashWords(bits, outside ? 1 : 0);
    let bucket = cache.get(key);
    if (!bucket) cache.set(key, (bucket = []));
    const hit = bucket.find((b) => b.outside === outside && sameWords(b.bits, bits));
    if (hit) return hit.units;
    stamp++;
    const units: number[] = [];
    const add = (b: number): void => {
      if (mark[b] === stamp) return;
      mark[b] = stamp;
      units.push(b);
    };
    forEachSetBit(bits, (d) => {
      if (d < P) for (const b of u.unitsOfClass[d]!) add(b);
      else if (!outside && u.unitOfBlock[d - P]! >= 0) add(u.unitOfBlock[d - P]!);
    });
    units.sort((a, b) => a - b);
    bucket.push({ bits, outside, units });
    return units;
  }
}

function hashWords(words: Uint32Array, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193) >>> 0;
  return h;
}

function sameWords(a: Uint32Array, b: Uint32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Rectangles with the same `same` list and connections become one, with the union of their `other` lists. */
function joinBy(rects: UnitRect[], same: 'sources' | 'destinations', other: 'sources' | 'destinations'): UnitRect[] {
  // Keyed by a hash of the list (long lists are not turned into strings), compared in full on a hit.
  const buckets = new Map<number, UnitRect[]>();
  const out: UnitRect[] = [];
  for (const r of rects) {
    const key = hashList(r[same], r.id);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = []));
    const j = bucket.find((b) => b.id === r.id && sameList(b[same], r[same]));
    if (j) for (const x of r[other]) j[other].push(x); // j's list is its own copy
    else {
      const copy = { ...r, [other]: r[other].slice() };
      bucket.push(copy);
      out.push(copy);
    }
  }
  for (const r of out) r[other] = [...new Set(r[other])].sort((a, b) => a - b);
  return out;
}

function hashList(list: readonly number[], seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const x of list) h = Math.imul(h ^ x, 0x01000193) >>> 0;
  return Math.imul(h ^ list.length, 0x01000193) >>> 0;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
