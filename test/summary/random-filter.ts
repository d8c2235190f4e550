import fc from 'fast-check';
import type { EdgeFilter } from '../../src/engine/edge-filter.js';
import type { AppliedFilters } from '../../src/engine/edge-filter.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { parsePortFilter, resolveNodeFilter } from '../../src/query/node-filter.js';
import { parseSelector } from '../../src/select/selector-syntax.js';

/** What a user would type after `matrix --from/--to/--port/-n/-l`, over random-cluster.ts's vocabulary. */
export interface FilterWords {
  from?: string;
  to?: string;
  port?: string;
  namespaces?: string[];
  selector?: string;
}

const end = fc.constantFrom('a/*', 'b/*', 'app=x', 'tier=y', 'c/team=z', 'app', '10.1.0.0/16', '192.168.0.0/16', '0.0.0.0/0', '2001:db8::/32');

export const filterWords: fc.Arbitrary<FilterWords> = fc.record(
  {
    from: end,
    to: end,
    port: fc.constantFrom('80', '53/udp', '443', '8080', '9090/sctp'),
    namespaces: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 2 }),
    selector: fc.constantFrom('app=x', 'tier!=y', 'team', 'app in (x,z)'),
  },
  { requiredKeys: [] },
);

/**
 * The filter as cli/scope-filters.ts builds it from the same words, with the library's parts; an
 * end that names nothing in this snapshot is left out (the command line refuses it).
 */
export function edgeFilter(snapshot: Snapshot, w: FilterWords): EdgeFilter | undefined {
  const applied: AppliedFilters = {};
  const f: Omit<EdgeFilter, 'applied'> = {};
  for (const side of ['from', 'to'] as const) {
    const text = w[side];
    if (text === undefined) continue;
    const r = resolveNodeFilter(snapshot, text);
    if (!r.ok) continue;
    f[side === 'from' ? 'src' : 'dst'] = r.matches;
    applied[side] = text;
  }
  if (w.port !== undefined) {
    const p = parsePortFilter(w.port);
    if (!p.ok) throw new Error(p.reason);
    f.connections = p.connections;
    applied.port = p.text;
  }
  if (w.namespaces) {
    f.namespaces = new Set(w.namespaces);
    applied.namespaces = w.namespaces;
  }
  if (w.selector !== undefined) {
    const s = parseSelector(w.selector);
    if (!s.ok) throw new Error(s.reason);
    f.selector = s.selector;
    applied.selector = w.selector;
  }
  return Object.keys(applied).length ? { ...f, applied } : undefined;
}
