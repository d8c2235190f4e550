/**
 * A JSON value's extent in UTF-8 bytes, without decoding them: where it ends, how many line
 * breaks it holds and where the last one is, and whether it holds a byte that is not ASCII.
 * Written by hand because it is the inner loop of reading a 100 MB `kubectl get -o json` dump
 * from a reused buffer (json-list-file.ts): no library scans bytes without making a string of
 * them, and the string is what costs (fresh memory for every byte of the file).
 *
 * Like json-positions.ts, it checks brackets and strings only; whether a value is valid JSON is
 * JSON.parse's to say when the value is decoded.
 */
export class ByteScanner {
  /** Line breaks passed so far. */
  lines = 0;
  /** Offset of the last line break passed, or -1: `base` + its index in the scanned array. */
  lastBreak = -1;
  /** Added to array indices to make `lastBreak` (the file offset of the array's first byte). */
  base = 0;
  /** Whether a byte of 0x80 or more was passed. */
  nonAscii = false;

  /** Offset of the first byte at or after `i` that is not JSON whitespace (`limit` when all are). */
  skipWs(b: Uint8Array, i: number, limit: number): number {
    while (i < limit) {
      const c = b[i]!;
      if (c === 32 || c === 9 || c === 13) i++;
      else if (c === 10) {
        this.lines++;
        this.lastBreak = this.base + i++;
      } else break;
    }
    return i;
  }

  /**
   * Offset just past the value starting at `i` (not whitespace), or -1 when it runs past `limit`:
   * then the counts are as they were before the call. A number or literal that reaches `limit`
   * ends there when `limitIsEnd` (the end of the input).
   */
  skipValue(b: Uint8Array, i: number, limit: number, limitIsEnd = false): number {
    const lines = this.lines;
    const lastBreak = this.lastBreak;
    const end = this.#value(b, i, limit, limitIsEnd);
    if (end < 0) {
      this.lines = lines;
      this.lastBreak = lastBreak;
    }
    return end;
  }

