/** About 64 KiB of text: the size of the pieces a streamed formatter hands to its writer. */
export const CHUNK_SIZE = 64 * 1024;

/**
 * A piece of output: text, or its UTF-8 bytes (the pair-by-pair matrices, byte-chunk-builder.ts).
 * A chunk ends where a line (or item) ends, so a byte chunk is whole characters and decodes alone.
 */
export type Chunk = string | Uint8Array;

/** A formatter that writes as it goes: its output, in order, as pieces of about CHUNK_SIZE. */
export type Chunks = Iterable<Chunk>;

const decoder = new TextDecoder();

/** A chunk as text. */
export function chunkText(chunk: Chunk): string {
  return typeof chunk === 'string' ? chunk : decoder.decode(chunk);
}

/**
 * Joins small pieces (lines) into chunks of about `size` characters. A chunk only ever ends where
 * a piece ends, so a formatter that hands over whole lines gets chunks that start at a line start:
 * a line-wise guard (`sanitizeTerminalText`) then gives the same text chunk by chunk as on the
 * whole output. `map` is applied to each chunk (such a guard); empty chunks are not yielded.
 */
export function* batch(pieces: Iterable<string>, map: (chunk: string) => string = (s) => s, size = CHUNK_SIZE): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const p of pieces) {
    parts.push(p);
    length += p.length;
    if (length >= size) {
      yield map(parts.join(''));
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield map(parts.join(''));
}

const GUARDED = Symbol('terminal-guarded');

/**
 * Marks chunks whose every line is already as `sanitizeTerminalText` leaves it (the txt and csv
 * matrices: names escaped, workflow commands guarded line by line; md and dot: names escaped,
 * lines that cannot start a command; test/format/matrix/streamed holds them to the whole output
 * sanitized), so that the CLI's guard need not scan them again.
 */
export function markGuarded(chunks: Chunks): Chunks {
  return { [Symbol.iterator]: () => chunks[Symbol.iterator](), [GUARDED]: true } as Chunks;
}

/** True for chunks made by `markGuarded`. */
export function isGuarded(chunks: Chunks): boolean {
  return (chunks as { [GUARDED]?: boolean })[GUARDED] === true;
}

/** Hands every chunk to `write`, in order (the library never prints: the caller's writer does). */
export function writeChunks(chunks: Chunks, write: (chunk: Chunk) => void): void {
  for (const c of chunks) write(c);
}

/** The whole output as one string, for callers that want it (and for small outputs). */
export function joinChunks(chunks: Chunks): string {
  const parts: string[] = [];
  for (const c of chunks) parts.push(chunkText(c));
  return parts.join('');
}
