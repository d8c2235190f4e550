import { clearProgress } from './progress.js';
import { sanitizeTerminalText } from '../src/text/escape/terminal.js';
import type { Io } from './io.js';
import { colourWanted } from './colour.js';
import type { Painter } from './paint.js';
import { writeOutput, writeOutputChunks } from './write-output.js';
import { chunkText, isGuarded, type Chunk, type Chunks } from '../src/format/matrix/chunks.js';

/** Formats read by people in a terminal or a CI log: guarded by `sanitizeTerminalText`. */
const TERMINAL_FORMATS = new Set(['text', 'txt', 'md', 'dot', 'csv']);

/**
 * Prints a command's answer, or writes it to `--output-file FILE` (see writeOutput). Text formats get the
 * terminal guard on top of the formatters' own escaping, then `paint` (colour) when a person reads
 * standard output (colourWanted); machine formats (JSON, SARIF, XML,
 * HTML, GitHub workflow commands) are escaped by their formatters and written as they are.
 */
export function emit(io: Io, text: string, options: { format: string; output?: string | undefined; inputFiles?: readonly string[] | undefined; paint?: Painter | undefined }): void {
  clearProgress(io);
  const shown = TERMINAL_FORMATS.has(options.format) ? sanitizeTerminalText(text) : text;
  if (options.output) writeOutput(io, options.output, shown, options.inputFiles ?? []);
  else io.out(options.paint && isText(options.format) && colourWanted(io.isTTY, io.env ?? {}) ? options.paint(shown) : shown);
}

/** The formats painted when a person reads them (never JSON, SARIF, CSV, Markdown or DOT). */
function isText(format: string): boolean {
  return format === 'text' || format === 'txt';
}

/**
 * emit for a streamed format: chunk by chunk to stdout (waiting for a slow reader, quiet when it
 * has gone) or to `--output-file FILE`. The terminal guard is line-wise and chunks end at line ends, so the
 * text is the same as emit's on the joined chunks; chunks a formatter marked as guarded already
 * (markGuarded) are not scanned twice.
 */
export async function emitChunks(io: Io, chunks: Chunks, options: { format: string; output?: string | undefined; inputFiles?: readonly string[] | undefined }): Promise<void> {
  const shown = TERMINAL_FORMATS.has(options.format) && !isGuarded(chunks) ? guarded(chunks) : chunks;
  if (options.output) writeOutputChunks(io, options.output, shown, options.inputFiles ?? []);
  else if (io.outChunks) await io.outChunks(shown);
  else for (const c of shown) io.out(chunkText(c));
}

function* guarded(chunks: Chunks): Generator<Chunk> {
  for (const c of chunks) yield sanitizeTerminalText(chunkText(c));
}
