import type { ReachabilityMatrix } from '../src/engine/matrix.js';
import { GROUPED_FORMATS, type GroupedFormat } from '../src/format/grouped/index.js';
import type { Chunks } from '../src/format/matrix/chunks.js';
import { NAMESPACE_FORMATS, type NamespaceFormat } from '../src/format/namespace-matrix/index.js';
import type { InputStatus } from '../src/load/input-status.js';
import { filteredNamespaceMatrix } from '../src/summary/filtered-namespace-matrix.js';
import { groupedMatrix } from '../src/summary/grouped.js';
import { namespaceMatrix } from '../src/summary/namespace-matrix.js';
import type { EdgeFilter } from '../src/engine/edge-filter.js';
import { UsageError } from './errors.js';

/** `matrix --level namespace` and `matrix --grouped` (issue 19, item 3): summaries whose size follows the policies. */
export type Summary = 'namespace' | 'grouped';

const FORMATS: Record<Summary, readonly string[]> = { namespace: Object.keys(NAMESPACE_FORMATS), grouped: Object.keys(GROUPED_FORMATS) };

/** Refuses the formats a summary is not written in. */
export function checkSummary(summary: Summary, format: string): void {
  const what = summary === 'namespace' ? '--level namespace' : '--grouped';
  if (!FORMATS[summary].includes(format)) throw new UsageError(`${what} is written as ${FORMATS[summary].join(', ')}; got -o ${format}`);
}

/**
 * The summary of the workload-level matrix, or, with --from/--to/--port/-n/-l, of the pairs the
 * filters keep of it (the same meaning as for the pairs; JSON `filters` says which).
 */
export function summaryChunks(summary: Summary, format: string, matrix: ReachabilityMatrix, input: InputStatus, filter?: EdgeFilter): Chunks {
  if (summary === 'grouped') return GROUPED_FORMATS[format as GroupedFormat](groupedMatrix(matrix, filter), matrix, input);
  return NAMESPACE_FORMATS[format as NamespaceFormat](filter ? filteredNamespaceMatrix(matrix, filter) : namespaceMatrix(matrix), matrix, input);
}
