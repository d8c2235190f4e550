import type { Connectivity } from '../../engine/connectivity.js';

/** `SRC => DST : CONNS`, one line per allowed pair (the conformance corpus format). */
export function formatTxt(c: Connectivity): string {
  return c.edges.map((e) => `${e.src.id} => ${e.dst.id} : ${e.connections.toString()}\n`).join('');
}