  #value(b: Uint8Array, i: number, limit: number, limitIsEnd: boolean): number {
    const c = b[i];
    if (c === 34) return this.#string(b, i, limit);
    if (c === 123 || c === 91) {
      let depth = 0;
      for (; i < limit; i++) {
        const ch = b[i]!;
        if (ch === 34) {
          i = this.#string(b, i, limit);
          if (i < 0) return -1;
          i--;
        } else if (ch === 123 || ch === 91) depth++;
        else if (ch === 125 || ch === 93) {
          if (--depth === 0) return i + 1;
        } else if (ch === 10) {
          this.lines++;
          this.lastBreak = this.base + i;
        } else if (ch >= 128) this.nonAscii = true;
      }
      return -1;
    }
    for (; i < limit; i++) {
      const ch = b[i]!;
      if (ch === 44 || ch === 125 || ch === 93 || ch === 32 || ch === 10 || ch === 13 || ch === 9) return i;
      if (ch >= 128) this.nonAscii = true;
    }
    return limitIsEnd ? limit : -1;
  }

  /**
   * As `skipValue`, for a list item: also notes where its `kind`, `apiVersion` and
   * `metadata.namespace` strings are, as JSON.parse would take them (a key given twice: the
   * last), so that an item can be known without being parsed. `found[at..at+6]` gets their
   * file offsets (`base` + index; from and to, each string with its quotes; -1 for absent),
   * or `found[at]` = -2 when the item is out of the ordinary (not an object, one of those keys
   * escaped, a value that is not a string, metadata that is not an object): it is then parsed.
   */
  skipItem(b: Uint8Array, i: number, limit: number, found: Int32Array, at: number): number {
    const lines = this.lines;
    const lastBreak = this.lastBreak;
    const end = this.#item(b, i, limit, found, at);
    if (end < 0) {
      this.lines = lines;
      this.lastBreak = lastBreak;
    }
    return end;
  }

  #item(b: Uint8Array, i: number, limit: number, found: Int32Array, at: number): number {
    found.fill(-1, at, at + 6);
    if (b[i] !== 123) {
      found[at] = -2;
      return this.#value(b, i, limit, false);
    }
    let depth = 0;
    let inMetadata = false;
    /** The next `{` opens metadata. */
    let metadataNext = false;
    let unusual = false;
    for (; i < limit; i++) {
      const ch = b[i]!;
      if (ch === 34) {
        const from = i;
        i = this.#string(b, i, limit);
        if (i < 0) return -1;
        if (!unusual && (depth === 1 || (depth === 2 && inMetadata))) {
          const key = keyAhead(b, from, i, limit, depth === 1);
          if (key === ESCAPED) unusual = true;
          else if (key !== NONE) {
            // The value: a string (noted), or for metadata an object (looked into).
            let v = i;
            while (v < limit && isSpace(b[v]!)) v++;
            v++; // the colon keyAhead saw
            while (v < limit && isSpace(b[v]!)) v++;
            if (v >= limit) return -1;
            if (key === METADATA) {
              if (b[v] === 123) metadataNext = true;
              else unusual = true;
            } else if (b[v] === 34) {
              const to = stringEnd(b, v, limit);
              if (to < 0) return -1;
              found[at + key] = this.base + v;
              found[at + key + 1] = this.base + to;
            } else unusual = true;
          }
        }
        i--;
      } else if (ch === 123 || ch === 91) {
        depth++;
        if (metadataNext) {
          metadataNext = false;
          inMetadata = true;
          // A later metadata replaces an earlier one, namespace and all.
          found[at + NAMESPACE] = found[at + NAMESPACE + 1] = -1;
        }
      } else if (ch === 125 || ch === 93) {
        if (--depth === 0) {
          if (unusual) found[at] = -2;
          return i + 1;
        }
        if (depth === 1) inMetadata = false;
      } else if (ch === 10) {
        this.lines++;
        this.lastBreak = this.base + i;
      } else if (ch >= 128) this.nonAscii = true;
    }
    return -1;
  }

  /** Past the closing quote of the string at `i`, or -1. */
  #string(b: Uint8Array, i: number, limit: number): number {
    for (i++; i < limit; i++) {
      const ch = b[i]!;
      if (ch === 34) return i + 1;
      if (ch === 92) i++;
      else if (ch >= 128) this.nonAscii = true;
      else if (ch === 10) {
        // Not valid JSON (JSON.parse refuses the value), but counted so that positions stay right.
        this.lines++;
        this.lastBreak = this.base + i;
      }
    }
    return -1;
  }
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** Offsets in `skipItem`'s six: kind, apiVersion, namespace (from, to each); metadata has none. */
const KIND = 0;
const API_VERSION = 2;
const NAMESPACE = 4;
const METADATA = 6;
const NONE = -1;
const ESCAPED = -3;

const WANTED_TOP = [
  [KIND, Buffer.from('"kind"')],
  [API_VERSION, Buffer.from('"apiVersion"')],
  [METADATA, Buffer.from('"metadata"')],
] as const;
const WANTED_METADATA = [[NAMESPACE, Buffer.from('"namespace"')]] as const;

/**
 * When the string `b[from, to)` is a key (a colon follows), which wanted one it is (at the top
 * of an item, or in its metadata), NONE for any other; ESCAPED for a key with an escape, which
 * might spell a wanted one.
 */
function keyAhead(b: Uint8Array, from: number, to: number, limit: number, top: boolean): number {
  let k = to;
  while (k < limit && isSpace(b[k]!)) k++;
  if (b[k] !== 58) return NONE;
  for (let j = from + 1; j < to - 1; j++) if (b[j] === 92) return ESCAPED;
  for (const [key, bytes] of top ? WANTED_TOP : WANTED_METADATA) {
    if (bytes.length !== to - from) continue;
    let same = true;
    for (let j = 0; j < bytes.length && same; j++) same = b[from + j] === bytes[j];
    if (same) return key;
  }
  return NONE;
}

/** Past the closing quote of the string at `i`, or -1 (nothing counted: the main loop passes it again). */
function stringEnd(b: Uint8Array, i: number, limit: number): number {
  for (i++; i < limit; i++) {
    const ch = b[i]!;
    if (ch === 34) return i + 1;
    if (ch === 92) i++;
  }
  return -1;
}
