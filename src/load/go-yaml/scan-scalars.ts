import { Cursor, isBlank, isBlankz, isBreak, isBreakz, isDigit, isHex, SPACE, TAB, YamlSyntaxError, type Mark } from './reader.js';

/**
 * go-yaml v2's scalar scanners (scannerc.go: scan_block_scalar, scan_flow_scalar,
 * scan_plain_scalar): how a literal, folded, quoted or plain scalar's text is read and where it
 * ends, line folding included. Written from the Go sources; the differential test
 * (test/load/kubectl-yaml.test.ts) holds it to them.
 */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface ScannedScalar {
  value: string;
  style: ScalarStyle;
  start: Mark;
  end: Mark;
}

function fail(at: Mark, problem: string): never {
  throw new YamlSyntaxError(problem, at.pos);
}

/** `---` or `...` at the start of a line, followed by a blank, a break or the end. */
export function atDocumentIndicator(c: Cursor): boolean {
  if (c.column !== 0) return false;
  const a = c.at();
  if ((a !== 45 && a !== 46) || c.at(1) !== a || c.at(2) !== a) return false;
  return isBlankz(c.at(3));
}

/** A literal (`|`) or folded (`>`) scalar; `indent` is the scanner's current indentation. */
export function scanBlockScalar(c: Cursor, indent: number, literal: boolean): ScannedScalar {
  const start = c.mark();
  c.skip();
  let chomping = 0;
  let increment = 0;
  const sign = (): boolean => {
    const ch = c.at();
    if (ch !== 43 && ch !== 45) return false;
    chomping = ch === 43 ? 1 : -1;
    c.skip();
    return true;
  };
  const digit = (): void => {
    if (!isDigit(c.at())) return;
    if (c.at() === 48) fail(start, 'found an indentation indicator equal to 0');
    increment = c.at() - 48;
    c.skip();
  };
  if (sign()) digit();
  else if (isDigit(c.at())) {
    digit();
    sign();
  }
  while (isBlank(c.at())) c.skip();
  if (c.at() === 35) while (!isBreakz(c.at())) c.skip();
  if (!isBreakz(c.at())) fail(start, 'did not find expected comment or line break');
  c.skipLine();
  let end = c.mark();
  let width = increment > 0 ? (indent >= 0 ? indent + increment : increment) : 0;

  let value = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  /** Blank lines and indentation before content; sets the width when it is not known yet. */
  const breaks = (): void => {
    end = c.mark();
    let maxIndent = 0;
    for (;;) {
      while ((width === 0 || c.column < width) && c.at() === SPACE) c.skip();
      if (c.column > maxIndent) maxIndent = c.column;
      if ((width === 0 || c.column < width) && c.at() === TAB) fail(start, 'found a tab character where an indentation space is expected');
      if (!isBreak(c.at())) break;
      trailingBreaks += c.readLine();
      end = c.mark();
    }
    if (width === 0) width = Math.max(maxIndent, indent + 1, 1);
  };
  breaks();
  let leadingBlank = false;
  while (c.column === width && c.at() !== 0) {
    const trailingBlank = isBlank(c.at());
    if (!literal && !leadingBlank && !trailingBlank && leadingBreak.startsWith('\n')) {
      if (trailingBreaks === '') value += ' ';
    } else value += leadingBreak;
    leadingBreak = '';
    value += trailingBreaks;
    trailingBreaks = '';
    leadingBlank = isBlank(c.at());
    const from = c.pos;
    while (!isBreakz(c.at())) c.skip();
    value += c.text.slice(from, c.pos);
    leadingBreak = c.readLine();
    breaks();
  }
  if (chomping !== -1) value += leadingBreak;
  if (chomping === 1) value += trailingBreaks;
  return { value, style: literal ? 'literal' : 'folded', start, end };
}

const SIMPLE_ESCAPES: Record<number, string> = {
  48: '\0',
  97: '\x07',
  98: '\b',
  116: '\t',
  9: '\t',
  110: '\n',
  118: '\v',
  102: '\f',
  114: '\r',
  101: '\x1b',
  32: ' ',
  34: '"',
  39: "'",
  92: '\\',
  78: '\u0085',
  95: '\u00a0',
  76: '\u2028',
  80: '\u2029',
};
const HEX_ESCAPES: Record<number, number> = { 120: 2, 117: 4, 85: 8 };

