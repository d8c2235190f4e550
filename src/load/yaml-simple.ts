import { plainIsString, resolvePlain } from './go-yaml-scalar.js';

/**
 * A reader for the block YAML that machines write — `kubectl get -o yaml`, Helm and kustomize
 * output, generators, most hand-written manifests: block mappings and sequences, plain and
 * quoted scalars (also over several lines), flow collections that close on the line they open,
 * literal block scalars (`|`, `|-`), comments.
 *
 * It reads nothing else: flow collections over several lines, escapes across lines, folded and
 * keep-chomped block scalars, tags, anchors, merge keys, complex keys, keys that are not strings
 * to go-yaml, duplicate keys, tabs, lone CRs, ±Inf and NaN, and anything malformed make it return
 * NOT_SIMPLE, and the document is read by the careful reader (kubectl-yaml.ts) instead. Plain
 * scalars are resolved as kubectl's go-yaml v2 resolves them (go-yaml-scalar.ts); the
 * differential tests hold it to the careful reader (test/load/yaml-simple.test.ts) and to the
 * real Go program (test/load/kubectl-yaml.test.ts).
 *
 * Why: js-yaml reads character by character and was most of the time of a `can` question on a
 * 7 MB dump; this reads line by line.
 */
export const NOT_SIMPLE: unique symbol = Symbol('not simple YAML');

/** Tabs, controls, and the characters that JavaScript's trim and \s take for spaces (U+00A0, U+3000...) but go-yaml keeps as content. */
const NOT_SIMPLE_CHARACTERS = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const LONE_CR = /\r(?!\n)/;

/**
 * Whether the reader may read this text: texts with tabs, control characters, spaces other than
 * U+0020 (NBSP and the like), or CRs other than in CR LF line ends go to the careful reader whole.
 */
export function isSimpleText(text: string): boolean {
  return !NOT_SIMPLE_CHARACTERS.test(text) && !(text.includes('\r') && LONE_CR.test(text));
}

/** go-yaml refuses an implicit key whose `:` stands over 1,024 characters after its start: longer ones go to the careful reader. */
const MAX_KEY = 1000;

/** Plain keys read lately, by length and first character. */
const KNOWN_KEYS = new Map<number, string>();

class NotSimple {}
const BAIL = new NotSimple();

/** A decimal integer go-yaml reads as itself (no sign, no leading 0, exact as a double). */
const SMALL_DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;

/** Deeper documents (no Kubernetes object is) go to the careful reader, which reports them. */
const MAX_DEPTH = 100;

const SPACE = 32;
const DASH = 45;
const HASH = 35;
const COLON = 58;

/** The value of the YAML document text[from, to) (no document markers inside), or NOT_SIMPLE. */
export function readSimpleYaml(text: string, from = 0, to = text.length): unknown {
  const reader = new SimpleReader(text, from, to, false);
  try {
    return reader.document();
  } catch (e) {
    if (e === BAIL) return NOT_SIMPLE;
    throw e;
  }
}

/**
 * Where a node starts (0-based line, counted from the document's first, and column) and, for a
 * collection, where its children are. `undefined` children are empty nodes (`key:` or `-` with
 * nothing after), whose position this reader does not tell.
 */
export interface NodePosition {
  line: number;
  col: number;
  collection: boolean;
  entries?: Map<string, { line: number; col: number; value: NodePosition | undefined }>;
  items?: (NodePosition | undefined)[];
}

