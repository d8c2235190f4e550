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
export { chunkText, MATRIX_FORMATS, MATRIX_STREAMS, writeChunks, type Chunk, type Chunks, type MatrixFormat, type StreamedMatrixFormat } from './format/matrix/index.js';
export { matrixJson, type MatrixJson } from './format/matrix/json.js';

// The commands as functions (README: "Library API"): load a snapshot, then ask, lint, diff, verify, matrix.
export { ask, dependsOnPlugin, type CanQuestion, type CanResult, type CanAnswer, type PairAnswer, type PairPort, type PluginOutcome } from './query/ask.js';
export type { Member, ResolvedEnd } from './query/resolve.js';
export type { PortQuery } from './query/target-spec.js';
export type { Explanation, DirectionVerdict } from './explain/verdict.js';
export { lint, type LintOptions } from './api/lint.js';
export { parseConfig as parseLintConfig, type LintConfig } from './lint/config.js';
export { RULES } from './lint/registry.js';
export type { Finding, LintRule, RuleMeta } from './lint/rule.js';
export { diff, type DiffOptions, type DiffResult } from './api/diff.js';
export type { PairChange } from './diff/connectivity-diff.js';
export type { ChangeReasons } from './diff/responsible.js';
export type { ExplainedChange } from './format/diff/text.js';
export { verify, type VerifyOptions, type VerifyResult } from './api/verify.js';
export { parseExpectations, type Expectation } from './verify/expectations.js';
export { isUndetermined, type CheckResult } from './verify/check.js';
export { matrix, type MatrixOptions, type MatrixResult } from './api/matrix.js';
export { namespaceMatrix, type NamespaceMatrix, type NamespaceCell, type NamespaceNode } from './summary/namespace-matrix.js';
export { groupedMatrix, type GroupedMatrix, type GroupedLine, type Group } from './summary/grouped.js';
export { freeze, generatePolicies, type Generation, type GeneratedFile } from './generate/generate.js';
export { generateFromFlows, type FlowGeneration, type FromFlowsOptions } from './generate/from-flows.js';
export type { FlowLine, ResolvedFlow } from './generate/flows.js';
export { parseFlowCsv } from './generate/csv-flows.js';
export { parseHubbleFlows } from './generate/hubble-flows.js';
export { flowLinesOf, checkGenerated, type Conflict, type ExpectationOutcome } from './generate/from-expectations.js';
export type { GenerationProof, FlowDifference } from './generate/prove.js';
export type { LoadOptions } from './load/load-snapshot.js';
export type { ReadOptions } from './load/read-inputs.js';

// The command line's formats, for the results above.
export { formatCanText } from './format/explanation/text.js';
export { formatCanJson } from './format/explanation/json.js';
export { formatFindingsText } from './format/findings/text.js';
export { formatFindingsJson } from './format/findings/json.js';
export { formatFindingsSarif, type SarifPaths } from './format/findings/sarif.js';
export { formatFindingsGithub } from './format/findings/github.js';
export { formatDiffText } from './format/diff/text.js';
export { formatDiffMarkdown } from './format/diff/markdown.js';
export { formatDiffJson } from './format/diff/json.js';
export { formatVerifyText, formatVerifyJson } from './format/verify/text.js';
export { formatGenerateText, type GenerateReport } from './format/generate/text.js';
