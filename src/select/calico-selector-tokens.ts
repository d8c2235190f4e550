import type { CalicoSelectorError } from './calico-selector-ast.js';

/**
 * Calico's selector tokenizer, rebuilt from the behaviour of
 * libcalico-go/lib/selector/tokenizer/tokenizer.go and its tests (tokenizer_test.go):
 * - only space and tab separate tokens (a newline is an error, as upstream);
 * - a label is 1–512 characters of `a-z A-Z 0-9 _ . / -` (so `projectcalico.org/name`,
 *   `k8s-app` and `calico/k8s_ns` are labels);
 * - strings are quoted with `'` or `"` and end at the next same quote: there are no escapes;
 * - operator words (`contains`, `starts with`, `ends with`, `not in`, `in`) are recognised
 *   only right after a label and must end at a word boundary; `startswith`, `endswith` and
 *   `notin` (no space) are accepted too;
 * - `has(`, `all(` and `global(` are recognised only with the `(` glued to the word.
 * Unlike upstream, each token keeps its offset so errors can point at it.
 */
export type CalicoTokenKind =
  | 'label'
  | 'string'
  | '{'
  | '}'
  | ','
  | '=='
  | '!='
  | 'in'
  | '!'
  | 'not in'
  | 'contains'
  | 'starts with'
  | 'ends with'
  | 'all()'
  | 'has()'
  | '('
  | ')'
  | '&&'
  | '||'
  | 'global()'
  | 'end';

export interface CalicoToken {
  kind: CalicoTokenKind;
  /** The label of `label` and `has()`, the unquoted text of `string`; '' otherwise. */
  value: string;
  offset: number;
}

export type CalicoTokenize = { ok: true; tokens: CalicoToken[] } | { ok: false; error: CalicoSelectorError };

export const MAX_LABEL_LENGTH = 512;

const isLabelChar = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9_./-]$/.test(c);
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Names a character for a message without letting a control or invisible character through. */
export function describeChar(c: string): string {
  return /^[\x21-\x7e]$/.test(c) ? `"${c}"` : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function tokenizeCalicoSelector(text: string): CalicoTokenize {
  const tokens: CalicoToken[] = [];
  let i = 0;
  const fail = (offset: number, message: string): CalicoTokenize => ({ ok: false, error: { offset, message } });
  const skipBlanks = (from: number): number => {
    let j = from;
    while (isBlank(text[j])) j++;
    return j;
  };
  /** The end of a label starting at `from` (=== from when there is none). */
  const labelEnd = (from: number): number => {
    let j = from;
    while (isLabelChar(text[j])) j++;
    return j;
  };
  /** Matches words separated by optional blanks, ending at a word boundary; returns the end. */
  const words = (from: number, ...ws: string[]): number | undefined => {
    let j = from;
    for (const [n, w] of ws.entries()) {
      if (!text.startsWith(w, j)) return undefined;
      j += w.length;
      if (n < ws.length - 1) j = skipBlanks(j);
    }
    return isLabelChar(text[j]) ? undefined : j;
  };
  const label = (from: number): { ok: true; end: number } | { ok: false; error: CalicoSelectorError } => {
    const end = labelEnd(from);
    if (end === from) {
      const c = text[from];
      const found = c === undefined ? 'the end of the selector' : describeChar(String.fromCodePoint(text.codePointAt(from)!));
      const hint = c === '\n' || c === '\r' ? ' (only spaces and tabs may separate tokens)' : '';
      return { ok: false, error: { offset: from, message: `expected a label (letters, digits, "_", ".", "/", "-"), found ${found}${hint}` } };
    }
    if (end - from > MAX_LABEL_LENGTH) return { ok: false, error: { offset: from, message: `label is ${end - from} characters long; the limit is ${MAX_LABEL_LENGTH}` } };
    return { ok: true, end };
  };
  const push = (kind: CalicoTokenKind, offset: number, value = ''): void => {
    tokens.push({ kind, value, offset });
  };

  for (;;) {
    i = skipBlanks(i);
    if (i >= text.length) {
      push('end', i);
      return { ok: true, tokens };
    }
    const c = text[i]!;
    const afterLabel = tokens.at(-1)?.kind === 'label';
    if (c === '(' || c === ')' || c === '{' || c === '}' || c === ',') {
      push(c, i);
      i++;
    } else if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return fail(i, `unterminated string: no closing ${c === '"' ? 'double' : 'single'} quote for the one opened here (strings have no escapes)`);
      push('string', i, text.slice(i + 1, close));
      i = close + 1;
    } else if (c === '=') {
      if (text[i + 1] !== '=') return fail(i, 'expected "==" (a single "=" is not an operator)');
      push('==', i);
      i += 2;
    } else if (c === '!') {
      if (text[i + 1] === '=') {
        push('!=', i);
        i += 2;
      } else {
        push('!', i);
        i++;
      }
    } else if (c === '&' || c === '|') {
      if (text[i + 1] !== c) return fail(i, `expected "${c}${c}"`);
      push(c === '&' ? '&&' : '||', i);
      i += 2;
    } else if (afterLabel) {
      const operators: [CalicoTokenKind, string[]][] = [
        ['contains', ['contains']],
        ['starts with', ['starts', 'with']],
        ['ends with', ['ends', 'with']],
        ['not in', ['not', 'in']],
        ['in', ['in']],
      ];
      const hit = operators.map(([kind, ws]) => [kind, words(i, ...ws)] as const).find(([, end]) => end !== undefined);
      if (hit === undefined) {
        const word = text.slice(i, labelEnd(i));
        const found = word !== '' ? `"${word.slice(0, 40)}"` : describeChar(String.fromCodePoint(text.codePointAt(i)!));
        return fail(i, `expected an operator after label "${tokens.at(-1)!.value}" (==, !=, in, not in, contains, starts with, ends with), found ${found}`);
      }
      push(hit[0], i);
      i = hit[1]!;
    } else if (text.startsWith('has(', i)) {
      const start = i;
      const name = label(skipBlanks(i + 4));
      if (!name.ok) return name;
      const close = skipBlanks(name.end);
      if (text[close] !== ')') return fail(close, 'expected ")" to close "has("');
      push('has()', start, text.slice(skipBlanks(i + 4), name.end));
      i = close + 1;
    } else if (text.startsWith('all(', i) || text.startsWith('global(', i)) {
      const word = text.startsWith('all(', i) ? 'all' : 'global';
      const close = skipBlanks(i + word.length + 1);
      if (text[close] !== ')') return fail(close, `expected ")" to close "${word}("`);
      push(word === 'all' ? 'all()' : 'global()', i);
      i = close + 1;
    } else {
      const name = label(i);
      if (!name.ok) return name;
      push('label', i, text.slice(i, name.end));
      i = name.end;
    }
  }
}
