import { sanitizeTerminalText } from '../src/format/escape/terminal.js';
import type { Io } from './io.js';
import { writeOutput } from './write-output.js';

/** Formats read by people in a terminal or a CI log: guarded by `sanitizeTerminalText`. */
const TERMINAL_FORMATS = new Set(['text', 'txt', 'md', 'dot', 'csv']);

/**
 * Prints a command's answer, or writes it to `-o FILE` (see writeOutput). Text formats get the
 * terminal guard on top of the formatters' own escaping; machine formats (JSON, SARIF, XML,
 * HTML, GitHub workflow commands) are escaped by their formatters and written as they are.
 */
export function emit(io: Io, text: string, options: { format: string; output?: string | undefined; inputFiles?: readonly string[] | undefined }): void {
  const shown = TERMINAL_FORMATS.has(options.format) ? sanitizeTerminalText(text) : text;
  if (options.output) writeOutput(io, options.output, shown, options.inputFiles ?? []);
  else io.out(shown);
}
