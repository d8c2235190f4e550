import { writeSync } from 'node:fs';
import type { Chunk, Chunks } from '../src/format/matrix/chunks.js';
import { releaseChunk } from '../src/format/matrix/byte-chunk-builder.js';

/** Writes one chunk to a file descriptor, all of it (a write may take fewer bytes than it was given); synchronous. */
export function writeAll(fd: number, chunk: Chunk): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

/**
 * Writes chunks to a file descriptor in order, each all of it, synchronously; once written, a
 * chunk's buffer is given back (releaseChunk) for a later chunk to be made in, instead of every
 * chunk taking memory never touched before.
 */
export function writeAllChunks(fd: number, chunks: Chunks): void {
  for (const chunk of chunks) {
    writeAll(fd, chunk);
    if (typeof chunk !== 'string') releaseChunk(chunk);
  }
}
