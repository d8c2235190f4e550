import type { ReachabilityMatrix } from '../src/engine/matrix.js';
import { GROUPED_FORMATS, type GroupedFormat } from '../src/format/grouped/index.js';
import type { Chunks } from '../src/format/matrix/chunks.js';
import { NAMESPACE_FORMATS, type NamespaceFormat } from '../src/format/namespace-matrix/index.js';
import type { InputStatus } from '../src/load/input-status.js';
import { groupedMatrix } from '../src/summary/grouped.js';
import { namespaceMatrix } from '../src/summary/namespace-matrix.js';
import { namespaceCellsOf } from '../src/summary/namespace-filter.js';
import type { EdgeFilter } from '../src/engine/edge-filter.js';
import { UsageError } from './errors.js';

/** `matrix --level namespace` and `matrix --grouped` (issue 19, item 3): summaries whose size follows the policies. */
export type Summary = 'namespace' | 'grouped';

const FORMATS: Record<Summary, readonly string[]> = { namespace: Object.keys(NAMESPACE_FORMATS), grouped: Object.keys(GROUPED_FORMATS) };

/**
 * Refuses what a summary does not take: other formats, and the pair filters (they pick pairs, a
 * summary has none) but -n on the namespace level, which keeps the cells with an end in NS.
 */
export function checkSummary(summary: Summary, format: string, filter: EdgeFilter | undefined): void {
  const what = summary === 'namespace' ? '--level namespace' : '--grouped';
  if (!FORMATS[summary].includes(format)) throw new UsageError(`${what} is written as ${FORMATS[summary].join(', ')}; got -o ${format}`);
  if (!filter) return;
  const onlyNamespaces = Object.keys(filter.applied).every((k) => k === 'namespaces');
  if (summary === 'namespace' && onlyNamespaces) return;
  throw new UsageError(`${what} summarises the whole matrix: --from, --to, --port, -l${summary === 'grouped' ? ' and -n (without -A)' : ''} apply to --level workload or pod${summary === 'namespace' ? ' (-n keeps the cells with an end in NS)' : ''}`);
}

export function summaryChunks(summary: Summary, format: string, matrix: ReachabilityMatrix, input: InputStatus, filter?: EdgeFilter): Chunks {
  if (summary === 'grouped') return GROUPED_FORMATS[format as GroupedFormat](groupedMatrix(matrix), matrix, input);
  const whole = namespaceMatrix(matrix);
  const namespaces = filter?.applied.namespaces;
  return NAMESPACE_FORMATS[format as NamespaceFormat](namespaces ? namespaceCellsOf(whole, namespaces) : whole, matrix, input);
}
