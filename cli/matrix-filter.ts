import type { ParseArgsConfig } from 'node:util';
import type { AppliedFilters, EdgeFilter } from '../src/engine/edge-filter.js';
import type { Snapshot } from '../src/model/snapshot.js';
import { parsePortFilter, resolveNodeFilter } from '../src/query/node-filter.js';
import { flag, str, type Parsed } from './args.js';
import { UsageError } from './errors.js';

/** matrix's filters (issue 19, item 2); -n is common to every command. */
export const MATRIX_FILTER_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  port: { type: 'string' },
  'all-namespaces': { type: 'boolean', short: 'A' },
} as const satisfies ParseArgsConfig['options'];

/** [flags, text] rows of the help page; text lines after the first continue under the text. */
export const MATRIX_FILTER_ROWS: readonly (readonly [string, string])[] = [
  ['--from SEL', 'only pairs whose source is SEL: a name as can takes it (NAME,\nNS/NAME, KIND/NAME), a label selector (app=web), an address or CIDR'],
  ['--to SEL', 'only pairs whose destination is SEL (the same syntax)'],
  ['--port PORT[/PROTO]', 'only pairs that allow that port (tcp by default), each shown\nwith that port only'],
  ['-A, --all-namespaces', 'every pair (the default); with -n NS and without -A, only the\npairs with an end in NS, as kubectl get -n'],
];

/** The filter the flags ask for, or undefined for the whole matrix; a name that fits nothing is a usage error. */
export function matrixFilter(args: Parsed, snapshot: Snapshot): EdgeFilter | undefined {
  const applied: AppliedFilters = {};
  const filter: Omit<EdgeFilter, 'applied'> = {};
  for (const end of ['from', 'to'] as const) {
    const text = str(args, end);
    if (text === undefined) continue;
    const r = resolveNodeFilter(snapshot, text);
    if (!r.ok) throw new UsageError(`--${end} ${text}: ${r.reason}${r.candidates.length ? ` (did you mean ${r.candidates.join(', ')}?)` : ''}`);
    filter[end === 'from' ? 'src' : 'dst'] = r.matches;
    applied[end] = text;
  }
  const port = str(args, 'port');
  if (port !== undefined) {
    const p = parsePortFilter(port);
    if (!p.ok) throw new UsageError(p.reason);
    filter.connections = p.connections;
    applied.port = p.text;
  }
  const namespace = str(args, 'namespace');
  if (namespace && !flag(args, 'all-namespaces')) {
    filter.namespaces = new Set([namespace]);
    applied.namespaces = [namespace];
  }
  return Object.keys(applied).length ? { ...filter, applied } : undefined;
}
