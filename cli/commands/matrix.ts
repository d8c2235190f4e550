import { progressFor } from '../progress.js';
import { emit, emitChunks } from '../emit.js';
import { connectivity, connectivityWalk, type Connectivity, type ConnectivityWalk, type Level } from '../../src/engine/connectivity.js';
import { filterConnectivity, filterWalk } from '../../src/engine/edge-filter.js';
import { isGuarded, markGuarded, type Chunk } from '../../src/format/matrix/chunks.js';
import { isStreamed, MATRIX_FORMATS, MATRIX_STREAMS, type Chunks, type MatrixFormat, type MatrixFormatter, type MatrixStreamer } from '../../src/format/matrix/index.js';
import { flag, formatOption, oneOf, outputFile, parse, str, strs, loadOptions } from '../args.js';
import { helpPage } from '../help.js';
import { MATRIX } from '../specs/matrix.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadForCommand } from '../load.js';
import { cniOption, noteCiliumCni } from '../cni.js';
import { pluginMatrix } from '../plugin-matrix.js';
import { formatInputStatusMarkdown, formatInputStatusText } from '../../src/format/input/input-status.js';
import { jsonChunks } from '../../src/format/matrix/json.js';
import { matrixFilter } from '../scope-filters.js';
import type { InputStatus } from '../../src/load/input-status.js';
import { checkSummary, summaryChunks, type Summary } from '../matrix-summary.js';

export const MATRIX_HELP = helpPage(MATRIX);

export async function matrixCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, MATRIX);
  if (flag(args, 'help')) {
    io.out(MATRIX_HELP);
    return EXIT.ok;
  }
  const format = formatOption<MatrixFormat | 'html'>(args, [...(Object.keys(MATRIX_FORMATS) as MatrixFormat[]), 'html'], 'txt');
  const chosen = oneOf<Level | 'namespace'>('level', str(args, 'level'), ['workload', 'pod', 'namespace'], 'workload');
  if (flag(args, 'grouped') && chosen !== 'workload') throw new UsageError(`--grouped groups the workload matrix; got --level ${chosen}`);
  const summary: Summary | undefined = chosen === 'namespace' ? 'namespace' : flag(args, 'grouped') ? 'grouped' : undefined;
  const level: Level = chosen === 'namespace' ? 'workload' : chosen;
  const files = [...strs(args, 'file'), ...args.positionals];
  const loaded = loadForCommand(files, io, loadOptions(args));
  noteCiliumCni(io, loaded.snapshot, cniOption(args));
  const filter = matrixFilter(args, loaded.snapshot);
  if (summary) checkSummary(summary, format);
  if (format === 'html') {
    const { reportHtml } = await import('./report.js');
    const page = reportHtml(loaded, level, `netpol-check report: ${files.join(', ')}`, cniOption(args), io, filter);
    emit(io, page, { format, output: outputFile(args), inputFiles: loaded.inputFiles });
    return loaded.errors > 0 ? EXIT.error : EXIT.ok;
  }
  const { matrix, input } = pluginMatrix(loaded.snapshot, cniOption(args), loaded.input, level, progressFor(io));
  // Every format is written as it is formatted, each edge built when it is written
  // (connectivityWalk, filtered as it goes).
  const walk = (): ConnectivityWalk => (filter ? filterWalk(connectivityWalk(matrix, level), filter) : connectivityWalk(matrix, level));
  const whole = (): Connectivity => (filter ? filterConnectivity(connectivity(matrix, level), filter) : connectivity(matrix, level));
  const chunks: Chunks = summary
    ? format === 'json' ? summaryChunks(summary, format, matrix, input, filter) : withInputStatus(format, input, summaryChunks(summary, format, matrix, input, filter))
    : format === 'json'
      ? jsonChunks(walk(), matrix, input)
      : withInputStatus(format, input, isStreamed(format) ? (MATRIX_STREAMS[format] as MatrixStreamer)(walk(), matrix) : [(MATRIX_FORMATS[format] as MatrixFormatter)(whole(), matrix)]);
  await emitChunks(io, chunks, { format, output: outputFile(args), inputFiles: loaded.inputFiles });
  return loaded.errors > 0 ? EXIT.error : EXIT.ok;
}

/**
 * A partial matrix says so at its top where the format has room for it: text as plain lines,
 * Markdown as a quoted count, DOT as comments. CSV, GEXF and GraphML have no place for it (the JSON output and
 * stderr carry it).
 */
function withInputStatus(format: MatrixFormat, input: InputStatus, chunks: Chunks): Chunks {
  if (input.complete && !input.unmodelled?.length && !input.plugin?.dependent.length) return chunks;
  if (format === 'txt') return first(formatInputStatusText(input), chunks);
  // Markdown may be posted as a comment: counts only, no names from the input (stderr lists them).
  if (format === 'md') return first(formatInputStatusMarkdown(input), chunks);
  if (format === 'dot') return first(formatInputStatusText(input, '// '), chunks);
  return chunks;
}

/** `head` (whole lines, sanitized by its formatter) as a chunk before the chunks; guarded if the chunks were. */
function first(head: string, chunks: Chunks): Chunks {
  const joined: Chunks = { [Symbol.iterator]: () => prepend(head, chunks) };
  return isGuarded(chunks) ? markGuarded(joined) : joined;
}

function* prepend(head: string, chunks: Chunks): Generator<Chunk> {
  yield head;
  yield* chunks;
}
