import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
import { ByteScanner } from './json-byte-scan.js';
import { ByteWindow, FileShrank } from './byte-window.js';

/**
 * A `kubectl get -o json` dump (an object with an `items` array) read from its file without
 * holding the file in memory: one pass finds where each item starts and ends, on which line and
 * column, and reads everything outside the items (the list's kind, apiVersion, metadata: the
 * "shell"); the items are then read one at a time through a reused window (`items`), and read
 * again when a position inside one is asked for (`itemText`).
 *
 * It gives what json-list.ts gives for the same text: everything outside the items is parsed,
 * the separators between items checked, so that when each item parses, JSON.parse of the whole
 * file would have given the same values. A file it does not take (not such an object, a NUL
 * byte, a `{{` that may be a template, a syntax it does not follow) is read as text instead.
 */
export class JsonListFile {
  readonly shell: Record<string, unknown>;
  /** Where each item starts and ends (file offsets), the 1-based line it starts on, and where that line starts. */
  readonly starts: number[];
  readonly ends: number[];
  readonly lines: number[];
  readonly lineStarts: number[];
  /** Line and column of the opening brace of the whole. */
  readonly root: { line: number; col: number };
  /** Whether the file holds a byte that is not ASCII: then its text is UTF-8, decoded as such. */
  readonly nonAscii: boolean;
  /** Per item, six file offsets: its kind, apiVersion and metadata.namespace strings (ByteScanner.skipItem). */
  readonly #identities: Int32Array;
  readonly #path: string;
  readonly #stat: Stats;
  #positions: ByteWindow | undefined;

  private constructor(path: string, stat: Stats, cut: Cut) {
    this.#path = path;
    this.#stat = stat;
    this.shell = cut.shell;
    this.starts = cut.starts;
    this.ends = cut.ends;
    this.lines = cut.lines;
    this.lineStarts = cut.lineStarts;
    this.root = cut.root;
    this.nonAscii = cut.nonAscii;
    this.#identities = cut.identities;
  }

  /**
   * The list in the file at `path`, open as `fd` (whose fstat is `stat`), or undefined when it
   * is not one this reads (the caller then reads the text). The descriptor is the caller's to
   * close: the items and positions are read later through descriptors of their own, from a
   * file that must still be the same (same inode, size and modification time).
   */
  static read(path: string, fd: number, stat: Stats): JsonListFile | undefined {
    let cut: Cut | undefined;
    try {
      cut = cutList(new ByteWindow(fd, stat.size), stat.size);
    } catch (e) {
      // Shorter than its size said: it is changing; the text reader reads what is there.
      if (e instanceof FileShrank) return undefined;
      throw e;
    }
    return cut && new JsonListFile(path, stat, cut);
  }

