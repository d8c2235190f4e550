// Public API: re-exports only. The library never prints and never exits.
export * from './model/index.js';
export { loadSnapshot, loadTexts, type LoadResult } from './load/load-snapshot.js';
export { readInputs, type InputText } from './load/read-inputs.js';
export { matchesSelector, formatSelector, isEmptySelector } from './select/label-selector.js';
export { PortSet } from './net/port-set.js';
export { ConnectionSet } from './net/connection-set.js';
export { IpRanges } from './net/ip-ranges.js';
export { parseCidr } from './net/cidr.js';
export { computeMatrix, ReachabilityMatrix } from './engine/matrix.js';
export { ReferenceEvaluator } from './engine/reference.js';
export { connectivity, type Connectivity, type Edge, type Node, type Level } from './engine/connectivity.js';
export type { Endpoint, Traffic } from './engine/endpoint.js';
export { MATRIX_FORMATS, MATRIX_STREAMS, writeChunks, type Chunks, type MatrixFormat, type StreamedMatrixFormat } from './format/matrix/index.js';
export { matrixJson, type MatrixJson } from './format/matrix/json.js';
