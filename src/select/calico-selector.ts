import { compareCodePoints, type CalicoSelector, type CalicoSelectorParse, type CalicoSetOperator, type CalicoValueOperator } from './calico-selector-ast.js';
import { tokenizeCalicoSelector, type CalicoToken, type CalicoTokenKind } from './calico-selector-tokens.js';

export type { CalicoSelector, CalicoSelectorError, CalicoSelectorParse } from './calico-selector-ast.js';
export { formatCalicoSelector } from './calico-selector-format.js';
export { matchesCalicoSelector, type CalicoSelectorContext } from './calico-selector-match.js';

/** Deepest parenthesis nesting accepted (a guard for the JavaScript stack, not a Calico rule). */
export const MAX_NESTING = 200;

/**
 * Parses a Calico selector expression the way calicoctl and the Calico API server do
 * (libcalico-go/lib/selector/parser/parser.go): `||` binds loosest, then `&&`, then any run
 * of `!` (which negates one operation or one parenthesised expression); `&&` and `||` group
 * to the left into one n-ary node. The empty (or all-blank) selector is `all()`.
 *
 * Hand-written recursive descent rather than a parser library: the tokenizer is
 * context-sensitive (operator words only after a label, `has(` glued), the grammar has three
 * levels, and every error must carry the offset of the token that was not expected; a
 * generated parser would need the same custom lexer and a build step, for no gain.
 */
export function parseCalicoSelector(text: string): CalicoSelectorParse {
  const tokenized = tokenizeCalicoSelector(text);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.tokens;
  let at = 0;
  let depth = 0;
  const peek = (): CalicoToken => tokens[Math.min(at, tokens.length - 1)]!;

  class Failure {
    constructor(
      readonly offset: number,
      readonly message: string,
    ) {}
  }
  const describe = (t: CalicoToken): string =>
    t.kind === 'end' ? 'the end of the selector' : t.kind === 'label' ? `label "${t.value}"` : t.kind === 'string' ? 'a quoted string' : t.kind === 'has()' ? `"has(${t.value})"` : `"${t.kind}"`;
  const expected = (what: string, t: CalicoToken = peek()): Failure => new Failure(t.offset, `expected ${what}, found ${describe(t)}`);

  const VALUE_OPERATORS: Partial<Record<CalicoTokenKind, CalicoValueOperator>> = {
    '==': 'equals',
    '!=': 'notEquals',
    contains: 'contains',
    'starts with': 'startsWith',
    'ends with': 'endsWith',
  };
  const SET_OPERATORS: Partial<Record<CalicoTokenKind, CalicoSetOperator>> = { in: 'in', 'not in': 'notIn' };

  const sequence = (kind: 'and' | 'or', separator: '&&' | '||', operand: () => CalicoSelector): CalicoSelector => {
    const operands = [operand()];
    while (peek().kind === separator) {
      at++;
      operands.push(operand());
    }
    return operands.length === 1 ? operands[0]! : { kind, operands };
  };
  const orExpression = (): CalicoSelector => sequence('or', '||', andExpression);
  const andExpression = (): CalicoSelector => sequence('and', '&&', operation);

  function operation(): CalicoSelector {
    let negated = false;
    while (peek().kind === '!') {
      negated = !negated;
      at++;
    }
    const node = positive();
    if (!negated) return node;
    // `!(!x)` is `x` too: keeps the AST free of double negation (see calico-selector-ast.ts).
    return node.kind === 'not' ? node.operand : { kind: 'not', operand: node };
  }

  function positive(): CalicoSelector {
    const t = peek();
    switch (t.kind) {
      case 'all()':
        at++;
        return { kind: 'all' };
      case 'global()':
        at++;
        return { kind: 'global' };
      case 'has()':
        at++;
        return { kind: 'has', label: t.value };
      case '(': {
        // Upstream (Go) has no limit; a JavaScript stack does. No real selector nests this deep.
        if (++depth > MAX_NESTING) throw new Failure(t.offset, `parentheses nested more than ${MAX_NESTING} deep`);
        at++;
        const inner = orExpression();
        depth--;
        if (peek().kind !== ')') throw expected('")" to close the "(" at offset ' + t.offset);
        at++;
        return inner;
      }
      case 'label':
        at++;
        return comparison(t.value);
      default:
        throw expected('a label, "has(…)", "all()", "global()", "!" or "("', t);
    }
  }

  function comparison(label: string): CalicoSelector {
    const op = peek();
    const valueOp = VALUE_OPERATORS[op.kind];
    const setOp = SET_OPERATORS[op.kind];
    if (valueOp !== undefined) {
      at++;
      const value = peek();
      if (value.kind !== 'string') throw expected(`a quoted string after "${op.kind}"`, value);
      at++;
      return { kind: valueOp, label, value: value.value };
    }
    if (setOp !== undefined) {
      at++;
      if (peek().kind !== '{') throw expected(`a set literal "{ 'a', 'b' }" after "${op.kind}"`);
      at++;
      const values: string[] = [];
      // Upstream loop: strings separated by commas; a trailing comma and `{}` are accepted.
      while (peek().kind === 'string') {
        values.push(peek().value);
        at++;
        if (peek().kind !== ',') break;
        at++;
      }
      if (peek().kind !== '}') throw expected('a quoted string, "," or "}" in the set');
      at++;
      const sorted = [...new Set(values)].sort(compareCodePoints);
      return { kind: setOp, label, values: sorted };
    }
    throw expected(`an operator after label "${label}" (==, !=, in, not in, contains, starts with, ends with)`, op);
  }

  try {
    if (peek().kind === 'end') return { ok: true, selector: { kind: 'all' } };
    const selector = orExpression();
    if (peek().kind !== 'end') throw expected('"&&", "||" or the end of the selector');
    return { ok: true, selector };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: { offset: e.offset, message: e.message } };
    throw e;
  }
}
