import { escapeTerminal, sanitizeTerminalText } from '../escape/terminal.js';
import type { InputError, InputStatus } from '../../load/input-status.js';

const SHOWN = 5;

function where(e: InputError): string {
  return e.file ? `${escapeTerminal(e.file)}${e.line ? `:${e.line}` : ''}` : '(input)';
}

/**
 * The line(s) a partial answer starts with in text formats; '' for a complete one. The errors
 * themselves are on stderr; this says, in the answer, that the answer does not stand on the
 * whole input.
 */
export function formatInputStatusText(status: InputStatus, prefix = ''): string {
  if (status.complete) return '';
  const n = status.errors.length;
  const lines = status.errors.slice(0, SHOWN).map((e) => `${prefix}  ${where(e)} ${e.object ? `${escapeTerminal(e.object)}: ` : ''}${escapeTerminal(e.code)}`);
  if (n > SHOWN) lines.push(`${prefix}  … and ${n - SHOWN} more (see the errors on stderr)`);
  return sanitizeTerminalText(`${prefix}PARTIAL: ${n} input error${n === 1 ? '' : 's'}; what could not be read or would be refused by the API server is left out of this answer:\n${lines.join('\n')}\n`);
}

/**
 * For a pull-request comment: a count only (names from the input stay out of Markdown; the job
 * log lists the errors).
 */
export function formatInputStatusMarkdown(status: InputStatus): string {
  if (status.complete) return '';
  const n = status.errors.length;
  return `> **Partial:** ${n} input error${n === 1 ? '' : 's'}; what could not be read or would be refused by the API server is left out of this comparison (the job log lists them).\n\n`;
}

/** The fields every JSON output carries: `complete`, and the errors when it is not. */
export function inputStatusJson(status: InputStatus): { complete: boolean; inputErrors?: InputError[] } {
  return status.complete ? { complete: true } : { complete: false, inputErrors: status.errors };
}