  /** Item `i`'s identity, its strings decoded from the window that holds the item. */
  #identity(i: number, window: ByteWindow): ItemIdentity | undefined {
    const ids = this.#identities;
    const at = i * 6;
    if (ids[at] === -2) return undefined;
    const out: ItemIdentity = {};
    const string = (k: number): string | undefined => {
      const from = ids[at + k]!;
      if (from < 0) return undefined;
      return JSON.parse(window.text(from, ids[at + k + 1]!, this.encoding)) as string;
    };
    let kind, apiVersion, namespace;
    try {
      kind = string(0);
      apiVersion = string(2);
      namespace = string(4);
    } catch {
      return undefined; // an escape JSON.parse refuses: the item is parsed, and refused there
    }
    if (kind !== undefined) out.kind = kind;
    if (apiVersion !== undefined) out.apiVersion = apiVersion;
    if (namespace !== undefined) out.namespace = namespace;
    return out;
  }

  /** The file opened again, after checking it is the file that was cut (the caller closes it). */
  #open(): number {
    const fd = openSync(this.#path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const now = fstatSync(fd);
    const was = this.#stat;
    if (now.ino !== was.ino || now.dev !== was.dev || now.size !== was.size || now.mtimeMs !== was.mtimeMs || !now.isFile()) {
      closeSync(fd);
      throw new FileChanged(this.#path);
    }
    return fd;
  }

  /** Runs `use` with the file open again (`#open`). */
  #withFile<T>(use: (fd: number) => T): T {
    const fd = this.#open();
    try {
      return use(fd);
    } finally {
      closeSync(fd);
    }
  }

  get count(): number {
    return this.starts.length;
  }

  private get encoding(): 'latin1' | 'utf8' {
    return this.nonAscii ? 'utf8' : 'latin1';
  }

  /**
   * Each item's text, in order, read through one reused window; `skip(identity, mentions)` may
   * say that an item is not wanted, given its identity as written (undefined when it is out of
   * the ordinary) and whether its bytes hold a word, and it is then not decoded (undefined). Throws `FileChanged` when the file is not
   * the one that was cut (or `FileShrank`).
   */
  *items(skip?: (identity: ItemIdentity | undefined, mentions: (word: Buffer) => boolean) => boolean): Generator<string | undefined> {
    // The file is opened (and checked) for each move of the window, not held open while the
    // items are taken: a reader that stops taking them leaves no descriptor behind.
    const window = new ByteWindow(-1, this.#stat.size);
    for (let i = 0; i < this.starts.length; i++) {
      const from = this.starts[i]!;
      const to = this.ends[i]!;
      if (!window.holds(from, to)) {
        this.#withFile((fd) => {
          window.fd = fd;
          window.moveTo(from, to - from);
        });
      }
      if (skip?.(this.#identity(i, window), (word) => window.buf.subarray(from - window.start, to - window.start).indexOf(word) >= 0)) {
        yield undefined;
        continue;
      }
      yield window.text(from, to, this.encoding);
    }
  }

  /**
   * Item `i`'s text, and the text of its first line before it (for columns), read again from the
   * file. Positions are asked for in order more often than not: one window serves neighbours.
   */
  itemText(i: number): { before: string; text: string } {
    const lineStart = this.lineStarts[i]!;
    const from = this.starts[i]!;
    const to = this.ends[i]!;
    if (!this.#positions?.holds(lineStart, to)) {
      this.#withFile((fd) => {
        this.#positions ??= new ByteWindow(fd, this.#stat.size, 256 << 10);
        this.#positions.fd = fd;
        this.#positions.moveTo(lineStart, to - lineStart);
      });
    }
    const w = this.#positions!;
    return { before: w.text(lineStart, from, this.encoding), text: w.text(from, to, this.encoding) };
  }
}

/** An item's kind, apiVersion and metadata.namespace as JSON.parse gives them (absent: undefined). */
export interface ItemIdentity {
  kind?: string;
  apiVersion?: string;
  namespace?: string;
}

interface Cut {
  identities: Int32Array;
  shell: Record<string, unknown>;
  starts: number[];
  ends: number[];
  lines: number[];
  lineStarts: number[];
  root: { line: number; col: number };
  nonAscii: boolean;
}

/** The file is not the one that was cut any more. */
export class FileChanged extends Error {
  constructor(path: string) {
    super(`${path} changed while it was read`);
    this.name = 'FileChanged';
  }
}

/** `{{`: a template action, maybe; the text reader decides (read-inputs.ts). */
const TEMPLATE = Buffer.from('{{');