/** A single- or double-quoted scalar. */
export function scanFlowScalar(c: Cursor, single: boolean): ScannedScalar {
  const start = c.mark();
  c.skip();
  let value = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let whitespaces = '';
  for (;;) {
    c.demand(4);
    if (atDocumentIndicator(c)) fail(start, 'found unexpected document indicator');
    if (c.at() === 0) fail(start, 'found unexpected end of stream');
    let leadingBlanks = false;
    while (!isBlankz(c.at())) {
      const ch = c.at();
      if (single && ch === 39 && c.at(1) === 39) {
        value += "'";
        c.skip();
        c.skip();
      } else if (ch === (single ? 39 : 34)) {
        break;
      } else if (!single && ch === 92 && isBreak(c.at(1))) {
        c.skip();
        c.skipLine();
        leadingBlanks = true;
        break;
      } else if (!single && ch === 92) {
        const e = c.at(1);
        const simple = SIMPLE_ESCAPES[e];
        const length = HEX_ESCAPES[e] ?? 0;
        if (simple === undefined && length === 0) fail(start, 'found unknown escape character');
        c.skip();
        c.skip();
        if (simple !== undefined) value += simple;
        else {
          let code = 0;
          for (let k = 0; k < length; k++) {
            if (!isHex(c.at(k))) fail(start, 'did not find expected hexdecimal number');
            code = code * 16 + parseInt(String.fromCharCode(c.at(k)), 16);
          }
          if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) fail(start, 'found invalid Unicode character escape code');
          value += String.fromCodePoint(code);
          for (let k = 0; k < length; k++) c.skip();
        }
      } else value += c.read();
    }
    if (c.at() === (single ? 39 : 34)) break;
    // Blanks and line breaks: folded into a space or kept as breaks.
    while (isBlank(c.at()) || isBreak(c.at())) {
      if (isBlank(c.at())) {
        if (!leadingBlanks) whitespaces += c.read();
        else c.skip();
      } else if (!leadingBlanks) {
        whitespaces = '';
        leadingBreak = c.readLine();
        leadingBlanks = true;
      } else trailingBreaks += c.readLine();
    }
    if (leadingBlanks) {
      if (leadingBreak.startsWith('\n')) value += trailingBreaks === '' ? ' ' : trailingBreaks;
      else value += leadingBreak + trailingBreaks;
      trailingBreaks = '';
      leadingBreak = '';
    } else {
      value += whitespaces;
      whitespaces = '';
    }
  }
  c.skip();
  return { value, style: single ? 'single' : 'double', start, end: c.mark() };
}

/**
 * A plain scalar; `indent` is the scanner's indentation, `flow` whether inside a flow
 * collection. `leadingBlanks`: it ended after a line break (a simple key may follow).
 */
export function scanPlainScalar(c: Cursor, indent: number, flow: boolean): ScannedScalar & { leadingBlanks: boolean } {
  const start = c.mark();
  let end = c.mark();
  let value = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let whitespaces = '';
  let leadingBlanks = false;
  const minIndent = indent + 1;
  for (;;) {
    c.demand(4);
    if (atDocumentIndicator(c)) break;
    if (c.at() === 35) break;
    while (!isBlankz(c.at())) {
      const ch = c.at();
      if (ch === 58 && isBlankz(c.at(1))) break;
      if (flow && (ch === 44 || ch === 63 || ch === 91 || ch === 93 || ch === 123 || ch === 125)) break;
      if (leadingBlanks || whitespaces !== '') {
        if (leadingBlanks) {
          if (leadingBreak.startsWith('\n')) value += trailingBreaks === '' ? ' ' : trailingBreaks;
          else value += leadingBreak + trailingBreaks;
          trailingBreaks = '';
          leadingBreak = '';
          leadingBlanks = false;
        } else {
          value += whitespaces;
          whitespaces = '';
        }
      }
      value += c.read();
      end = c.mark();
    }
    if (!(isBlank(c.at()) || isBreak(c.at()))) break;
    while (isBlank(c.at()) || isBreak(c.at())) {
      if (isBlank(c.at())) {
        if (leadingBlanks && c.column < minIndent && c.at() === TAB) fail(start, 'found a tab character that violates indentation');
        if (!leadingBlanks) whitespaces += c.read();
        else c.skip();
      } else if (!leadingBlanks) {
        whitespaces = '';
        leadingBreak = c.readLine();
        leadingBlanks = true;
      } else trailingBreaks += c.readLine();
    }
    if (!flow && c.column < minIndent) break;
  }
  return { value, style: 'plain', start, end, leadingBlanks };
}
