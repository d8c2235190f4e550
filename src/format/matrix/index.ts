import type { Connectivity } from '../../engine/connectivity.js';
import type { ReachabilityMatrix } from '../../engine/matrix.js';
import { formatCsv } from './csv.js';
import { formatDot } from './dot.js';
import { formatGexf, formatGraphml } from './graph-files.js';
import { formatJson } from './json.js';
import { formatMd } from './md.js';
import { formatTxt } from './txt.js';

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
