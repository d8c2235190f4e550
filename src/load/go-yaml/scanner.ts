import { Cursor, isAlpha, isBlank, isBlankz, isBreak, isBreakz, isDigit, isHex, TAB, YamlSyntaxError, type Mark } from './reader.js';
import { atDocumentIndicator, scanBlockScalar, scanFlowScalar, scanPlainScalar, type ScalarStyle } from './scan-scalars.js';

/**
 * go-yaml v2's scanner (scannerc.go): text → tokens. The parts that decide what go-yaml reads
 * are its own and reproduced here: simple keys (a key is known only once its `:` is found, then
 * KEY and BLOCK-MAPPING-START tokens are inserted before it; a possible key dies at the end of
 * its line or after 1,024 characters, and a required one is then an error), the indentation
 * stack (BLOCK-END tokens), tabs where only spaces may stand, and the look-ahead that fetches
 * tokens until the head token cannot be a key any more (which is why errors a little past the
 * end of what go-yaml decodes still surface). Depth is bounded as in go-yaml: 10,000 flow
 * levels, 10,000 indentation levels.
 */
export type TokenType =
  | 'stream-start'
  | 'stream-end'
  | 'version-directive'
  | 'tag-directive'
  | 'document-start'
  | 'document-end'
  | 'block-sequence-start'
  | 'block-mapping-start'
  | 'block-end'
  | 'flow-sequence-start'
  | 'flow-sequence-end'
  | 'flow-mapping-start'
  | 'flow-mapping-end'
  | 'block-entry'
  | 'flow-entry'
  | 'key'
  | 'value'
  | 'alias'
  | 'anchor'
  | 'tag'
  | 'scalar';

export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** Scalar text, anchor or alias name, tag or directive handle. */
  value?: string;
  /** Tag suffix. */
  suffix?: string;
  /** %TAG prefix. */
  prefix?: string;
  style?: ScalarStyle;
  major?: number;
  minor?: number;
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const MAX_DEPTH = 10_000;

export class Scanner {
  private readonly c: Cursor;
  private tokens: Token[] = [];
  private head = 0;
  /** Tokens handed to the parser so far. */
  private parsed = 0;
  private available = false;
  private streamStarted = false;
  private streamEnded = false;
  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private readonly keysByToken = new Map<number, number>();
  private flowLevel = 0;

  /**
   * go-yaml's is_bom looks at the start of its read buffer, not at the current character: when
   * the text (after the byte order mark the reader drops) starts with another U+FEFF, every line
   * loses its first character at column 0 until the buffer is refilled, which is after the first
   * 512 bytes, or near the end of a shorter text. Where that buffer ends (UTF-16 units), or -1.
   */
  private readonly bomWindowEnd: number;

  constructor(text: string) {
    this.c = new Cursor(text);
    // A byte order mark at the start is the encoding's, not the text's.
    if (text.charCodeAt(0) === 0xfeff) this.c.pos = 1;
    this.bomWindowEnd = text.charCodeAt(this.c.pos) === 0xfeff ? firstReadEnd(text) : -1;
  }

  /** The next token, not consumed. */
  peek(): Token {
    if (!this.available) this.fetchMore();
    return this.tokens[this.head]!;
  }

  /** How far into the text the scanner has asked to see. */
  get reach(): number {
    return this.c.reach;
  }

  /** Consumes the token peek returned. */
  next(): void {
    this.available = false;
    this.parsed++;
    this.streamEnded = this.tokens[this.head]!.type === 'stream-end';
    this.head++;
    if (this.head > 64 && this.head * 2 > this.tokens.length) {
      this.tokens = this.tokens.slice(this.head);
      this.head = 0;
    }
  }

  private fail(at: Mark, problem: string): never {
    throw new YamlSyntaxError(problem, at.pos);
  }

  private insert(token: Token, at = -1): void {
    if (at < 0) this.tokens.push(token);
    else this.tokens.splice(this.head + at, 0, token);
  }

  private queued(): number {
    return this.parsed + (this.tokens.length - this.head);
  }

