import { inputStatusJson } from '../input/input-status.js';
import type { InputStatus } from '../../load/input-status.js';
import type { AppliedFilters } from '../../engine/edge-filter.js';
import type { ReachabilityMatrix } from '../../engine/matrix.js';
import type { SemanticsName } from '../../model/semantics.js';
import { formatIp } from '../../net/ip-address.js';
import type { NamespaceCell, NamespaceMatrix, NamespaceNode } from '../../summary/namespace-matrix.js';
import { batch, joinChunks, type Chunks } from '../matrix/chunks.js';
import { portsJson } from '../matrix/json.js';

/** `matrix --level namespace -o json`, version 1 (README "JSON output"). */
export interface NamespaceMatrixJson {
  format: 'netpol-check/matrix';
  version: 1;
  semantics: SemanticsName;
  complete: boolean;
  inputErrors?: InputStatus['errors'];
  level: 'namespace';
  /** The filters asked for (--from, --to, --port, -n, -l): only the pairs they keep are counted. */
  filters?: AppliedFilters;
  nodes: ({ id: string; kind: 'namespace' } | { id: string; kind: 'external'; family: 4 | 6; first: string; last: string })[];
  connections: { src: string; dst: string; all: boolean; text: string; ports: ReturnType<typeof portsJson>; pairs: { allowed: number; total: number; all: boolean } }[];
}

const nodeJson = (n: NamespaceNode): NamespaceMatrixJson['nodes'][number] =>
  n.kind === 'namespace' ? { id: n.id, kind: 'namespace' } : { id: n.id, kind: 'external', family: n.family, first: formatIp(n.family, n.lo), last: formatIp(n.family, n.hi) };

const cellJson = (c: NamespaceCell): NamespaceMatrixJson['connections'][number] => ({
  src: c.src.id,
  dst: c.dst.id,
  all: c.connections.isAll(),
  text: c.connections.toString(),
  ports: portsJson(c.connections),
  pairs: { allowed: c.allowed, total: c.pairs, all: c.allowed === c.pairs },
});

export function namespaceMatrixJson(n: NamespaceMatrix, m: ReachabilityMatrix, input: InputStatus = { complete: true, errors: [] }): NamespaceMatrixJson {
  return { format: 'netpol-check/matrix', version: 1, semantics: m.semantics, ...inputStatusJson(input), level: 'namespace', ...(n.filters ? { filters: n.filters } : {}), nodes: n.nodes.map(nodeJson), connections: n.cells.map(cellJson) };
}

/** The document as `JSON.stringify(namespaceMatrixJson(…), null, 2)` (the namespace level is small: built whole). */
export const namespaceJsonChunks = (n: NamespaceMatrix, m: ReachabilityMatrix, input?: InputStatus): Chunks => batch([`${JSON.stringify(namespaceMatrixJson(n, m, input), null, 2)}\n`]);

export const formatNamespaceJson = (n: NamespaceMatrix, m: ReachabilityMatrix, input?: InputStatus): string => joinChunks(namespaceJsonChunks(n, m, input));
