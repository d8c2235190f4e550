import { fstatSync } from 'node:fs';
import type { Chunks } from '../src/format/matrix/chunks.js';
import { cannotWrite } from './write-error.js';
import { writeAll, writeAllChunks } from './write-all.js';

/**
 * Standard output, written chunk by chunk. When the reader has gone (`matrix … | head -1`), the
 * write fails with EPIPE: the error is swallowed here (Node would print it with a stack trace),
 * further output is dropped, and the command ends with its usual exit code. Other errors on
 * stdout are left to Node, as before.
 */
let closed = false;

function onError(e: NodeJS.ErrnoException): void {
  if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
    closed = true;
    return;
  }
  process.stdout.off('error', onError);
  throw e;
}

let watching = false;
function watch(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', onError);
}

/** True once stdout's reader has gone (or the stream failed): nothing more is written. */
export function stdoutClosed(): boolean {
  return closed || process.stdout.destroyed || Boolean(process.stdout.errored);
}

/** Writes one piece of text to stdout, or nothing when the reader has gone. */
export function writeStdout(text: string): void {
  if (stdoutIsFile()) return writeFileStdout(text);
  watch();
  if (!stdoutClosed()) process.stdout.write(text);
}

/**
 * Writes chunks in order, waiting for the reader when stdout's buffer is full (memory stays at a
 * few chunks), and stops at the first chunk after the reader has gone.
 */
export async function writeStdoutChunks(chunks: Chunks): Promise<void> {
  if (stdoutIsFile()) {
    // A file takes each write at once (Node writes stdout to a file synchronously too, so what
    // went before through process.stdout is already in it), and each chunk's buffer is then
    // filled again (write-all.ts). A failed write is a message and exit code 2 (write-error.ts).
    try {
      writeAllChunks(1, chunks);
    } catch (e) {
      throw cannotWrite('standard output', e);
    }
    return;
  }
  watch();
  for (const chunk of chunks) {
    if (stdoutClosed()) return;
    if (!process.stdout.write(chunk)) await drainedOrGone();
  }
}

/**
 * Waits for 'drain' or 'close', whichever comes first. Plain listeners, removed by whichever
 * fires: `events.once` with an AbortSignal made a DOMException per wait, and a streamed matrix
 * waits once per 64 KiB chunk (a measurable share of its output time at tens of gigabytes).
 * An 'error' ends the wait too (onError has seen it first and decides what it means).
 */
function drainedOrGone(): Promise<void> {
  if (stdoutClosed()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      process.stdout.off('drain', done);
      process.stdout.off('close', done);
      process.stdout.off('error', done);
      resolve();
    };
    process.stdout.on('drain', done);
    process.stdout.on('close', done);
    process.stdout.on('error', done);
  });
}

/**
 * One text written to stdout redirected to a file, synchronous (as Node's own is for a file); a full
 * disk, a file size limit or any other file-system error is a message and exit code 2
 * (write-error.ts), never an error thrown from the stream with a stack trace.
 */
function writeFileStdout(text: string): void {
  try {
    writeAll(1, text);
  } catch (e) {
    throw cannotWrite('standard output', e);
  }
}

let isFile: boolean | undefined;
/** Whether standard output is a regular file (`> out.txt`), asked once. */
function stdoutIsFile(): boolean {
  if (isFile === undefined) {
    try {
      isFile = fstatSync(1).isFile();
    } catch {
      isFile = false;
    }
  }
  return isFile;
}
