import { setBits } from '../engine/bitset.js';
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
  for (const g of bySignature.values()) {
    const acc = new Map<number, number>();
    for (const row of g.rows) {
      row.ids.forEach((id, i) => {
        for (const d of setBits(row.bits[i]!)) {
          if (d < P) for (const b of u.unitsOfClass[d]!) acc.set(b, m.pool.union(acc.get(b) ?? 0, id));
          else if (!g.outside) {
            const b = u.unitOfBlock[d - P]!;
            if (b >= 0) acc.set(b, m.pool.union(acc.get(b) ?? 0, id));
          } // NetworkPolicy has no say between two outside addresses: the workload level shows no such pair
        }
      });
    }
    if (g.units.length === 1) acc.delete(g.units[0]!); // a workload and itself are not a pair
    const byId = new Map<number, number[]>();
    for (const [b, id] of acc) {
      let list = byId.get(id);
      if (!list) byId.set(id, (list = []));
      list.push(b);
    }
    for (const [id, destinations] of byId) rects.push({ sources: g.units, destinations: destinations.sort((a, b) => a - b), id });
  }
  return joinBy(joinBy(rects, 'destinations', 'sources'), 'sources', 'destinations').filter((r) => !(r.sources.length === 1 && r.destinations.length === 1 && r.sources[0] === r.destinations[0]));
}

/** Rectangles with the same `same` list and connections become one, with the union of their `other` lists. */
function joinBy(rects: UnitRect[], same: 'sources' | 'destinations', other: 'sources' | 'destinations'): UnitRect[] {
  const joined = new Map<string, UnitRect>();
  for (const r of rects) {
    const key = `${r.id}|${r[same].join(',')}`;
    const j = joined.get(key);
    if (!j) joined.set(key, { ...r, [other]: r[other].slice() });
    else j[other].push(...r[other]);
  }
  const out = [...joined.values()];
  for (const r of out) r[other] = [...new Set(r[other])].sort((a, b) => a - b);
  return out;
}
