/**
 * The characters of a document as go-yaml v2's scanner walks them (readerc.go, yamlprivateh.go):
 * a position with go-yaml's marks (index and column count characters, not UTF-16 units), its
 * character classes — a line break is LF, CR, CR LF, NEL, LS or PS — and the moves the scanner
 * makes. The end of the text reads as NUL, as go-yaml's buffer ends (a NUL inside the text is
 * refused before this is used).
 */
export interface Mark {
  /** Offset into the text in UTF-16 units (for messages and positions). */
  pos: number;
  /** Characters before this one (go-yaml's mark.index; CR LF counts 2). */
  index: number;
  line: number;
  column: number;
}

/** A document go-yaml refuses: its problem and where (an offset into the text). */
export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export const LF = 10;
export const CR = 13;
export const NEL = 0x85;
export const LS = 0x2028;
export const PS = 0x2029;
export const SPACE = 32;
export const TAB = 9;

export function isBreak(c: number): boolean {
  return c === LF || c === CR || c === NEL || c === LS || c === PS;
}

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Blank, a line break or the end. */
export function isBlankz(c: number): boolean {
  return c === SPACE || c === TAB || c === 0 || isBreak(c);
}

export function isBreakz(c: number): boolean {
  return c === 0 || isBreak(c);
}

/** go-yaml's is_alpha: the characters of anchors, directive names and tag handles. */
export function isAlpha(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

export class Cursor {
  pos = 0;
  index = 0;
  line = 0;
  column = 0;
  /** How far (UTF-16 units) the scanner has asked to see: go-yaml's reader decodes no further (readerReach). */
  reach = 0;

  constructor(readonly text: string) {}

  /** The UTF-16 unit k units ahead (0 past the end): the scanner only looks ahead past ASCII. */
  at(k = 0): number {
    const p = this.pos + k;
    if (p >= this.reach) this.reach = p + 1;
    return p < this.text.length ? this.text.charCodeAt(p) : 0;
  }

  /** go-yaml's cache(n): the next n characters are decoded whether or not they are looked at. */
  demand(n: number): void {
    if (this.pos + n > this.reach) this.reach = this.pos + n;
  }

  mark(): Mark {
    return { pos: this.pos, index: this.index, line: this.line, column: this.column };
  }

  /** Moves past one character (not a line break). */
  skip(): void {
    const c = this.text.charCodeAt(this.pos);
    this.pos += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    this.index++;
    this.column++;
  }

  /** The current character, moved past. */
  read(): string {
    const from = this.pos;
    this.skip();
    return this.text.slice(from, this.pos);
  }

  /** Moves past a line break (CR LF is one), if there is one. */
  skipLine(): void {
    const c = this.at();
    if (c === CR && this.at(1) === LF) {
      this.pos += 2;
      this.index += 2;
    } else if (isBreak(c)) {
      this.pos++;
      this.index++;
    } else return;
    this.column = 0;
    this.line++;
  }

  /** A line break moved past, as go-yaml keeps it in a scalar: LS and PS stay, the others become LF. */
  readLine(): string {
    const c = this.at();
    if (!isBreak(c)) return '';
    this.skipLine();
    return c === LS || c === PS ? String.fromCharCode(c) : '\n';
  }
}

/** Characters go-yaml's reader refuses (readerc.go): C0/C1 controls but tab, LF, CR and NEL; U+FFFE/U+FFFF; lone surrogates. */
export const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** go-yaml's reader takes its input 512 bytes at a time and checks every character of each piece it decodes. */
const READ_SIZE = 512;

/**
 * Where go-yaml's reader stops on a character it refuses, given how far the scanner asked to
 * see (`reach`, UTF-16 units), or undefined. The reader decodes lazily, whole 512-byte pieces of
 * the input at a time, and go-yaml stops after the first node: a control character past the
 * last piece it needed is never seen.
 */
export function refusedCharacter(text: string, reach: number): number | undefined {
  const found = CONTROL.exec(text);
  if (!found) return undefined;
  const total = Buffer.byteLength(text, 'utf8');
  const needed = Buffer.byteLength(text.slice(0, Math.min(reach, text.length)), 'utf8');
  const decoded = needed >= total ? total : Math.ceil(needed / READ_SIZE) * READ_SIZE;
  // A character is decoded with the piece that holds its last byte.
  const end = Buffer.byteLength(text.slice(0, found.index + 1), 'utf8');
  return end <= decoded ? found.index : undefined;
}
