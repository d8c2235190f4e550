import { popcount } from '../../engine/bitset.js';
import type { ReachabilityMatrix } from '../../engine/matrix.js';
import type { ReportUnits } from './report-units.js';

/** The destinations of one source unit: some one by one, the rest only counted. */
export interface CountedDestinations {
  /** `[unit, connection id]` for the destinations in the namespaces asked for, by unit index. */
  pairs: [number, number][];
  /** Every destination unit (the pairs included), the unit itself left out. */
  total: number;
  /** The destination units in the source's own namespace (the source left out). */
  ownNamespace: number;
}

export interface UnitDestinations {
  /** Every destination unit of `u` with its connection id, by unit index. */
  all(u: number): [number, number][];
  /** The destinations of `u` one by one only in `namespaces` (indices of `units.namespaces`); the rest counted. */
  counted(u: number, namespaces: readonly number[]): CountedDestinations;
  /** Outside blocks `u` reaches: block index → connection id. */
  blocks(u: number): Map<number, number>;
}

/**
 * The unit-to-unit part of the class matrix, read one source unit at a time. Counting is done on
 * the pod classes: the classes a unit reaches are one bitset, and where a class is the only class
 * of a single unit (the usual case: a workload's pods share their labels) a word of 32 classes is
 * counted at once. A dense cluster's hundreds of millions of pairs then cost a few million word
 * operations, not a map entry each; connection ids are looked up only for the namespaces a caller
 * still draws.
 */
export function unitDestinations(m: ReachabilityMatrix, units: ReportUnits): UnitDestinations {
  const P = m.pods.classes.length;
  const U = units.nodes.length;
  const classWords = (P + 31) >>> 5;
  // Per class: how many units have this class as their only one; the units with several classes.
  const singles = new Int32Array(P);
  const several: number[][] = Array.from({ length: P }, () => []);
  units.classesOf.forEach((cs, v) => {
    if (cs.length === 1) singles[cs[0]!]!++;
    else for (const c of cs) several[c]!.push(v);
  });
  // Classes whose units are one unit with that class only: counted a word at a time.
  const oneUnit = new Uint32Array(classWords);
  for (let d = 0; d < P; d++) if (singles[d] === 1 && several[d]!.length === 0) oneUnit[d >>> 5]! |= 1 << (d & 31);
  const reached = new Uint32Array(classWords);
  const classesOfNs: number[][] = units.unitsOfNs.map((us) => [...new Set(us.flatMap((v) => units.classesOf[v]!))].sort((x, y) => x - y));

  const acc = new Int32Array(U);
  const stamp = new Int32Array(U);
  const touched: number[] = [];
  let mark = 0;
  const gather = (v: number, id: number): void => {
    const was = acc[v]!;
    if (was === 0) {
      touched.push(v);
      acc[v] = id;
    } else if (was !== id) acc[v] = m.pool.union(was, id);
  };
  const drain = (): [number, number][] => {
    touched.sort((x, y) => x - y);
    const out: [number, number][] = touched.map((v) => [v, acc[v]!]);
    for (const v of touched) acc[v] = 0;
    touched.length = 0;
    return out;
  };
  /** The connection id from unit u to class d (0: none). */
  const idTo = (u: number, d: number): number => {
    let id = 0;
    const word = d >>> 5;
    const bit = 1 << (d & 31);
    for (const s of units.classesOf[u]!) {
      const row = m.rows[s]!;
      for (let i = 0; i < row.ids.length; i++) {
        if (row.bits[i]![word]! & bit) {
          id = id === 0 ? row.ids[i]! : m.pool.union(id, row.ids[i]!);
          break;
        }
      }
    }
    return id;
  };

  return {
    all(u) {
      for (const s of units.classesOf[u]!) {
        const row = m.rows[s]!;
        for (let i = 0; i < row.ids.length; i++) {
          const id = row.ids[i]!;
          const bits = row.bits[i]!;
          const words = Math.min(bits.length, classWords);
          for (let w = 0; w < words; w++) {
            let word = bits[w]!;
            while (word !== 0) {
              const low = word & -word;
              word = (word ^ low) >>> 0;
              const d = (w << 5) + (31 - Math.clz32(low));
              if (d >= P) break;
              for (const v of units.unitsOfClass[d]!) if (v !== u) gather(v, id);
            }
          }
        }
      }
      return drain();
    },

    counted(u, namespaces) {
      const mine = ++mark;
      const own = units.classesOf[u]!;
      // The classes u reaches, as one bitset (its classes' rows ORed: a class reached twice counts once).
      reached.fill(0);
      for (const s of own) {
        const row = m.rows[s]!;
        for (const bits of row.bits) {
          const words = Math.min(bits.length, classWords);
          for (let w = 0; w < words; w++) reached[w]! |= bits[w]!;
        }
      }
      let total = 0;
      for (let w = 0; w < classWords; w++) {
        const word = reached[w]!;
        if (word === 0) continue;
        // Classes that are the only class of exactly one unit: a population count.
        total += popcount(word & oneUnit[w]!);
        let rest = (word & ~oneUnit[w]!) >>> 0;
        while (rest !== 0) {
          const low = rest & -rest;
          rest = (rest ^ low) >>> 0;
          const d = (w << 5) + (31 - Math.clz32(low));
          if (d >= P) break;
          total += singles[d]!;
          for (const v of several[d]!) {
            if (stamp[v] !== mine) {
              stamp[v] = mine;
              total++;
            }
          }
        }
      }
      // u itself: counted above when one of its classes reaches another (or the same) of its classes.
      if (own.length === 1 ? (reached[own[0]! >>> 5]! & (1 << (own[0]! & 31))) !== 0 : stamp[u] === mine) total--;

      const a = units.nsOfUnit[u]!;
      let ownNamespace = 0;
      const ownMark = ++mark;
      const hit = (d: number): boolean => (reached[d >>> 5]! & (1 << (d & 31))) !== 0;
      for (const d of classesOfNs[a]!) {
        if (!hit(d)) continue;
        for (const v of units.unitsOfClass[d]!) {
          if (v !== u && units.nsOfUnit[v] === a && stamp[v] !== ownMark) {
            stamp[v] = ownMark;
            ownNamespace++;
          }
        }
      }
      for (const b of namespaces) {
        for (const d of classesOfNs[b]!) {
          const id = hit(d) ? idTo(u, d) : 0;
          if (id === 0) continue;
          for (const v of units.unitsOfClass[d]!) if (v !== u && units.nsOfUnit[v] === b) gather(v, id);
        }
      }
      return { pairs: drain(), total, ownNamespace };
    },

    blocks(u) {
      const out = new Map<number, number>();
      for (const s of units.classesOf[u]!) {
        const row = m.rows[s]!;
        for (let i = 0; i < row.ids.length; i++) {
          const id = row.ids[i]!;
          const bits = row.bits[i]!;
          for (let w = P >>> 5; w < bits.length; w++) {
            let word = bits[w]!;
            while (word !== 0) {
              const low = word & -word;
              word = (word ^ low) >>> 0;
              const d = (w << 5) + (31 - Math.clz32(low));
              if (d >= P) out.set(d - P, m.pool.union(out.get(d - P) ?? 0, id));
            }
          }
        }
      }
      return out;
    },
  };
}
