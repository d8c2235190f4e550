import type { Connectivity, ConnectivityWalk } from '../../engine/connectivity.js';
import type { ReachabilityMatrix } from '../../engine/matrix.js';
import type { InputStatus } from '../../load/input-status.js';
import type { Chunks } from './chunks.js';
import { csvChunks, formatCsv } from './csv.js';
import { dotChunks, formatDot } from './dot.js';
import { formatGexf, gexfChunks } from './gexf.js';
import { formatGraphml, graphmlChunks } from './graphml.js';
import { formatJson, jsonChunks } from './json.js';
import { formatMd, mdChunks } from './md.js';
import { formatTxt, txtChunks } from './txt.js';

export type MatrixFormatter = (c: Connectivity, m: ReachabilityMatrix) => string;

export const MATRIX_FORMATS = {
  txt: formatTxt,
  json: formatJson,
  csv: formatCsv,
  md: formatMd,
  dot: formatDot,
  gexf: formatGexf,
  graphml: formatGraphml,
} as const satisfies Record<string, MatrixFormatter>;

export type MatrixFormat = keyof typeof MATRIX_FORMATS;

/** A formatter that writes as it goes (chunks.ts): the same text as its MATRIX_FORMATS entry. */
export type MatrixStreamer = (c: ConnectivityWalk, m: ReachabilityMatrix, input?: InputStatus) => Chunks;

/** Every format is written chunk by chunk. */
export const MATRIX_STREAMS = {
  txt: txtChunks,
  json: jsonChunks,
  csv: csvChunks,
  md: mdChunks,
  dot: dotChunks,
  gexf: gexfChunks,
  graphml: graphmlChunks,
} as const satisfies Partial<Record<MatrixFormat, MatrixStreamer>>;

export type StreamedMatrixFormat = keyof typeof MATRIX_STREAMS;

export const isStreamed = (f: string): f is StreamedMatrixFormat => Object.hasOwn(MATRIX_STREAMS, f);

export { batch, chunkText, CHUNK_SIZE, joinChunks, writeChunks, type Chunk, type Chunks } from './chunks.js';
