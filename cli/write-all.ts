import { writeSync } from 'node:fs';
import type { Chunk } from '../src/format/matrix/chunks.js';

/** Writes one chunk to a file descriptor, all of it (a write may take fewer bytes than it was given); synchronous. */
export function writeAll(fd: number, chunk: Chunk): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}