/** The positions of the document text[from, to), or undefined when it is not simple YAML. */
export function readSimplePositions(text: string, from = 0, to = text.length): NodePosition | undefined {
  const reader = new SimpleReader(text, from, to, true);
  try {
    reader.document();
    return reader.position;
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

/**
 * The position of `path` below `prefix`, as the yaml package's locator (locate.ts) gives it: the
 * deepest node on the path that exists; a mapping value that is a collection is located at its
 * key. Undefined when the answer needs a position this reader does not tell.
 */
export function positionOf(root: NodePosition, prefix: readonly (string | number)[], path: readonly (string | number)[]): { line: number; col: number } | undefined {
  /** The child at seg and where it is located; `node` undefined for an empty one. */
  const step = (node: NodePosition, seg: string | number): { at: { line: number; col: number } | undefined; node: NodePosition | undefined } | undefined => {
    if (node.entries) {
      const entry = node.entries.get(String(seg));
      return entry && { at: entry.value?.collection ? entry : entry.value, node: entry.value };
    }
    if (node.items && typeof seg === 'number' && seg < node.items.length) return { at: node.items[seg], node: node.items[seg] };
    return undefined;
  };
  let node = root;
  for (const seg of prefix) {
    const next = step(node, seg)?.node;
    if (!next) return undefined;
    node = next;
  }
  let at: { line: number; col: number } = node;
  for (const seg of path) {
    const next = step(node, seg);
    if (!next) break;
    if (!next.node || !next.at) return undefined;
    at = next.at;
    node = next.node;
  }
  return { line: at.line, col: at.col };
}

/** `-` at col that starts a block sequence entry. */
function isDash(line: string, col: number): boolean {
  return line.charCodeAt(col) === DASH && (col + 1 === line.length || line.charCodeAt(col + 1) === SPACE);
}

/** End of the line that starts at `start` and breaks at `nl`: before the break, and a CR before it. */
export function contentEnd(text: string, start: number, nl: number): number {
  return nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

/** Index of the first character at or after `from` that is not a space (at 0: the indentation). */
function skipSpaces(line: string, from: number): number {
  while (line.charCodeAt(from) === SPACE) from++;
  return from;
}

/** After a scalar: only spaces, or spaces and a comment. */
function restIsEmpty(line: string, from: number): boolean {
  if (from === line.length) return true;
  if (line.charCodeAt(from) !== SPACE) return false;
  const i = skipSpaces(line, from);
  return i === line.length || line.charCodeAt(i) === HASH;
}

/** Characters that cannot start a plain scalar or key here (or that this reader leaves to the careful reader). */
const INDICATORS = new Set([...'[]{}#&*!|>\'"%@`,?:'].map((c) => c.charCodeAt(0)));
const startsWithIndicator = (text: string, at: number): boolean => INDICATORS.has(text.charCodeAt(at));

/**
 * The lines of text[from, to), numbered from 0, cut from the text as the reader walks forward:
 * a dump has millions, and lines the reader has passed are let go (they die young).
 */
class LineWindow {
  private readonly cached: string[] = [];
  /** Number of the first cached line. */
  private base = 0;
  /** Offset where the next line not yet cut starts. */
  private next: number;

  constructor(
    private readonly text: string,
    from: number,
    private readonly to: number,
  ) {
    this.next = from;
  }

  has(line: number): boolean {
    while (this.base + this.cached.length <= line) {
      if (this.next >= this.to) return false;
      let nl = this.text.indexOf('\n', this.next);
      if (nl < 0 || nl >= this.to) nl = this.to;
      this.cached.push(this.text.slice(this.next, contentEnd(this.text, this.next, nl)));
      this.next = nl + 1;
    }
    return true;
  }

  /** Line `line`, which has() said exists ('' past the end; a line already let go is a reader bug: the careful reader reads the document). */
  get(line: number): string {
    if (line < this.base) throw BAIL;
    return this.has(line) ? this.cached[line - this.base]! : '';
  }

  /** Whether the text ends with a line break (its last line is terminated). */
  endsWithBreak(): boolean {
    return this.to > 0 && this.text.charCodeAt(this.to - 1) === 10;
  }

  /** Lines before `line` will not be asked for again. */
  release(line: number): void {
    if (line - this.base < 1024) return;
    this.cached.splice(0, line - this.base);
    this.base = line;
  }
}

class SimpleReader {
  private i: number;
  private readonly lines: LineWindow;
  /** Column in the current line while a flow collection is read. */
  private flowAt = 0;
  /** Nesting of the node being read. */
  private depth = 0;
  /** With `track`: the position of the node read last. */
  position: NodePosition | undefined;

  constructor(
    text: string,
    from: number,
    to: number,
    private readonly track: boolean,
  ) {
    this.lines = new LineWindow(text, from, to);
    this.i = 0;
  }

  document(): unknown {
    const indent = this.nextIndent();
    if (indent < 0) return null; // empty: null: no object either way
    const value = this.node(this.lines.get(this.i), indent, -1);
    if (this.nextIndent() >= 0) throw BAIL;
    return value;
  }

  /** Moves to the next content line; returns its indentation, or -1 at the end of the document. */
  private nextIndent(): number {
    this.lines.release(this.i);
    for (; this.lines.has(this.i); this.i++) {
      const line = this.lines.get(this.i);
      const indent = skipSpaces(line, 0);
      if (indent < line.length && line.charCodeAt(indent) !== HASH) return indent;
    }
    return -1;
  }

  /** A block node starting at column col of the current line; parent is its collection's column. */
  private node(line: string, col: number, parent: number): unknown {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const value = isDash(line, col) ? this.sequence(col) : this.keyEnd(line, col) >= 0 ? this.mapping(col) : this.scalar(line, col, parent);
    this.depth--;
    return value;
  }

  private sequence(col: number): unknown[] {
    const out: unknown[] = [];
    const start = this.i;
    const items: (NodePosition | undefined)[] | undefined = this.track ? [] : undefined;
    for (;;) {
      const line = this.lines.get(this.i);
      let c = col + 1;
      while (line.charCodeAt(c) === SPACE) c++;
      if (c === line.length || line.charCodeAt(c) === HASH) {
        this.i++;
        const next = this.nextIndent();
        // go-yaml reads a less indented `-` after an empty entry into this sequence: leave it that puzzle.
        if (next >= 0 && next < col && isDash(this.lines.get(this.i), next)) throw BAIL;
        if (next > col) {
          out.push(this.node(this.lines.get(this.i), next, col));
          items?.push(this.position);
        } else {
          out.push(null);
          items?.push(undefined);
        }
      } else {
        out.push(this.node(line, c, col));
        items?.push(this.position);
      }
      const next = this.nextIndent();
      if (next < col) break;
      if (next > col) throw BAIL;
      if (!isDash(this.lines.get(this.i), col)) break; // a key of the mapping this sequence is a value of
    }
    if (items) this.position = { line: start, col, collection: true, items };
    return out;
  }

  private mapping(col: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const start = this.i;
    const entries: NodePosition['entries'] = this.track ? new Map() : undefined;
    for (;;) {
      const keyLine = this.i;
      const line = this.lines.get(keyLine);
      const colon = this.keyEnd(line, col);
      if (colon < 0) throw BAIL;
      const key = this.key(line, col, colon);
      if (key === '__proto__' || key === '<<' || Object.prototype.hasOwnProperty.call(out, key)) throw BAIL;
      let c = colon + 1;
      while (line.charCodeAt(c) === SPACE) c++;
      this.position = undefined;
      if (c === line.length || line.charCodeAt(c) === HASH) {
        this.i++;
        const next = this.nextIndent();
        if (next > col) out[key] = this.node(this.lines.get(this.i), next, col);
        else if (next === col && isDash(this.lines.get(this.i), col)) out[key] = this.sequence(col);
        else out[key] = null;
      } else {
        out[key] = this.scalar(line, c, col);
      }
      entries?.set(key, { line: keyLine, col, value: this.position });
      const next = this.nextIndent();
      if (next < col) break;
      if (next > col || isDash(this.lines.get(this.i), col)) throw BAIL;
    }
    if (entries) this.position = { line: start, col, collection: true, entries };
    return out;
  }

  /**
   * Where the key at col ends (the index of its `:`), or -1 when the line holds no key there.
   * Quoted keys must be followed by `:` at once.
   */
  private keyEnd(line: string, col: number): number {
    const first = line.charCodeAt(col);
    // `...` at the start of a line ends the document: go-yaml reads nothing after it.
    if (first === 46 && col === 0 && line.startsWith('...') && (line.length === 3 || line.charCodeAt(3) === SPACE)) throw BAIL;
    if (first === 34 || first === 39) {
      const end = closingQuote(line, col + 1, first);
      if (end < 0) return -1; // a quoted scalar that goes on below: not a key
      const after = line.charCodeAt(end + 1);
      if (after !== COLON) return restIsEmpty(line, end + 1) ? -1 : bail();
      if (end + 1 - col > MAX_KEY) throw BAIL;
      return end + 2 === line.length || line.charCodeAt(end + 2) === SPACE ? end + 1 : bail();
    }
    if (first === 123 || first === 91) return -1; // a flow collection
    const comment = line.indexOf(' #', col);
    let from = col;
    for (;;) {
      const colon = line.indexOf(':', from);
      if (colon < 0 || (comment >= 0 && comment < colon)) return -1;
      if (colon + 1 === line.length || line.charCodeAt(colon + 1) === SPACE) {
        if (colon === col || colon - col > MAX_KEY || startsWithIndicator(line, col)) throw BAIL;
        return colon;
      }
      from = colon + 1;
    }
  }

  private key(line: string, col: number, colon: number): string {
    const first = line.charCodeAt(col);
    if (first === 34) return parseDoubleQuoted(line.slice(col, colon));
    if (first === 39) return parseSingleQuoted(line.slice(col, colon));
    let end = colon;
    while (line.charCodeAt(end - 1) === SPACE) end--;
    // Every object repeats the same keys: hand back the string made last time (already a
    // property name to V8) rather than cut, hash and look up a new one.
    const slot = (end - col) * 128 + first;
    const known = first < 128 ? KNOWN_KEYS.get(slot) : undefined;
    if (known !== undefined && line.startsWith(known, col)) return known;
    const text = line.slice(col, end);
    const key = this.plainKey(text);
    if (first < 128) KNOWN_KEYS.set(slot, key);
    return key;
  }

  /** A scalar starting at col of the current line (a block literal reads the lines below). */
  private scalar(line: string, col: number, parent: number): unknown {
    if (parent < 0) throw BAIL; // a document that is one scalar is no object: the careful reader reads it
    const first = line.charCodeAt(col);
    if (first === 123 || first === 91) {
      this.flowAt = col;
      const value = this.flowNode(line);
      if (!restIsEmpty(line, this.flowAt)) throw BAIL;
      this.i++;
      return value;
    }
    if (this.track) this.position = { line: this.i, col, collection: false };
    if (first === 34 || first === 39) {
      const end = closingQuote(line, col + 1, first);
      if (end < 0) return this.multiLineQuoted(line, col, parent);
      if (!restIsEmpty(line, end + 1)) throw BAIL;
      const text = line.slice(col, end + 1);
      this.i++;
      return first === 34 ? parseDoubleQuoted(text) : parseSingleQuoted(text);
    }
    if (first === 124) return this.literal(line, col, parent);
    if (startsWithIndicator(line, col) || isDash(line, col)) throw BAIL;
    const comment = line.indexOf(' #', col);
    const text = (comment < 0 ? line.slice(col) : line.slice(col, comment)).trimEnd();
    if (text.includes(': ') || text.endsWith(':')) throw BAIL;
    this.i++;
    return this.plain(comment < 0 ? this.plainContinuation(text, parent) : text);
  }

  /**
   * A plain scalar goes on over the more indented lines below (Go's YAML writer wraps long
   * strings so): they are folded in, a line break read as a space, n empty lines as n breaks.
   */
  private plainContinuation(first: string, parent: number): string {
    let text = first;
    let empties = 0;
    for (let j = this.i; this.lines.has(j); j++) {
      const l = this.lines.get(j);
      const n = skipSpaces(l, 0);
      if (n === l.length) {
        empties++;
        continue;
      }
      if (n <= parent || l.charCodeAt(n) === HASH) break;
      const part = l.slice(n).trimEnd();
      if (part.includes(': ') || part.endsWith(':') || part.includes(' #') || startsWithIndicator(part, 0) || isDash(part, 0)) throw BAIL;
      text += empties > 0 ? '\n'.repeat(empties) : ' ';
      text += part;
      empties = 0;
      this.i = j + 1;
    }
    return text;
  }

  /**
   * A flow node at column flowAt of a line where every flow collection it opens also closes:
   * `[a, "b", {c: 1}]`, `{app: web, tier: "front"}`. Leaves flowAt just after the node. Entries
   * without values, empty entries, trailing commas, `:`, `?` or `#` inside plain scalars and
   * collections that go on below are left to the careful reader.
   */
  private flowNode(line: string): unknown {
    if (++this.depth > MAX_DEPTH) throw BAIL;
    const value = this.flowValue(line);
    this.depth--;
    return value;
  }

  private flowValue(line: string): unknown {
    const col = this.flowAt;
    const first = line.charCodeAt(col);
    if (first === 91 || first === 123) {
      const isSeq = first === 91;
      const close = isSeq ? 93 : 125;
      const out: unknown[] | Record<string, unknown> = isSeq ? [] : {};
      const items: (NodePosition | undefined)[] | undefined = this.track && isSeq ? [] : undefined;
      const entries: NodePosition['entries'] = this.track && !isSeq ? new Map() : undefined;
      this.flowAt = skipSpaces(line, col + 1);
      if (line.charCodeAt(this.flowAt) === close) this.flowAt++;
      else {
        for (;;) {
          if (isSeq) {
            (out as unknown[]).push(this.flowNode(line));
            items?.push(this.position);
          } else {
            const keyCol = this.flowAt;
            const key = this.flowKey(line);
            if (key === '__proto__' || key === '<<' || Object.prototype.hasOwnProperty.call(out, key)) throw BAIL;
            (out as Record<string, unknown>)[key] = this.flowNode(line);
            entries?.set(key, { line: this.i, col: keyCol, value: this.position });
          }
          this.flowAt = skipSpaces(line, this.flowAt);
          const c = line.charCodeAt(this.flowAt);
          if (c === close) {
            this.flowAt++;
            break;
          }
          if (c !== 44) throw BAIL;
          // An empty entry or a trailing comma: the next node finds `,` `]` `}` or the line's end, and bails.
          this.flowAt = skipSpaces(line, this.flowAt + 1);
        }
      }
      if (this.track) this.position = { line: this.i, col, collection: true, ...(isSeq ? { items } : { entries }) };
      return out;
    }
    if (this.track) this.position = { line: this.i, col, collection: false };
    if (first === 34 || first === 39) {
      const end = closingQuote(line, col + 1, first);
      if (end < 0) throw BAIL;
      this.flowAt = end + 1;
      const text = line.slice(col, end + 1);
      return first === 34 ? parseDoubleQuoted(text) : parseSingleQuoted(text);
    }
    const end = this.flowPlainEnd(line, col);
    this.flowAt = end;
    return this.plain(line.slice(col, end));
  }

  /** End (after trailing spaces are dropped) of a plain scalar in a flow collection. */
  private flowPlainEnd(line: string, col: number): number {
    if (col >= line.length || startsWithIndicator(line, col)) throw BAIL;
    if (line.charCodeAt(col) === DASH && /^-(?:$|[ ,\]}])/.test(line.slice(col, col + 2))) throw BAIL; // `-` alone is no scalar here
    let j = col;
    for (; j < line.length; j++) {
      const c = line.charCodeAt(j);
      if (c === 44 || c === 93 || c === 125) break;
      if (c === COLON || c === HASH || c === 91 || c === 123 || c === 63) throw BAIL; // `?` ends a plain scalar in flow context
    }
    if (j === line.length) throw BAIL; // the collection goes on below
    while (line.charCodeAt(j - 1) === SPACE) j--;
    return j;
  }

  /** A flow mapping key and its `: `; leaves flowAt at the value. */
  private flowKey(line: string): string {
    const col = this.flowAt;
    const first = line.charCodeAt(col);
    let key: string;
    let after: number;
    if (first === 34 || first === 39) {
      const end = closingQuote(line, col + 1, first);
      if (end < 0) throw BAIL;
      const text = line.slice(col, end + 1);
      key = first === 34 ? parseDoubleQuoted(text) : parseSingleQuoted(text);
      after = end + 1;
    } else {
      if (col >= line.length || startsWithIndicator(line, col) || isDash(line, col)) throw BAIL;
      const colon = line.indexOf(': ', col);
      if (colon < 0) throw BAIL;
      after = colon;
      while (line.charCodeAt(after - 1) === SPACE) after--;
      const text = line.slice(col, after);
      if (/[,[\]{}#:?]/.test(text)) throw BAIL;
      key = this.plainKey(text);
      after = colon;
    }
    if (line.charCodeAt(after) !== COLON || line.charCodeAt(after + 1) !== SPACE || after - col > MAX_KEY) throw BAIL;
    this.flowAt = skipSpaces(line, after + 2); // no value: the value's reader finds `,` `}` or the line's end, and bails
    return key;
  }

  /** A plain scalar resolved as go-yaml v2 resolves it; ±Inf and NaN (which kubectl's JSON conversion refuses) are left to the careful reader. */
  private plain(text: string): unknown {
    if (plainIsString(text)) return text;
    if (SMALL_DECIMAL.test(text)) return Number(text); // ports, replicas: no need for go-yaml's full integer syntax
    const r = resolvePlain(text);
    switch (r.kind) {
      case 'str':
      case 'bool':
        return r.value;
      case 'null':
        return null;
      case 'int':
      case 'uint':
        return Number(r.value);
      case 'float':
        return Number.isFinite(r.value) ? r.value : bail();
    }
  }

  /** A plain key that go-yaml reads as a string; other keys (`y:`, `1:`, `~:`) are left to the careful reader. */
  private plainKey(text: string): string {
    return plainIsString(text) || resolvePlain(text).kind === 'str' ? text : bail();
  }

  /**
   * A quoted scalar that starts at col and ends on a later line (kubectl writes long annotations
   * so), folded as YAML folds flow scalars: a line break becomes a space, n empty lines n line
   * breaks, the spaces around line breaks go. Escapes across lines are left to the careful reader.
   */
  private multiLineQuoted(line: string, col: number, parent: number): string {
    const quote = line.charCodeAt(col);
    const unquote = (segment: string): string => {
      if (quote === 34) return segment.includes('\\') ? bail() : segment;
      return segment.replaceAll("''", "'");
    };
    let text = unquote(line.slice(col + 1).trimEnd());
    let empties = 0;
    for (let j = this.i + 1; this.lines.has(j); j++) {
      const l = this.lines.get(j);
      const n = skipSpaces(l, 0);
      const end = closingQuote(l, n, quote);
      if (end < 0 && n === l.length) {
        empties++;
        continue;
      }
      if (n <= parent) throw BAIL;
      text += empties > 0 ? '\n'.repeat(empties) : ' ';
      empties = 0;
      if (end < 0) {
        text += unquote(l.slice(n).trimEnd());
        continue;
      }
      if (!restIsEmpty(l, end + 1)) throw BAIL;
      text += unquote(l.slice(n, end));
      this.i = j + 1;
      return text;
    }
    throw BAIL;
  }

  /** `|` or `|-` at col: the more indented lines below, verbatim. */
  private literal(line: string, col: number, parent: number): string {
    const header = line.slice(col + 1);
    const strip = header.startsWith('-');
    if (!restIsEmpty(line, col + (strip ? 2 : 1))) throw BAIL;
    this.i++;
    let indent = -1;
    let j = this.i;
    let longestBlank = 0;
    for (; this.lines.has(j); j++) {
      const l = this.lines.get(j);
      const n = skipSpaces(l, 0);
      if (n === l.length) {
        longestBlank = Math.max(longestBlank, n);
        continue;
      }
      indent = n;
      break;
    }
    if (indent <= parent || indent < 0) {
      // No content: the scalar is empty and the lines below belong to the parent.
      if (longestBlank > Math.max(parent, 0)) throw BAIL;
      return '';
    }
    const content: string[] = [];
    for (j = this.i; this.lines.has(j); j++) {
      const l = this.lines.get(j);
      const n = skipSpaces(l, 0);
      if (n === l.length) {
        if (n > indent) throw BAIL; // spaces beyond the indentation: leave the subtleties to the careful reader
        content.push('');
        continue;
      }
      if (n < indent) break;
      content.push(l.slice(indent));
    }
    this.i = j;
    // Go's reader adds no line break after a last line that has none (the document's end).
    const unterminated = !this.lines.has(j) && content[content.length - 1] !== '' && !this.lines.endsWithBreak();
    while (content.length > 0 && content[content.length - 1] === '') content.pop();
    const text = content.join('\n');
    return strip || content.length === 0 || unterminated ? text : `${text}\n`;
  }
}

function bail(): never {
  throw BAIL;
}

/**
 * Index of the quote (34 `"` or 39 `'`) that closes a quoted scalar whose text goes on at from,
 * or -1 when it does not close on this line.
 */
function closingQuote(line: string, from: number, quote: number): number {
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (quote === 34 && c === 92) i++;
    else if (c === quote) {
      if (quote === 39 && line.charCodeAt(i + 1) === 39) i++;
      else return i;
    }
  }
  return -1;
}

/** `"…"` with the escapes YAML and JSON share (JSON.parse refuses the others: the careful reader reads those). */
function parseDoubleQuoted(text: string): string {
  // JSON's \/ and surrogate escapes are not go-yaml's: the careful reader says so.
  if (text.includes('\\') && /\\(\/|u[dD][89a-fA-F])/.test(text)) throw BAIL;
  try {
    return JSON.parse(text) as string;
  } catch {
    throw BAIL;
  }
}

function parseSingleQuoted(text: string): string {
  return text.slice(1, -1).replaceAll("''", "'");
}
