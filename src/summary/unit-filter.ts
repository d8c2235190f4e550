import { chosenEnd, type AppliedFilters, type EdgeFilter } from '../engine/edge-filter.js';
import type { ReachabilityMatrix } from '../engine/matrix.js';
import type { WorkloadUnits } from './workload-units.js';

/**
 * `matrix --from/--to/--port/-n/-l` for the summaries, read per unit (workload or unmerged
 * outside block): a pair (a, b) of the workload-level matrix is kept when `from[a]`, `to[b]` and
 * `chosen[a] || chosen[b]` hold, with its connections intersected with `port`. The same meaning
 * as edge-filter.ts at the workload level, an outside range judged block by block (the workload
 * level judges the range it merged for each workload, which may reach past a block).
 */
export interface UnitFilter {
  from: Uint8Array;
  to: Uint8Array;
  /** The end -n and -l ask for (every unit when neither is given). */
  chosen: Uint8Array;
  /** Pool id of the --port connections, or undefined for all. */
  port: number | undefined;
  applied: AppliedFilters;
}

export function unitFilter(m: ReachabilityMatrix, u: WorkloadUnits, f: EdgeFilter): UnitFilter {
  const flags = (test: ((i: number) => boolean) | undefined): Uint8Array => Uint8Array.from(u.nodes, (_, i) => (test ? Number(test(i)) : 1));
  return {
    from: flags(f.src && ((i) => f.src!(u.nodes[i]!))),
    to: flags(f.dst && ((i) => f.dst!(u.nodes[i]!))),
    chosen: flags(f.namespaces || f.selector ? (i) => chosenEnd(f, u.nodes[i]!) : undefined),
    port: f.connections && m.pool.id(f.connections),
    applied: f.applied,
  };
}

/** The connection id `id` restricted to the filter's port (0: nothing left). */
export function portId(m: ReachabilityMatrix, f: UnitFilter, id: number): number {
  return f.port === undefined ? id : m.pool.intersect(id, f.port);
}
