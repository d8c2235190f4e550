import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** One limit for every source netpol-check reads: files, standard input and git blobs. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Raised when a source holds more than the limit; readers turn it into a diagnostic. */
export class InputTooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly size?: number,
  ) {
    super(`${size !== undefined ? `${mib(size)}, ` : ''}more than the ${mib(limit)} netpol-check reads`);
    this.name = 'InputTooLarge';
  }
}

export const mib = (bytes: number): string => (bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MiB` : `${bytes} bytes`);

const CHUNK = 1 << 20;

/**
 * Reads an open descriptor to its end, but never more than `limit` bytes: a stream that does not
 * end (`/dev/zero`, `yes |`) or a file that grows is cut at the limit with `InputTooLarge`,
 * instead of growing memory until the process dies. Works for pipes, whose size is unknown.
 */
export function readBounded(fd: number, limit: number, expected = 0): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // A regular file's size is known: one read into one buffer (no copy of a big dump); past it, chunks.
    const want = total === 0 && expected > 0 ? expected + 1 : CHUNK;
    const buf = Buffer.allocUnsafe(Math.min(want, limit + 1 - total));
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); // a non-blocking pipe: wait for data
        continue;
      }
      if (code === 'EOF') break; // Windows: a closed pipe
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > limit) throw new InputTooLarge(limit);
    chunks.push(n === buf.length ? buf : buf.subarray(0, n));
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * Opens a path and checks it is a regular file of at most `limit` bytes: its descriptor (the
 * caller closes it) and fstat. Opened non-blocking, so a FIFO put in the file's place cannot
 * hang the open.
 */
export function openRegularFile(path: string, limit: number): { fd: number; stat: Stats } {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularFile(describeFileType(stat));
    if (stat.size > limit) throw new InputTooLarge(limit, stat.size);
    return { fd, stat };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** Opens a path (`openRegularFile`) and reads it with `readBounded`. */
export function readRegularFile(path: string, limit: number): Buffer {
  const { fd, stat } = openRegularFile(path, limit);
  try {
    return readBounded(fd, limit, stat.size);
  } finally {
    closeSync(fd);
  }
}

/** Raised for a device, FIFO or socket: netpol-check reads regular files only. */
export class NotRegularFile extends Error {
  constructor(readonly type: string) {
    super(`is ${type}, not a regular file`);
    this.name = 'NotRegularFile';
  }
}

export function describeFileType(st: { isCharacterDevice(): boolean; isBlockDevice(): boolean; isFIFO(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a folder';
  return 'not a regular file';
}
