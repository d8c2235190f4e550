import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { decodeText } from '../src/load/decode-text.js';
import { MAX_INPUT_BYTES, readBounded } from '../src/load/read-bounded.js';
import type { Diagnostic } from '../src/model/diagnostic.js';
import { escapeTerminal } from '../src/format/escape/terminal.js';
import { formatSource } from '../src/model/source.js';

/** Where a command writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, at most `maxBytes` (throws InputTooLarge past it). */
  readStdin(maxBytes?: number): string;
  /** Writes a file, creating its folder when needed. */
  writeFile(path: string, text: string): void;
  isTTY: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readStdin: (maxBytes = MAX_INPUT_BYTES) => decodeText(readBounded(0, maxBytes)),
  writeFile: (p, t) => {
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, t);
  },
  isTTY: Boolean(process.stdout.isTTY),
};

/** `file:line:col: error: message [code] (field spec.x)` */
export function formatDiagnostic(d: Diagnostic): string {
  const field = d.source?.field ? ` (field ${escapeTerminal(d.source.field)})` : '';
  return `${formatSource(d.source)}: ${d.severity}: ${escapeTerminal(d.message)}${field} [${escapeTerminal(d.code)}]`;
}
