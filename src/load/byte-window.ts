import { readSync } from 'node:fs';

/** Bytes read at first from a file into a window of this size, reused from read to read. */
const WINDOW_BYTES = 4 << 20;

/**
 * A window onto an open file: the bytes from `start` to `start + length`, read into one buffer
 * that is reused as the window moves. Why not the whole file in one buffer: on the machines
 * netpol-check is measured on, every fresh 4 KiB page costs about 15 µs the first time it is
 * written and again when first read; a 127 MB dump then costs about 0.8 s before a byte of it is
 * looked at, while reading it through a 4 MiB window that is already paged in costs about
 * 0.08 s.
 */
export class ByteWindow {
  buf: Buffer;
  start = 0;
  length = 0;

  constructor(
    /** The open file (a window kept between opens gets the new descriptor here). */
    public fd: number,
    /** How many bytes of the file are read (its size when it was opened). */
    readonly size: number,
    initial = WINDOW_BYTES,
  ) {
    this.buf = Buffer.allocUnsafe(Math.max(16, Math.min(initial, size)));
  }

  /** Whether the window reaches the end of what is read. */
  get atEnd(): boolean {
    return this.start + this.length >= this.size;
  }

  /** The byte at file offset `at`, moving the window there if needed; -1 past the end. */
  byte(at: number): number {
    if (at < this.start || at >= this.start + this.length) {
      if (at >= this.size) return -1;
      this.moveTo(at, 1);
    }
    return this.buf[at - this.start]!;
  }

  /**
   * Moves the window to start at `from`, holding at least `min` bytes (fewer at the end of the
   * file). Called with the same `from` when a value did not fit, it doubles the window. Throws
   * `FileShrank` when the file ends before `size`.
   */
  moveTo(from: number, min = 1): void {
    const want = Math.min(Math.max(min, from === this.start && this.length > 0 ? this.buf.length * 2 : this.buf.length), this.size - from);
    if (want > this.buf.length) this.buf = Buffer.allocUnsafe(want);
    let got = 0;
    const room = Math.min(this.buf.length, this.size - from);
    while (got < room) {
      const n = readSync(this.fd, this.buf, got, room - got, from + got);
      if (n === 0) throw new FileShrank();
      got += n;
    }
    this.start = from;
    this.length = got;
  }

  /** Whether the window holds the file's bytes from `from` to `to`. */
  holds(from: number, to: number): boolean {
    return from >= this.start && to <= this.start + this.length;
  }

  /** Text of the file's bytes from `from` to `to` (a copy, decoded). */
  text(from: number, to: number, encoding: 'latin1' | 'utf8'): string {
    if (from < this.start || to > this.start + this.length) this.moveTo(from, to - from);
    return this.buf.toString(encoding, from - this.start, to - this.start);
  }
}

/** The file holds fewer bytes than when it was measured: it changed while it was read. */
export class FileShrank extends Error {
  constructor() {
    super('the file changed while it was read');
    this.name = 'FileShrank';
  }
}
