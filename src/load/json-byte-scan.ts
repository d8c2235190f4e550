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
  /** Set by a string JSON.parse would refuse (read by `skipItem`). */
  #badString = false;
  /** Per depth of the item being passed: 1 for an object, 0 for an array. */
  #objects: Uint8Array = new Uint8Array(64);
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
    this.#badString = false;
    let depth = 0;
    let inMetadata = false;
    /** The next `{` opens metadata. */
    let metadataNext = false;
    /**
     * Out of the ordinary: not strict JSON (JSON.parse would refuse it, and the file is then read
     * another way, which may read it otherwise), or an identity this does not follow.
     */
    let unusual = false;
    // JSON's grammar, checked as the item is passed: what may come next, and whether each open
    // container is an object.
    let expect = VALUE;
    let justOpened = false;
    for (; i < limit; i++) {
      const ch = b[i]!;
      if (ch === 32 || ch === 13 || ch === 9) continue;
      if (ch === 10) {
        this.lines++;
        this.lastBreak = this.base + i;
        continue;
      }
      const opened = justOpened;
      justOpened = false;
      if (ch === 34) {
        if (expect === KEY) expect = COLON;
        else if (expect === VALUE) expect = AFTER;
        else unusual = true;
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
        if (expect !== VALUE) unusual = true;
        depth++;
        if (depth >= this.#objects.length) this.#objects = growTo(this.#objects, depth);
        this.#objects[depth] = ch === 123 ? 1 : 0;
        expect = ch === 123 ? KEY : VALUE;
        justOpened = true;
        if (metadataNext) {
          metadataNext = false;
          inMetadata = true;
          // A later metadata replaces an earlier one, namespace and all.
          found[at + NAMESPACE] = found[at + NAMESPACE + 1] = -1;
        }
      } else if (ch === 125 || ch === 93) {
        // A close ends an object (`}`) or an array (`]`), after a value or at once after its open.
        if ((ch === 125) !== (this.#objects[depth] === 1) || !(expect === AFTER || opened)) unusual = true;
        expect = AFTER;
        if (--depth === 0) {
          if (unusual || this.#badString) found[at] = -2;
          return i + 1;
        }
        if (depth === 1) inMetadata = false;
      } else if (ch === 44) {
        if (expect !== AFTER) unusual = true;
        expect = this.#objects[depth] === 1 ? KEY : VALUE;
      } else if (ch === 58) {
        if (expect !== COLON) unusual = true;
        expect = VALUE;
      } else {
        // A number or true, false, null (anything else is not JSON).
        if (expect !== VALUE) unusual = true;
        expect = AFTER;
        const end = scalarEnd(b, i, limit);
        if (end === INCOMPLETE) return -1;
        const stop = end < 0 ? -end - 2 : end;
        if (end < 0) unusual = true;
        for (let k = i; k < stop; k++) if (b[k]! >= 128) this.nonAscii = true;
        i = stop - 1;
      }
    }
    return -1;
  }

  /** Past the closing quote of the string at `i`, or -1; a string JSON.parse refuses (a control character, an escape JSON has not) sets `#badString`. */
  #string(b: Uint8Array, i: number, limit: number): number {
    for (i++; i < limit; i++) {
      const ch = b[i]!;
      if (ch === 34) return i + 1;
      if (ch === 92) {
        const e = b[i + 1];
        if (e === 117) {
          if (i + 5 >= limit) return -1;
          // Four hex digits; a byte that is not one ends the escape (and is read as what it is: a quote ends the string).
          let k = i + 2;
          while (k <= i + 5 && isHex(b[k]!)) k++;
          if (k <= i + 5) this.#badString = true;
          i = k - 1;
        } else {
          if (e !== 34 && e !== 92 && e !== 47 && e !== 98 && e !== 102 && e !== 110 && e !== 114 && e !== 116) this.#badString = true;
          i++;
        }
      } else if (ch >= 128) this.nonAscii = true;
      else if (ch < 32) {
        this.#badString = true;
        if (ch === 10) {
          // Counted so that positions stay right.
          this.lines++;
          this.lastBreak = this.base + i;
        }
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

/** What `skipItem` expects next: a value, a key, a colon, or a comma or close after a value. */
const VALUE = 0;
const KEY = 1;
const COLON = 2;
const AFTER = 3;

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** Where a number or literal ends: whitespace or a structural character (which the item's scan then reads as such). */
const isDelimiter = (c: number): boolean => c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9 || c === 123 || c === 91 || c === 58 || c === 34;

function growTo(a: Uint8Array, depth: number): Uint8Array {
  const out = new Uint8Array(Math.max(a.length * 2, depth + 1));
  out.set(a);
  return out;
}

/** `scalarEnd`: the scalar runs past the limit (scan again with more). */
const INCOMPLETE = -1;
const LITERALS = [Buffer.from('true'), Buffer.from('false'), Buffer.from('null')];

/**
 * Past the number or literal at `i` when it is one JSON has (RFC 8259 section 6: `-? int frac?
 * exp?`; `true`, `false`, `null`) and a delimiter follows; `-(end) - 2` for anything else (its
 * end: the next delimiter); INCOMPLETE when the limit comes first.
 */
function scalarEnd(b: Uint8Array, i: number, limit: number): number {
  let j = i;
  let ok = true;
  const c = b[j]!;
  if (c === 116 || c === 102 || c === 110) {
    const word = LITERALS[c === 116 ? 0 : c === 102 ? 1 : 2]!;
    for (let k = 0; k < word.length; k++, j++) {
      if (j >= limit) return INCOMPLETE;
      if (b[j] !== word[k]) {
        ok = false;
        break;
      }
    }
  } else {
    if (b[j] === 45) j++;
    if (j >= limit) return INCOMPLETE;
    if (b[j] === 48) j++;
    else if (isDigit(b[j]!)) while (j < limit && isDigit(b[j]!)) j++;
    else ok = false;
    if (ok && j < limit && b[j] === 46) {
      j++;
      if (j < limit && !isDigit(b[j]!)) ok = false;
      while (j < limit && isDigit(b[j]!)) j++;
    }
    if (ok && j < limit && (b[j] === 101 || b[j] === 69)) {
      j++;
      if (j < limit && (b[j] === 43 || b[j] === 45)) j++;
      if (j < limit && !isDigit(b[j]!)) ok = false;
      while (j < limit && isDigit(b[j]!)) j++;
    }
  }
  // The token ends at whitespace or a structural character; anything else before it makes it no JSON scalar.
  for (; j < limit; j++) {
    if (isDelimiter(b[j]!)) return ok ? j : -j - 2;
    ok = false;
  }
  return INCOMPLETE;
}
