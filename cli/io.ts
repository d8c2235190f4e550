import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { decodeText } from '../src/load/decode-text.js';
import type { Diagnostic } from '../src/model/diagnostic.js';
import { formatSource } from '../src/model/source.js';

/** Where a command writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readStdin(): string;
  /** Writes a file, creating its folder when needed. */
  writeFile(path: string, text: string): void;
  isTTY: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readStdin: () => decodeText(readFileSync(0)),
  writeFile: (p, t) => {
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, t);
  },
  isTTY: Boolean(process.stdout.isTTY),
};

/** `file:line:col: error: message [code] (field spec.x)` */
export function formatDiagnostic(d: Diagnostic): string {
  const field = d.source?.field ? ` (field ${d.source.field})` : '';
  return `${formatSource(d.source)}: ${d.severity}: ${d.message}${field} [${d.code}]`;
}