  private fetchMore(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        const k = this.keysByToken.get(this.parsed);
        if (k === undefined || !this.keyStillPossible(this.simpleKeys[k]!)) break;
      }
      if (this.streamEnded) break;
      this.fetchNext();
    }
    this.available = true;
  }

  private keyStillPossible(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.mark.line < this.c.line || key.mark.index + 1024 < this.c.index) {
      if (key.required) this.fail(key.mark, 'could not find expected \':\'');
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    if (!this.simpleKeyAllowed) return;
    const key: SimpleKey = { possible: true, required: this.flowLevel === 0 && this.indent === this.c.column, tokenNumber: this.queued(), mark: this.c.mark() };
    this.removeSimpleKey();
    this.simpleKeys[this.simpleKeys.length - 1] = key;
    this.keysByToken.set(key.tokenNumber, this.simpleKeys.length - 1);
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (!key.possible) return;
    if (key.required) this.fail(key.mark, 'could not find expected \':\'');
    key.possible = false;
    this.keysByToken.delete(key.tokenNumber);
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: this.queued(), mark: this.c.mark() });
    this.flowLevel++;
    if (this.flowLevel > MAX_DEPTH) this.fail(this.c.mark(), `exceeded max depth of ${MAX_DEPTH}`);
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel === 0) return;
    this.flowLevel--;
    const key = this.simpleKeys.pop()!;
    this.keysByToken.delete(key.tokenNumber);
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0 || this.indent >= column) return;
    this.indents.push(this.indent);
    this.indent = column;
    if (this.indents.length > MAX_DEPTH) this.fail(mark, `exceeded max depth of ${MAX_DEPTH}`);
    this.insert({ type, start: mark, end: mark }, number > -1 ? number - this.parsed : -1);
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      const mark = this.c.mark();
      this.insert({ type: 'block-end', start: mark, end: mark });
      this.indent = this.indents.pop()!;
    }
  }

  private simple(type: TokenType): void {
    const start = this.c.mark();
    this.c.skip();
    this.insert({ type, start, end: this.c.mark() });
  }

  private fetchNext(): void {
    const c = this.c;
    if (!this.streamStarted) {
      this.indent = -1;
      this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: c.mark() });
      this.simpleKeyAllowed = true;
      this.streamStarted = true;
      this.insert({ type: 'stream-start', start: c.mark(), end: c.mark() });
      return;
    }
    this.scanToNextToken();
    this.unrollIndent(c.column);
    c.demand(4);
    const ch = c.at();
    if (ch === 0) return this.fetchStreamEnd();
    if (c.column === 0 && ch === 37 /* % */) return this.fetchDirective();
    if (atDocumentIndicator(c)) {
      this.unrollIndent(-1);
      this.removeSimpleKey();
      this.simpleKeyAllowed = false;
      const start = c.mark();
      c.skip();
      c.skip();
      c.skip();
      this.insert({ type: ch === 45 ? 'document-start' : 'document-end', start, end: c.mark() });
      return;
    }
    const next = c.at(1);
    const flow = this.flowLevel > 0;
    switch (ch) {
      case 91: // [
      case 123: // {
        this.saveSimpleKey();
        this.increaseFlowLevel();
        this.simpleKeyAllowed = true;
        return this.simple(ch === 91 ? 'flow-sequence-start' : 'flow-mapping-start');
      case 93: // ]
      case 125: // }
        this.removeSimpleKey();
        this.decreaseFlowLevel();
        this.simpleKeyAllowed = false;
        return this.simple(ch === 93 ? 'flow-sequence-end' : 'flow-mapping-end');
      case 44: // ,
        this.removeSimpleKey();
        this.simpleKeyAllowed = true;
        return this.simple('flow-entry');
    }
    if (ch === 45 && isBlankz(next)) {
      if (!flow) {
        if (!this.simpleKeyAllowed) this.fail(c.mark(), 'block sequence entries are not allowed in this context');
        this.rollIndent(c.column, -1, 'block-sequence-start', c.mark());
      }
      this.removeSimpleKey();
      this.simpleKeyAllowed = true;
      return this.simple('block-entry');
    }
    if (ch === 63 && (flow || isBlankz(next))) {
      if (!flow) {
        if (!this.simpleKeyAllowed) this.fail(c.mark(), 'mapping keys are not allowed in this context');
        this.rollIndent(c.column, -1, 'block-mapping-start', c.mark());
      }
      this.removeSimpleKey();
      this.simpleKeyAllowed = !flow;
      return this.simple('key');
    }
    if (ch === 58 && (flow || isBlankz(next))) return this.fetchValue();
    if (ch === 42 || ch === 38) {
      this.saveSimpleKey();
      this.simpleKeyAllowed = false;
      return this.insert(this.scanAnchor(ch === 42 ? 'alias' : 'anchor'));
    }
    if (ch === 33) {
      this.saveSimpleKey();
      this.simpleKeyAllowed = false;
      return this.insert(this.scanTag());
    }
    if ((ch === 124 || ch === 62) && !flow) {
      this.removeSimpleKey();
      this.simpleKeyAllowed = true;
      return this.insert(scalarToken(scanBlockScalar(c, this.indent, ch === 124)));
    }
    if (ch === 39 || ch === 34) {
      this.saveSimpleKey();
      this.simpleKeyAllowed = false;
      return this.insert(scalarToken(scanFlowScalar(c, ch === 39)));
    }
    if (!(isBlankz(ch) || INDICATORS.has(ch)) || (ch === 45 && !isBlank(next)) || (!flow && (ch === 63 || ch === 58) && !isBlankz(next))) {
      this.saveSimpleKey();
      this.simpleKeyAllowed = false;
      const s = scanPlainScalar(c, this.indent, flow);
      if (s.leadingBlanks) this.simpleKeyAllowed = true;
      return this.insert(scalarToken(s));
    }
    this.fail(c.mark(), 'found character that cannot start any token');
  }

  private fetchStreamEnd(): void {
    const c = this.c;
    if (c.column !== 0) {
      c.column = 0;
      c.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert({ type: 'stream-end', start: c.mark(), end: c.mark() });
  }

  private fetchValue(): void {
    const c = this.c;
    const key = this.simpleKeys[this.simpleKeys.length - 1]!;
    if (this.keyStillPossible(key)) {
      this.insert({ type: 'key', start: key.mark, end: key.mark }, key.tokenNumber - this.parsed);
      this.rollIndent(key.mark.column, key.tokenNumber, 'block-mapping-start', key.mark);
      key.possible = false;
      this.keysByToken.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.fail(c.mark(), 'mapping values are not allowed in this context');
        this.rollIndent(c.column, -1, 'block-mapping-start', c.mark());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.simple('value');
  }

  /** Spaces, tabs where they are only separation, comments and line breaks. */
  private scanToNextToken(): void {
    const c = this.c;
    for (;;) {
      if (c.column === 0 && this.bomWindowEnd >= 0 && c.reach <= this.bomWindowEnd) c.skip();
      while (c.at() === 32 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && c.at() === TAB)) c.skip();
      if (c.at() === 35) while (!isBreakz(c.at())) c.skip();
      if (!isBreak(c.at())) return;
      c.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const c = this.c;
    const start = c.mark();
    c.skip();
    let name = '';
    while (isAlpha(c.at())) name += c.read();
    if (name === '') this.fail(start, 'could not find expected directive name');
    if (!isBlankz(c.at())) this.fail(start, 'found unexpected non-alphabetical character');
    let token: Token;
    if (name === 'YAML') {
      while (isBlank(c.at())) c.skip();
      const major = this.versionNumber(start);
      if (c.at() !== 46) this.fail(start, "did not find expected digit or '.' character");
      c.skip();
      const minor = this.versionNumber(start);
      token = { type: 'version-directive', start, end: c.mark(), major, minor };
    } else if (name === 'TAG') {
      while (isBlank(c.at())) c.skip();
      const handle = this.tagHandle(true, start);
      if (!isBlank(c.at())) this.fail(start, 'did not find expected whitespace');
      while (isBlank(c.at())) c.skip();
      const prefix = this.tagUri(true, '', start);
      if (!isBlankz(c.at())) this.fail(start, 'did not find expected whitespace or line break');
      token = { type: 'tag-directive', start, end: c.mark(), value: handle, prefix };
    } else this.fail(start, 'found unknown directive name');
    while (isBlank(c.at())) c.skip();
    if (c.at() === 35) while (!isBreakz(c.at())) c.skip();
    if (!isBreakz(c.at())) this.fail(start, 'did not find expected comment or line break');
    c.skipLine();
    this.insert(token);
  }

  private versionNumber(start: Mark): number {
    let value = 0;
    let length = 0;
    while (isDigit(this.c.at())) {
      if (++length > 2) this.fail(start, 'found extremely long version number');
      value = value * 10 + this.c.at() - 48;
      this.c.skip();
    }
    if (length === 0) this.fail(start, 'did not find expected version number');
    return value;
  }

  private scanAnchor(type: 'alias' | 'anchor'): Token {
    const c = this.c;
    const start = c.mark();
    c.skip();
    let name = '';
    while (isAlpha(c.at())) name += c.read();
    const end = c.mark();
    const after = c.at();
    if (name === '' || !(isBlankz(after) || AFTER_ANCHOR.has(after))) this.fail(start, 'did not find expected alphabetic or numeric character');
    return { type, start, end, value: name };
  }

  private scanTag(): Token {
    const c = this.c;
    const start = c.mark();
    let handle = '';
    let suffix = '';
    if (c.at(1) === 60 /* < */) {
      c.skip();
      c.skip();
      suffix = this.tagUri(false, '', start);
      if (c.at() !== 62) this.fail(start, "did not find the expected '>'");
      c.skip();
    } else {
      handle = this.tagHandle(false, start);
      if (handle.length > 1 && handle.endsWith('!')) suffix = this.tagUri(false, '', start);
      else {
        suffix = this.tagUri(false, handle, start);
        handle = '!';
        if (suffix === '') [handle, suffix] = ['', handle];
      }
    }
    if (!isBlankz(c.at())) this.fail(start, 'did not find expected whitespace or line break');
    return { type: 'tag', start, end: c.mark(), value: handle, suffix };
  }

  private tagHandle(directive: boolean, start: Mark): string {
    const c = this.c;
    if (c.at() !== 33) this.fail(start, "did not find expected '!'");
    let s = c.read();
    while (isAlpha(c.at())) s += c.read();
    if (c.at() === 33) s += c.read();
    else if (directive && s !== '!') this.fail(start, "did not find expected '!'");
    return s;
  }

  /** A tag's URI characters (%-escapes decoded); `head`: a handle read already that turned out to be the suffix's start. */
  private tagUri(directive: boolean, head: string, start: Mark): string {
    const c = this.c;
    const bytes: number[] = [];
    for (const b of Buffer.from(head.slice(1), 'utf8')) bytes.push(b);
    let hasTag = head.length > 0;
    while (isAlpha(c.at()) || URI_CHARS.has(c.at())) {
      if (c.at() === 37) this.uriEscapes(directive, start, bytes);
      else for (const b of Buffer.from(c.read(), 'utf8')) bytes.push(b);
      hasTag = true;
    }
    if (!hasTag) this.fail(start, 'did not find expected tag URI');
    return Buffer.from(bytes).toString('utf8');
  }

  private uriEscapes(directive: boolean, start: Mark, out: number[]): void {
    const c = this.c;
    let width = 1024;
    while (width > 0) {
      if (!(c.at() === 37 && isHex(c.at(1)) && isHex(c.at(2)))) this.fail(start, 'did not find URI escaped octet');
      const octet = parseInt(String.fromCharCode(c.at(1), c.at(2)), 16);
      if (width === 1024) {
        width = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (width === 0) this.fail(start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) this.fail(start, 'found an incorrect trailing UTF-8 octet');
      out.push(octet);
      c.skip();
      c.skip();
      c.skip();
      width--;
    }
    void directive;
  }
}

/** Where go-yaml's first 512-byte read of the text ends, in UTF-16 units (a character cut by it waits for the next read). */
function firstReadEnd(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (bytes > 512) return i;
    if (c >= 0x10000) i++;
  }
  return text.length;
}

function scalarToken(s: { value: string; style: ScalarStyle; start: Mark; end: Mark }): Token {
  return { type: 'scalar', start: s.start, end: s.end, value: s.value, style: s.style };
}

/** Characters that cannot start a plain scalar (fetch_next_token's list). */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((ch) => ch.charCodeAt(0)));
/** What may follow an anchor or alias name. */
const AFTER_ANCHOR = new Set([...'?:,]}%@`'].map((ch) => ch.charCodeAt(0)));
/** URI characters besides alphanumerics, `_` and `-` (scan_tag_uri). */
const URI_CHARS = new Set([...";/?:@&=+$,.!~*'()[]%"].map((ch) => ch.charCodeAt(0)));
