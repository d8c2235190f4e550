import type { ReachabilityMatrix } from '../../engine/matrix.js';
import type { InputStatus } from '../../load/input-status.js';
import type { GroupedMatrix } from '../../summary/grouped.js';
import type { Chunks } from '../matrix/chunks.js';
import { groupedCsvChunks } from './csv.js';
import { groupedJsonChunks } from './json.js';
import { groupedMdChunks } from './md.js';
import { groupedTxtChunks } from './txt.js';

export type GroupedStreamer = (g: GroupedMatrix, m: ReachabilityMatrix, input?: InputStatus) => Chunks;

/** `matrix --grouped`: the formats it takes. */
export const GROUPED_FORMATS = {
  txt: groupedTxtChunks,
  json: groupedJsonChunks,
  csv: groupedCsvChunks,
  md: groupedMdChunks,
} as const satisfies Record<string, GroupedStreamer>;

export type GroupedFormat = keyof typeof GROUPED_FORMATS;