/** One pass over the file: the items' places and the shell, or undefined when the file is not read this way. */
function cutList(w: ByteWindow, size: number): Cut | undefined {
  const s = new ByteScanner();
  const checked = { to: 0 };
  /** Refuses NUL bytes and `{{` in what the window newly holds (those files go to the text reader, which reports them). */
  const clean = (): boolean => {
    const from = Math.max(checked.to, w.start) - w.start;
    const to = w.length;
    if (from >= to) return true;
    checked.to = w.start + to;
    const part = w.buf.subarray(from > 0 ? from - 1 : 0, to);
    return part.indexOf(0) < 0 && part.indexOf(TEMPLATE) < 0;
  };
  const move = (from: number, min = 1): boolean => {
    w.moveTo(from, min);
    s.base = w.start;
    return clean();
  };
  if (!move(0)) return undefined;
  /** File offset of the first non-whitespace byte at or after `at`; `size` at the end. */
  const ws = (at: number): number | undefined => {
    for (;;) {
      const i = s.skipWs(w.buf, at - w.start, w.length);
      if (i < w.length || w.atEnd) return w.start + i;
      if (!move(w.start + i)) return undefined;
      at = w.start;
    }
  };
  /** Six file offsets per item (ByteScanner.skipItem), grown as items are found. */
  let identities = new Int32Array(6 * 1024);
  /** File offset just past the value at `at` (an item of the list: its identity noted), or undefined. */
  const value = (at: number, item = false): number | undefined => {
    for (;;) {
      if (at < w.start || at >= w.start + w.length) {
        if (at >= size || !move(at)) return undefined;
      }
      const end = item ? s.skipItem(w.buf, at - w.start, w.length, identities, starts.length * 6) : s.skipValue(w.buf, at - w.start, w.length, w.atEnd);
      if (end >= 0) return end > at - w.start ? w.start + end : undefined;
      if (w.atEnd) return undefined;
      if (!move(at)) return undefined;
    }
  };
  const byte = (at: number | undefined): number => {
    if (at === undefined) return -1;
    const before = w.start;
    const c = w.byte(at);
    if (w.start !== before) {
      s.base = w.start;
      if (!clean()) return -1;
    }
    return c;
  };
  const text = (from: number, to: number): string => w.text(from, to, 'utf8');

  let i = ws(0);
  if (i === undefined || byte(i) !== 123) return undefined;
  const root = { line: s.lines + 1, col: i - s.lastBreak };
  const starts: number[] = [];
  const ends: number[] = [];
  const lines: number[] = [];
  const lineStarts: number[] = [];
  let items: { from: number; to: number } | undefined;
  i = ws(i + 1);
  while (i !== undefined && byte(i) === 34) {
    const keyEnd = value(i);
    if (keyEnd === undefined) return undefined;
    let key: unknown;
    try {
      key = JSON.parse(text(i, keyEnd));
    } catch {
      return undefined;
    }
    i = ws(keyEnd);
    if (i === undefined || byte(i) !== 58) return undefined;
    const from = ws(i + 1);
    if (from === undefined) return undefined;
    let to: number | undefined;
    if (key === 'items') {
      // A second `items` key: JSON.parse keeps the last; not worth following.
      if (items || byte(from) !== 91) return undefined;
      let k = ws(from + 1);
      if (k === undefined) return undefined;
      if (byte(k) !== 93) {
        for (;;) {
          const line = s.lines + 1;
          const lineStart = s.lastBreak + 1;
          if (identities.length < (starts.length + 1) * 6) {
            const more = new Int32Array(identities.length * 2);
            more.set(identities);
            identities = more;
          }
          const end = value(k, true);
          if (end === undefined) return undefined;
          starts.push(k);
          ends.push(end);
          lines.push(line);
          lineStarts.push(lineStart);
          k = ws(end);
          const c = byte(k);
          if (c === 93) break;
          if (c !== 44) return undefined;
          k = ws(k! + 1);
          if (k === undefined) return undefined;
        }
      }
      items = { from, to: k! + 1 };
      to = items.to;
    } else to = value(from);
    if (to === undefined) return undefined;
    i = ws(to);
    if (i === undefined || byte(i) !== 44) break;
    i = ws(i + 1);
  }
  if (!items || i === undefined) return undefined;
  // Whatever follows (the closing brace, or what JSON.parse refuses) is parsed with the shell.
  let shell: unknown;
  try {
    shell = JSON.parse(text(0, items.from) + '[]' + text(items.to, size));
  } catch {
    return undefined;
  }
  if (typeof shell !== 'object' || shell === null || Array.isArray(shell)) return undefined;
  // What follows the items was scanned, but only the window's new bytes are checked: check the rest for NUL bytes and `{{`.
  if (!move(items.to, size - items.to)) return undefined;
  // Every byte up to the closing brace went through the scanner (which notes non-ASCII ones); after it, JSON.parse allows only ASCII whitespace.
  return { shell: shell as Record<string, unknown>, starts, ends, lines, lineStarts, root, nonAscii: s.nonAscii, identities: identities.subarray(0, starts.length * 6) };
}
