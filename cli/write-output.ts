import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { escapeTerminal } from '../src/text/escape/terminal.js';
import { UsageError } from './errors.js';
import { cannotWrite } from './write-error.js';
import type { Io } from './io.js';
import { joinChunks, type Chunks } from '../src/format/matrix/chunks.js';

/** True when `a` and `b` are the same file (same device and inode: links and `./x` included). */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Writes `-o` output. Refuses, with a usage error (exit 2) that says why, to overwrite a file
 * the command read as input or to write over a folder; turns every file-system error (no
 * permission, disk full, read-only, …) into a message naming the path and the reason, instead
 * of an "internal error".
 */
export function writeOutput(io: Io, path: string, text: string, inputFiles: readonly string[] = []): void {
  writeChecked(io, path, inputFiles, () => io.writeFile(path, text));
}

/** writeOutput for a streamed format: the same refusals and messages, the file written chunk by chunk. */
export function writeOutputChunks(io: Io, path: string, chunks: Chunks, inputFiles: readonly string[] = []): void {
  writeChecked(io, path, inputFiles, () => (io.writeFileChunks ? io.writeFileChunks(path, chunks) : io.writeFile(path, joinChunks(chunks))));
}

function writeChecked(io: Io, path: string, inputFiles: readonly string[], write: () => void): void {
  const shown = escapeTerminal(path);
  const input = inputFiles.find((f) => sameFile(f, path));
  if (input !== undefined) throw new UsageError(`refusing to write ${shown}: it is an input file (${escapeTerminal(input)}); choose another -o path`);
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`cannot write ${shown}: it is a folder (-o takes a file path)`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  try {
    write();
  } catch (e) {
    throw cannotWrite(shown, e);
  }
}

/** A namespace-derived file name: a DNS-1123 label, then `.yaml`. */
const SAFE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.yaml$/;

/**
 * The path of a file to write inside `dir`, for a name derived from the input (a namespace):
 * the name must be a plain DNS-1123 label + `.yaml` and the result must stay inside `dir`, or a
 * usage error says which name was refused. Defends `migrate --output-dir DIR` against `../../escaped`
 * even if the loader's own name check is bypassed (a library caller, `names: 'warn'`).
 */
export function pathInside(dir: string, name: string): string {
  const path = join(dir, name);
  const rel = relative(resolve(dir), resolve(path));
  if (!SAFE_NAME.test(name) || rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.includes('/') || rel.includes('\\')) {
    throw new UsageError(`refusing to write "${escapeTerminal(name)}": a file name made from the input must be a namespace name (a DNS-1123 label) and stay inside ${escapeTerminal(dir)}; nothing written`);
  }
  return path;
}
