import { inputStatusJson } from '../input/input-status.js';
import type { InputStatus } from '../../load/input-status.js';
import type { AppliedFilters } from '../../engine/edge-filter.js';
import type { ReachabilityMatrix } from '../../engine/matrix.js';
import type { SemanticsName } from '../../model/semantics.js';
import type { Group, GroupedLine, GroupedMatrix } from '../../summary/grouped.js';
import type { DescriptorKind } from '../../summary/descriptors.js';
import { batch, joinChunks, type Chunks } from '../matrix/chunks.js';
import { portsJson } from '../matrix/json.js';

/** `matrix --grouped -o json`, version 1 (README "JSON output"). */
export interface GroupedMatrixJson {
  format: 'netpol-check/matrix';
  version: 1;
  semantics: SemanticsName;
  complete: boolean;
  inputErrors?: InputStatus['errors'];
  level: 'grouped';
  /** The filters asked for (--from, --to, --port, -n, -l): the lines cover only the pairs they keep. */
  filters?: AppliedFilters;
  lines: { sources: GroupJson[]; destinations: GroupJson[]; all: boolean; text: string; ports: ReturnType<typeof portsJson> }[];
}

/** `text` is what `can` and `matrix --from/--to` take; `nodes`, how many workloads or blocks it stands for. */
interface GroupJson {
  text: string;
  kind: DescriptorKind;
  nodes: number;
}

const groupJson = (g: Group): GroupJson[] => g.descriptors.map((d) => ({ text: d.text, kind: d.kind, nodes: d.units.length }));

const lineJson = (l: GroupedLine): GroupedMatrixJson['lines'][number] => ({
  sources: groupJson(l.sources),
  destinations: groupJson(l.destinations),
  all: l.connections.isAll(),
  text: l.connections.toString(),
  ports: portsJson(l.connections),
});

export function groupedMatrixJson(g: GroupedMatrix, m: ReachabilityMatrix, input: InputStatus = { complete: true, errors: [] }): GroupedMatrixJson {
  return { format: 'netpol-check/matrix', version: 1, semantics: m.semantics, ...inputStatusJson(input), level: 'grouped', ...(g.filters ? { filters: g.filters } : {}), lines: g.lines.map(lineJson) };
}

/** The document as `JSON.stringify(groupedMatrixJson(…), null, 2)` (the grouped form is small: built whole). */
export const groupedJsonChunks = (g: GroupedMatrix, m: ReachabilityMatrix, input?: InputStatus): Chunks => batch([`${JSON.stringify(groupedMatrixJson(g, m, input), null, 2)}\n`]);

export const formatGroupedJson = (g: GroupedMatrix, m: ReachabilityMatrix, input?: InputStatus): string => joinChunks(groupedJsonChunks(g, m, input));
