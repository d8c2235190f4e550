import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { decodeText } from '../src/load/decode-text.js';
import { MAX_INPUT_BYTES, readBounded } from '../src/load/read-bounded.js';
import type { Diagnostic } from '../src/model/diagnostic.js';
import { escapeTerminal } from '../src/text/escape/terminal.js';
import { formatSource } from '../src/model/source.js';
import { writeStdout, writeStdoutChunks } from './stdout.js';
import type { Chunks } from '../src/format/matrix/chunks.js';
import { writeAllChunks } from './write-all.js';

/** Where a command writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, at most `maxBytes` (throws InputTooLarge past it). */
  readStdin(maxBytes?: number): string;
  /** Writes a file, creating its folder when needed. */
  writeFile(path: string, text: string): void;
  /** Writes output chunk by chunk, in order (a streamed format); without it, `out` gets each chunk. */
  outChunks?(chunks: Chunks): Promise<void>;
  /** Writes a file chunk by chunk, creating its folder; without it, `writeFile` gets the joined text. */
  writeFileChunks?(path: string, chunks: Chunks): void;
  isTTY: boolean;
  /** Writes a status line to stderr as it is (carriage return, erase): set only when stderr is a terminal (cli/progress.ts). */
  statusLine?(raw: string): void;
  /** The environment colour is decided from (NO_COLOR, FORCE_COLOR, TERM); absent: none set. */
  env?: Readonly<Record<string, string | undefined>>;
}

export const processIo: Io = {
  out: writeStdout,
  err: (t) => process.stderr.write(t),
  readStdin: (maxBytes = MAX_INPUT_BYTES) => decodeText(readBounded(0, maxBytes)),
  writeFile: (p, t) => {
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, t);
  },
  outChunks: writeStdoutChunks,
  ...(process.stderr.isTTY && process.env.TERM !== 'dumb' ? { statusLine: (raw: string) => void process.stderr.write(raw) } : {}),
  writeFileChunks: (p, chunks) => {
    mkdirSync(dirname(p), { recursive: true });
    const fd = openSync(p, 'w');
    try {
      writeAllChunks(fd, chunks);
    } finally {
      closeSync(fd);
    }
  },
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};

/** `file:line:col: error: message [code] (field spec.x)` */
export function formatDiagnostic(d: Diagnostic): string {
  const field = d.source?.field ? ` (field ${escapeTerminal(d.source.field)})` : '';
  return `${formatSource(d.source)}: ${d.severity}: ${escapeTerminal(d.message)}${field} [${escapeTerminal(d.code)}]`;
}
