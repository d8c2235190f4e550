import type { ReachabilityMatrix, Row } from '../engine/matrix.js';
import type { WorkloadUnits } from './workload-units.js';

/**
 * Every unit of `sources` may open connection `id` (of the matrix's pool) to every unit of
 * `destinations` other than itself. Unit lists are sorted.
 */
export interface UnitRect {
  sources: number[];
  destinations: number[];
  id: number;
}

/**
 * The workload-level matrix as rectangles, exactly: a workload's allowed destinations follow
 * from the rows of its pod classes alone, so workloads whose classes have the same rows get the
 * same line(s); then rectangles with the same destinations and connections are joined, and
 * those with the same sources and connections. Cost: one walk over each distinct set of rows.
 */
export function unitRects(m: ReachabilityMatrix, u: WorkloadUnits): UnitRect[] {
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

  const rects: UnitRect[] = [];
  // Per destination unit, the union of connection ids; `touched` lists the units set for this group.
  const acc = new Int32Array(u.nodes.length);
  const touched: number[] = [];
  const add = (b: number, id: number): void => {
    const had = acc[b]!;
    if (had === 0) touched.push(b);
    acc[b] = had === 0 || had === id ? id : m.pool.union(had, id);
  };
  for (const g of bySignature.values()) {
    for (const row of g.rows) {
      for (let i = 0; i < row.ids.length; i++) {
        const id = row.ids[i]!;
        const bits = row.bits[i]!;
        // The set bits, word by word (no generator: this is the loop the cost follows).
        for (let w = 0; w < bits.length; w++) {
          let word = bits[w]!;
          while (word !== 0) {
            const low = word & -word;
            word = (word ^ low) >>> 0;
            const d = (w << 5) + (31 - Math.clz32(low));
            if (d < P) for (const b of u.unitsOfClass[d]!) add(b, id);
            else if (!g.outside) {
              const b = u.unitOfBlock[d - P]!;
              if (b >= 0) add(b, id);
            } // NetworkPolicy has no say between two outside addresses: the workload level shows no such pair
          }
        }
      }
    }
    if (g.units.length === 1 && acc[g.units[0]!] !== 0) acc[g.units[0]!] = -1; // a workload and itself are not a pair
    const byId = new Map<number, number[]>();
    for (const b of touched) {
      const id = acc[b]!;
      acc[b] = 0;
      if (id === -1) continue;
      let list = byId.get(id);
      if (!list) byId.set(id, (list = []));
      list.push(b);
    }
    touched.length = 0;
    for (const [id, destinations] of byId) rects.push({ sources: g.units, destinations: destinations.sort((a, b) => a - b), id });
  }
  return joinBy(joinBy(rects, 'destinations', 'sources'), 'sources', 'destinations').filter((r) => !(r.sources.length === 1 && r.destinations.length === 1 && r.sources[0] === r.destinations[0]));
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
    if (j) j[other] = j[other].concat(r[other]);
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
