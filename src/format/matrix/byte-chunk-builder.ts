import { CHUNK_SIZE } from './chunks.js';

const encoder = new TextEncoder();

/** A piece of text as the UTF-8 bytes a ByteChunkBuilder copies. */
export const utf8 = (s: string): Uint8Array => encoder.encode(s);

/**
 * Bytes gathered into one chunk of about `size`, for the pair-by-pair matrices: a line is copied
 * in as a few pieces that were UTF-8 encoded once (a node's name, a connection set's text), so no
 * string is built, joined or encoded per line. At tens of gigabytes, making each line a string,
 * joining the lines and encoding the chunk for the write took most of the output time; copying
 * bytes takes a fraction of it (docs/performance.md, "sixth day").
 *
 * Every `take` hands over a buffer of its own (the writer may still hold the last one: a pipe
 * keeps a write queued until the reader takes it), so nothing is reused under a pending write;
 * only a buffer the writer gave back (`releaseChunk`) is filled again.
 */
export class ByteChunkBuilder {
  private buf: Uint8Array;
  private pos = 0;
  constructor(private readonly size = CHUNK_SIZE) {
    this.buf = fresh(size);
  }

  add(bytes: Uint8Array): void {
    const end = this.pos + bytes.length;
    if (end > this.buf.length) this.grow(end);
    this.buf.set(bytes, this.pos);
    this.pos = end;
  }

  /** Two pieces, one after the other (a line's start and its end): one bounds check for both. */
  add2(a: Uint8Array, b: Uint8Array): void {
    const mid = this.pos + a.length;
    const end = mid + b.length;
    if (end > this.buf.length) this.grow(end);
    const buf = this.buf;
    buf.set(a, this.pos);
    buf.set(b, mid);
    this.pos = end;
  }

  /** A non-negative integer's decimal digits (GEXF's and GraphML's edge numbers). */
  addDecimal(n: number): void {
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++; // integers only: no rounding of log10 to trust
    if (this.pos + digits > this.buf.length) this.grow(this.pos + digits);
    for (let i = this.pos + digits - 1; i >= this.pos; i--) {
      this.buf[i] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.pos += digits;
  }

  /** True once the chunk has reached its size: time to `take` it (at a line end). */
  get full(): boolean {
    return this.pos >= this.size;
  }

  /** The chunk so far, and a fresh one begun; an empty array when nothing was added. */
  take(): Uint8Array {
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = fresh(this.size);
    this.pos = 0;
    return chunk;
  }

  /** A line longer than the room left (a long connection text): a bigger buffer, the bytes so far copied over. */
  private grow(end: number): void {
    const bigger = new Uint8Array(Math.max(end, 2 * this.buf.length));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }
}

/**
 * A chunk's buffer, with room for a line past `size`: one a writer gave back (`releaseChunk`), or
 * a new one. Not zero-filled (`Buffer.allocUnsafeSlow`): only the bytes copied in are ever handed
 * over, and zeroing 64 KiB per chunk was a tenth of the time spent making chunks.
 */
function fresh(size: number): Uint8Array {
  const room = size + 1024;
  const again = spare.length > 0 && spare[spare.length - 1]!.length === room ? spare.pop() : undefined;
  if (again !== undefined) return again;
  const made = Buffer.allocUnsafeSlow(room); // never from Node's shared pool: a buffer of its own memory, which releaseChunk can tell by it
  whole.set(made.buffer, made);
  return made;
}

/** Chunk buffers given back, to be filled again; at most MAX_SPARE are kept. */
const spare: Uint8Array[] = [];
const MAX_SPARE = 4;
/** Every chunk buffer made here, by its memory: what `releaseChunk` may take back. */
const whole = new WeakMap<ArrayBufferLike, Uint8Array>();

/**
 * Gives a chunk's buffer back once its bytes are written and nothing holds the chunk any more
 * (a synchronous write to a file: cli/stdout.ts), for a later chunk to be made in. Each new
 * buffer is memory the process has not touched yet, and on the benchmark machine (a virtual
 * machine) touching it costs more than filling it: making 73 MB of chunks took 164 ms in new
 * buffers and 46 ms in one filled again and again (docs/performance.md, "seventh day"). A chunk that was not
 * made here, or whose buffer is already back, is left alone.
 */
export function releaseChunk(chunk: Uint8Array): void {
  const buffer = whole.get(chunk.buffer);
  if (buffer === undefined || spare.length >= MAX_SPARE || spare.includes(buffer)) return;
  spare.push(buffer);
}
