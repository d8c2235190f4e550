import type { AppliedFilters, EdgeFilter } from '../src/engine/edge-filter.js';
import type { Snapshot } from '../src/model/snapshot.js';
import { parsePortFilter, resolveNodeFilter } from '../src/query/node-filter.js';
import { flag, str, strs, type Parsed } from './args.js';
import { parseSelector } from '../src/select/selector-syntax.js';
import { UsageError } from './errors.js';
import type { FindingScope } from '../src/lint/finding-scope.js';

/**
 * The filter the flags ask for (--from, --to, --port, -n, -A, -l), or undefined for the whole
 * matrix; a name that fits nothing is a usage error. matrix, report and diff share it.
 */
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
  const namespaces = strs(args, 'namespace');
  if (namespaces.length && !flag(args, 'all-namespaces')) {
    filter.namespaces = new Set(namespaces);
    applied.namespaces = [...new Set(namespaces)];
  }
  const selector = str(args, 'selector');
  if (selector !== undefined) {
    const s = parseSelector(selector);
    if (!s.ok) throw new UsageError(`-l ${selector}: ${s.reason}`);
    filter.selector = s.selector;
    applied.selector = selector;
  }
  return Object.keys(applied).length ? { ...filter, applied } : undefined;
}

/** lint's -n, -A and -l: the objects whose findings are shown. */
export function findingScope(args: Parsed): FindingScope {
  const namespaces = strs(args, 'namespace');
  const selector = str(args, 'selector');
  const parsed = selector === undefined ? undefined : parseSelector(selector);
  if (parsed && !parsed.ok) throw new UsageError(`-l ${selector}: ${parsed.reason}`);
  return {
    ...(namespaces.length && !flag(args, 'all-namespaces') ? { namespaces: new Set(namespaces) } : {}),
    ...(parsed?.ok ? { selector: parsed.selector } : {}),
  };
}
