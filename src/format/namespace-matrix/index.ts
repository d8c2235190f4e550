import type { ReachabilityMatrix } from '../../engine/matrix.js';
import type { InputStatus } from '../../load/input-status.js';
import type { NamespaceMatrix } from '../../summary/namespace-matrix.js';
import type { Chunks } from '../matrix/chunks.js';
import { namespaceCsvChunks } from './csv.js';
import { namespaceJsonChunks } from './json.js';
import { namespaceMdChunks } from './md.js';
import { namespaceTxtChunks } from './txt.js';

export type NamespaceStreamer = (n: NamespaceMatrix, m: ReachabilityMatrix, input?: InputStatus) => Chunks;

/** `matrix --level namespace`: the formats it takes. */
export const NAMESPACE_FORMATS = {
  txt: namespaceTxtChunks,
  json: namespaceJsonChunks,
  csv: namespaceCsvChunks,
  md: namespaceMdChunks,
} as const satisfies Record<string, NamespaceStreamer>;

export type NamespaceFormat = keyof typeof NAMESPACE_FORMATS;
