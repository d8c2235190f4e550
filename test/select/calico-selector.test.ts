import { describe, expect, it } from 'vitest';
import type { CalicoSelector } from '../../src/select/calico-selector-ast.js';
import { tokenizeCalicoSelector } from '../../src/select/calico-selector-tokens.js';
import { formatCalicoSelector, matchesCalicoSelector, MAX_NESTING, parseCalicoSelector, type CalicoSelectorContext } from '../../src/select/calico-selector.js';

/**
 * Sources, cited per table:
 * - DOC: Calico reference, NetworkPolicy / GlobalNetworkPolicy resource, section "Selectors"
 *   (tigera/docs calico/_includes/content/_selectors.mdx), its scope notes
 *   (_selector-scopes.mdx), and "EntityRule" (_entityrule.mdx).
 * - PARSER: projectcalico/calico libcalico-go/lib/selector/parser/parser_test.go
 *   (selectorTests, badSelectors, canonicalisationTests, the Visitor table).
 * - TOKENIZER: libcalico-go/lib/selector/tokenizer/tokenizer_test.go (tokenTests).
 */

type Labels = Record<string, string>;

function parse(text: string): CalicoSelector {
  const r = parseCalicoSelector(text);
  if (!r.ok) throw new Error(`${JSON.stringify(text)} did not parse: ${r.error.offset}: ${r.error.message}`);
  return r.selector;
}
const matches = (text: string, labels: Labels, context?: CalicoSelectorContext): boolean => matchesCalicoSelector(parse(text), labels, context);

describe('DOC "Selectors": every operator of the table, with its stated meaning', () => {
  const rows: { doc: string; selector: string; match: Labels[]; noMatch: Labels[] }[] = [
    { doc: '( <expression> ): "Matches if and only if <expression> matches"', selector: "( k == 'v' )", match: [{ k: 'v' }], noMatch: [{}, { k: 'w' }] },
    { doc: '! <expression>: "Matches if and only if <expression> does not match"', selector: "! k == 'v'", match: [{}, { k: 'w' }], noMatch: [{ k: 'v' }] },
    { doc: '&&: "matches if and only if both <expression 1>, and, <expression 2> matches"', selector: "k == 'v' && j == 'w'", match: [{ k: 'v', j: 'w' }], noMatch: [{ k: 'v' }, { j: 'w' }, {}] },
    { doc: '||: "matches if and only if either <expression 1>, or, <expression 2> matches"', selector: "k == 'v' || j == 'w'", match: [{ k: 'v' }, { j: 'w' }, { k: 'v', j: 'w' }], noMatch: [{}, { k: 'w', j: 'v' }] },
    { doc: 'all(): "Match all in-scope resources"', selector: 'all()', match: [{}, { k: 'v' }], noMatch: [] },
    { doc: 'all(): "To match _no_ resources, combine this operator with ! to form !all()"', selector: '!all()', match: [], noMatch: [{}, { k: 'v' }] },
    { doc: "k == 'v': \"Matches resources with the label 'k' and value 'v'\"", selector: "k == 'v'", match: [{ k: 'v' }, { k: 'v', j: 'x' }], noMatch: [{}, { k: 'V' }, { k: 'v ' }, { j: 'v' }] },
    { doc: "k != 'v': \"Matches resources without label 'k' or with label 'k' and value _not_ equal to v\"", selector: "k != 'v'", match: [{}, { k: 'w' }, { k: '' }], noMatch: [{ k: 'v' }] },
    { doc: 'has(k): "Matches resources with label \'k\', independent of value"', selector: 'has(k)', match: [{ k: '' }, { k: 'v' }], noMatch: [{}, { K: 'v' }] },
    { doc: 'has(k): "To match pods that do not have label k, combine this operator with ! to form !has(k)"', selector: '!has(k)', match: [{}, { j: 'v' }], noMatch: [{ k: '' }] },
    { doc: "k in { 'v1', 'v2' }: \"Matches resources with label 'k' and value in the given set\"", selector: "k in { 'v1', 'v2' }", match: [{ k: 'v1' }, { k: 'v2' }], noMatch: [{}, { k: 'v3' }, { k: '' }] },
    { doc: "k not in { 'v1', 'v2' }: \"Matches resources without label 'k' or with label 'k' and value _not_ in the given set\"", selector: "k not in { 'v1', 'v2' }", match: [{}, { k: 'v3' }], noMatch: [{ k: 'v1' }, { k: 'v2' }] },
    { doc: "k contains 's': \"Matches resources with label 'k' and value containing the substring 's'\"", selector: "k contains 's'", match: [{ k: 's' }, { k: 'ass' }], noMatch: [{}, { k: 'S' }, { j: 's' }] },
    { doc: "k starts with 's': \"Matches resources with label 'k' and value starting with the substring 's'\"", selector: "k starts with 's'", match: [{ k: 's' }, { k: 'sa' }], noMatch: [{}, { k: 'as' }] },
    { doc: "k ends with 's': \"Matches resources with label 'k' and value ending with the substring 's'\"", selector: "k ends with 's'", match: [{ k: 's' }, { k: 'as' }], noMatch: [{}, { k: 'sa' }] },
  ];
  it.each(rows)('$doc — $selector', ({ selector, match, noMatch }) => {
    for (const labels of match) expect(matches(selector, labels), JSON.stringify(labels)).toBe(true);
    for (const labels of noMatch) expect(matches(selector, labels), JSON.stringify(labels)).toBe(false);
  });

  describe('DOC "Selectors": the precedence example', () => {
    const example = "! has(my-label) || my-label starts with 'prod' && role in {'frontend','business'}";
    it('groups as (!has(my-label)) || ((my-label starts with prod) && (role in {…}))', () => {
      expect(parse(example)).toEqual({
        kind: 'or',
        operands: [
          { kind: 'not', operand: { kind: 'has', label: 'my-label' } },
          {
            kind: 'and',
            operands: [
              { kind: 'startsWith', label: 'my-label', value: 'prod' },
              { kind: 'in', label: 'role', values: ['business', 'frontend'] },
            ],
          },
        ],
      });
      expect(parse("((!(has(my-label))) || ((my-label starts with 'prod') && (role in {'frontend','business'})))")).toEqual(parse(example));
    });
    it('the doc\'s own "bracketed" form has one more "(" than ")", and is rejected at its end', () => {
      const bracketed = "((!(has(my-label)) || ((my-label starts with 'prod') && (role in {'frontend','business'}))";
      const r = parseCalicoSelector(bracketed);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.offset).toBe(bracketed.length);
    });
    it.each([
      ['"Any resource that did not have label "my-label""', {}, true],
      ['… even with an unrelated role', { role: 'db' }, true],
      ['"Has a value for my-label that starts with "prod", and, Has a role label with value either "frontend", or "business""', { 'my-label': 'production', role: 'business' }, true],
      ['… "frontend"', { 'my-label': 'prod', role: 'frontend' }, true],
      ['my-label starts with prod but role is not in the set', { 'my-label': 'prod', role: 'db' }, false],
      ['my-label present but not starting with prod', { 'my-label': 'staging', role: 'frontend' }, false],
    ])('%s', (_, labels, expected) => {
      expect(matches(example, labels)).toBe(expected);
    });
  });

  describe('DOC "Selectors" scope notes: all() and global() depend on what the selector runs over', () => {
    const ns = (namespaced: boolean): CalicoSelectorContext => ({ scope: 'namespaceSelector', namespaced });
    it.each([
      ['global(): "Match all non-namespaced resources. Useful in a namespaceSelector": a GlobalNetworkSet matches', 'global()', {}, ns(false), true],
      ['global() in a namespaceSelector does not match a namespaced endpoint', 'global()', { 'projectcalico.org/name': 'prod' }, ns(true), false],
      ['all() in a namespaceSelector matches any namespaced endpoint (rules.go: all() → has(projectcalico.org/namespace))', 'all()', {}, ns(true), true],
      ['all() in a namespaceSelector does not match a non-namespaced one', 'all()', {}, ns(false), false],
      ['!global() in a namespaceSelector is "namespaced"', '!global()', {}, ns(true), true],
      ['a namespace-label test on a non-namespaced endpoint sees no namespace labels', "projectcalico.org/name == 'prod'", {}, ns(false), false],
      ['… so a negative test matches it (rules.go prefixes labels, absent on host endpoints)', '!has(team)', {}, ns(false), true],
      ['DOC calico-labels: namespaceSelector projectcalico.org/name == "baz"', 'projectcalico.org/name == "baz"', { 'projectcalico.org/name': 'baz' }, ns(true), true],
      ['global() elsewhere evaluates true, as upstream GlobalNode.Evaluate (PARSER: ` global()` matches {"a": "b"})', ' global()', { a: 'b' }, undefined, true],
      ['all() elsewhere matches everything', 'all()', {}, undefined, true],
    ] as const)('%s', (_, selector, labels, context, expected) => {
      expect(matches(selector, labels, context)).toBe(expected);
    });
  });
});

describe('DOC examples elsewhere in the policy reference', () => {
  it.each([
    ['NetworkPolicy "Sample YAML": selector', "role == 'database'", { role: 'database' }, true],
    ['NetworkPolicy "Sample YAML": source selector', "role == 'frontend'", { role: 'frontend' }, true],
    ['GlobalNetworkPolicy: "Select a namespace … e.g., projectcalico.org/namespace == "default""', 'projectcalico.org/namespace == "default"', { 'projectcalico.org/namespace': 'default' }, true],
    ['calico-labels: namespaceSelector projectcalico.org/name in {"foo", "bar"}', 'projectcalico.org/name in {"foo", "bar"}', { 'projectcalico.org/name': 'bar' }, true],
    ['calico-labels: selector color == "red"', 'color == "red"', { color: 'blue' }, false],
    ['EntityRule "Understanding notSelector": selector: !has(foo) "matches … endpoints … that do not have the label "foo""', '!has(foo)', { bar: '1' }, true],
    ['EntityRule "Selector performance": a == \'b\' && has(c)', "a == 'b' && has(c)", { a: 'b', c: '' }, true],
    ['EntityRule: a == \'b\' || has(c)', "a == 'b' || has(c)", { c: 'x' }, true],
    ["EntityRule: c != 'd'", "c != 'd'", {}, true],
    ["EntityRule: a == 'b' && c != 'd'", "a == 'b' && c != 'd'", { a: 'b', c: 'd' }, false],
    ["EntityRule: c != 'd' && a == 'b'", "c != 'd' && a == 'b'", { a: 'b' }, true],
    ['EntityRule: label == "value"', 'label == "value"', { label: 'value' }, true],
    ["EntityRule: label in { 'v1', 'v2' }", "label in { 'v1', 'v2' }", { label: 'v2' }, true],
    ['host endpoints "Selector-based policies": role=="webserver" (no blanks)', 'role=="webserver"', { role: 'webserver' }, true],
  ] as const)('%s', (_, selector, labels, expected) => {
    expect(matches(selector, labels)).toBe(expected);
  });
});

describe('PARSER selectorTests: every case, matches and non-matches', () => {
  const cases: [string, Labels[], Labels[]][] = [
    ['a == "b"', [{ a: 'b' }, { a: 'b', c: 'd' }], [{}, { a: 'c' }, { c: 'd' }]],
    ['a == "b" && c == "d"', [{ a: 'b', c: 'd' }], [{}, { a: 'b', c: 'e' }, { a: 'c', c: 'd' }, { c: 'd' }, { a: 'b' }]],
    ['a == "b" || c == "d"', [{ a: 'b', c: 'd' }, { a: 'b' }, { c: 'd' }], [{}, { a: 'e', c: 'e' }, { c: 'e' }, { a: 'e' }]],
    [`a in {"'", '"', "c"}`, [{ a: 'c' }, { a: '"' }, { a: "'" }], [{}, { a: 'e' }]],
    [`a not in {"'", '"', "c"}`, [{}, { a: 'e' }], [{ a: 'c' }, { a: '"' }, { a: "'" }]],
    ["a == 'a'", [{ a: 'a' }], [{ a: 'b' }, {}]],
    ['a == "a"', [{ a: 'a' }], []],
    ['a != "b"', [{ a: 'a' }], []],
    ['a != "a"', [{}], [{ a: 'a' }]],
    ["a != 'a'", [], [{ a: 'a' }]],
    ['a contains "a"', [{ a: 'a' }, { a: 'bab' }, { a: 'aaa', b: 'c' }], [{}, { a: 'b' }, { b: 'aaa' }]],
    ['a starts with "a"', [{ a: 'a' }, { a: 'abb' }, { a: 'aaa', b: 'c' }], [{}, { a: 'b' }, { a: 'baa' }, { b: 'aaa' }]],
    ['a ends with "a"', [{ a: 'a' }, { a: 'bba' }, { a: 'aaa', b: 'c' }], [{}, { a: 'b' }, { a: 'aab' }, { b: 'aaa' }]],
    ['a in {"a"}', [{ a: 'a' }], [{ a: 'b' }]],
    ['!a in {"a"}', [{ a: 'b' }], []],
    ['a in {"a", "b"}', [{ a: 'a' }, { a: 'b' }], [{ a: 'c' }]],
    ['a not in {"d", "e"}', [{ a: 'a' }], []],
    ['a not in {"a"}', [], [{ a: 'a' }]],
    ['has(a)', [{ a: 'b' }], []],
    ['has(b)', [], [{ a: 'b' }]],
    ['!has(a)', [{ b: 'b' }], [{ a: 'b' }]],
    ['!!has(b)', [], [{ a: 'b' }]],
    ['! has(a)', [], [{ a: 'b' }]],
    ['!!! has(a)', [], [{ a: 'b' }]],
    ['!!!has(a)', [], [{ a: 'b' }]],
    ['!! ! has(a)', [], [{ a: 'b' }]],
    ['! !!has(a)', [], [{ a: 'b' }]],
    ['', [{}, { a: 'b' }], []],
    [' ', [{}], []],
    ['all()', [{}], []],
    [' all()', [{}, { a: 'b' }], []],
    ['global()', [{}], []],
    [' global()', [{}, { a: 'b' }], []],
    ["a == 'a1' && b == 'b1'", [{ a: 'a1', b: 'b1' }], []],
    ["a == 'a1' && b != 'b1'", [], [{ a: 'a1', b: 'b1' }]],
    ["a != 'a1' && b == 'b1'", [], [{ a: 'a1', b: 'b1' }]],
    ["a != 'a1' && b != 'b1'", [], [{ a: 'a1', b: 'b1' }]],
    ["a != 'a1' && !b == 'b1'", [], [{ a: 'a1', b: 'b1' }]],
    ["!a == 'a1' && b == 'b1'", [], [{ a: 'a1', b: 'b1' }]],
    ['has(a) && !has(b)', [{ a: 'a' }], []],
    ['!has(b) && has(a)', [{ a: 'a' }], []],
    ['!(!has(a) || has(b))', [{ a: 'a' }], []],
    ['!(has(b) || !has(a))', [{ a: 'a' }], []],
    ["a == 'a1' || b == 'b1'", [{ a: 'a1', b: 'b1' }], []],
    ["a == 'a1' || b != 'b1'", [{ a: 'a1', b: 'b1' }], []],
    ["a != 'a1' || b == 'b1'", [{ a: 'a1', b: 'b1' }], []],
    ["a != 'a1' || b != 'b1'", [], [{ a: 'a1', b: 'b1' }]],
    ["! a == 'a1' || ! b == 'b1'", [], [{ a: 'a1', b: 'b1' }]],
  ];
  it.each(cases)('%s', (selector, match, noMatch) => {
    const ast = parse(selector);
    const again = parse(formatCalicoSelector(ast)); // "should match after canonicalising"
    for (const labels of match) {
      expect(matchesCalicoSelector(ast, labels), JSON.stringify(labels)).toBe(true);
      expect(matchesCalicoSelector(again, labels), JSON.stringify(labels)).toBe(true);
    }
    for (const labels of noMatch) {
      expect(matchesCalicoSelector(ast, labels), JSON.stringify(labels)).toBe(false);
      expect(matchesCalicoSelector(again, labels), JSON.stringify(labels)).toBe(false);
    }
  });
});

describe('syntax errors carry the offset of what was unexpected', () => {
  it.each([
    // PARSER badSelectors, in order, with their upstream comment
    ['b == b', 5, 'label == label', /expected a quoted string after "==", found label "b"/],
    ['b contains b', 11, 'label contains label', /quoted string after "contains"/],
    ['b starts with b', 14, 'label starts with label', /quoted string after "starts with"/],
    ['b ends with b', 12, 'label ends with label', /quoted string after "ends with"/],
    ["'b1' == b", 0, 'literal on lhs', /expected a label.*found a quoted string/],
    ['b', 1, 'bare label', /expected an operator after label "b".*found the end/],
    ['a b', 2, 'garbage', /expected an operator after label "a"/],
    ['!', 1, 'garbage', /found the end of the selector/],
    ['foo == "bar" &', 13, 'garbage', /expected "&&"/],
    ['foo == "bar" |', 13, 'garbage', /expected "\|\|"/],
    ['foo != ||', 7, 'garbage', /quoted string after "!=", found "\|\|"/],
    ['foo in {"", ||', 12, 'garbage', /expected a quoted string, "," or "}" in the set, found "\|\|"/],
    ['foo in ""', 7, 'expect set literal', /expected a set literal/],
    ['"FOO', 0, 'unterminated string', /unterminated string/],
    ['"FOO\'', 0, 'unterminated string', /no closing double quote/],
    ["'FOO", 0, 'unterminated string', /no closing single quote/],
    ['(', 1, 'unterminated paren', /found the end/],
    ['(a == "foo"', 11, 'unterminated paren', /expected "\)" to close the "\(" at offset 0/],
    [')', 0, 'unterminated paren', /found "\)"/],
    ['()', 1, 'unterminated paren', /found "\)"/],
    ['%', 0, 'unexpected char', /expected a label.*found "%"/],
    ['a == "b" && %', 12, 'unexpected char', /found "%"/],
    ['a == "b" || %', 12, 'unexpected char', /found "%"/],
    ['a ', 2, 'should be followed by operator', /expected an operator after label "a"/],
    ['has(foo) &&', 11, 'should be followed by operator', /found the end/],
    // TOKENIZER error cases
    ['a'.repeat(513) + ' == "value"', 0, 'label of 513 characters', /513 characters long; the limit is 512/],
    ['label == "value', 9, 'unterminated "', /unterminated/],
    ["label == 'value", 9, "unterminated '", /unterminated/],
    ['label = "value"', 6, 'single =', /expected "=="/],
    ['all(', 4, 'all( unclosed', /to close "all\("/],
    ['global(', 7, 'global( unclosed', /to close "global\("/],
    ['has()', 4, 'has() without a label', /expected a label/],
    ['has(foo', 7, 'has( unclosed', /to close "has\("/],
    ['has( foo ', 9, 'has( unclosed after blanks', /to close "has\("/],
    ['a == "b" & has(foo)', 9, 'single &', /expected "&&"/],
    ['a == "b" | has(foo)', 9, 'single |', /expected "\|\|"/],
    ['label starts foo "value"', 6, 'starts without with', /expected an operator after label "label"/],
    ['label inf "value"', 6, '"in" not at a word boundary', /expected an operator/],
    ['label ends foo "value"', 6, 'ends without with', /expected an operator/],
    ['label ends withs "value"', 6, '"with" not at a word boundary', /expected an operator/],
    ['label squiggles "value"', 6, 'unknown operator word', /expected an operator/],
    // trailing tokens, bad characters, blanks other than space and tab
    ['a == "b" c == "d"', 9, 'trailing expression without && or ||', /expected "&&", "\|\|" or the end of the selector, found label "c"/],
    ['has(a))', 6, 'extra )', /expected "&&", "\|\|" or the end of the selector, found "\)"/],
    ['a == "b"\n', 8, 'newline is not a blank', /U\+000A \(only spaces and tabs/],
    ['a ==\r\n"b"', 4, 'CRLF is not a blank', /U\+000D/],
    ['a\u00a0== "b"', 1, 'no-break space is not a blank', /U\+00A0/],
    ['app.kubernetes.io/name: web', 22, 'a label with a colon (YAML map syntax) is not a selector', /expected an operator after label "app.kubernetes.io\/name"/],
    ['k8s-app=="dns"&&x', 17, 'label at the end without operator', /found the end/],
    ['a in {"x" "y"}', 10, 'set without comma', /"," or "}" in the set, found a quoted string/],
    ['a in {,}', 6, 'set starting with a comma', /found ","/],
    ['a in {"x"', 9, 'unclosed set', /found the end/],
    ['has (a)', 4, '"has" with a blank before ( is a label', /expected an operator after label "has"/],
    ['a ! has(b)', 2, '"!" after a label', /expected an operator after label "a".*found "!"/],
    ['a !! = "b"', 5, 'the whole text is tokenized first (as upstream), so a lexical error wins over an earlier grammar error', /expected "=="/],
    ['a b', 2, 'the next word is named', /found "b"/],
    ['a == "b" && ', 12, 'dangling &&', /found the end/],
    ['é == "b"', 0, 'non-ASCII label', /U\+00E9/],
    ['\u202e == "b"', 0, 'bidi override is named, not printed', /U\+202E/],
  ])('%j → offset %i (%s)', (text, offset, _why, message) => {
    const r = parseCalicoSelector(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.offset).toBe(offset);
    expect(r.error.message).toMatch(message);
  });

  it('parentheses nested deeper than MAX_NESTING are an error, not a stack overflow', () => {
    const ok = '('.repeat(MAX_NESTING) + 'has(a)' + ')'.repeat(MAX_NESTING);
    expect(parseCalicoSelector(ok).ok).toBe(true);
    const deep = '('.repeat(100_000) + 'has(a)' + ')'.repeat(100_000);
    const r = parseCalicoSelector(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ offset: MAX_NESTING, message: `parentheses nested more than ${MAX_NESTING} deep` });
  });
});

describe('PARSER canonicalisationTests and the Visitor table: Calico\'s canonical text', () => {
  it.each([
    ['', 'all()'],
    [' all() ', 'all()'],
    [' (all() )', 'all()'],
    ['! (has( b)||! has(a ))', '!(has(b) || !has(a))'],
    ['! (a == "b"&&! c != "d")', '!(a == "b" && !c != "d")'],
    [`a == "'"`, `a == "'"`],
    [`a == '"'`, `a == '"'`],
    [`a contains '"'`, `a contains '"'`],
    [`a contains "'"`, `a contains "'"`],
    [`a startswith '"'`, `a starts with '"'`],
    [`a endswith "'"`, `a ends with "'"`],
    [`a!='"'`, `a != '"'`],
    ['a in {"d"}', 'a in {"d"}'],
    ['a in {"a", "b"}', 'a in {"a", "b"}'],
    ['a in {"d", "a", "b"}', 'a in {"a", "b", "d"}'],
    ['a in {"z", "x", "y", "a"}', 'a in {"a", "x", "y", "z"}'],
    ['a in {"z", "z", "x", "y", "x", "a"}', 'a in {"a", "x", "y", "z"}'],
    // Visitor table (without its "visited/" prefix)
    ["k == 'v'", 'k == "v"'],
    ["k != 'v'", 'k != "v"'],
    ["k contains 'v'", 'k contains "v"'],
    ["k starts with 'v'", 'k starts with "v"'],
    ["k ends with 'v'", 'k ends with "v"'],
    ["k == 'v' && x == 'y'", '(k == "v" && x == "y")'],
    ["k == 'v' || has(x)", '(k == "v" || has(x))'],
    ["!(k == 'v')", '!k == "v"'],
    ["k in {'v'}", 'k in {"v"}'],
    ["k not in {'v'}", 'k not in {"v"}'],
    ["!(!(k == 'v' && has(t) || all()) && (a in {'b', 'c'}))", '!(!((k == "v" && has(t)) || all()) && a in {"b", "c"})'],
  ])('%j → %j and round-trips', (input, canonical) => {
    const ast = parse(input);
    expect(formatCalicoSelector(ast)).toBe(canonical);
    expect(parse(canonical)).toEqual(ast);
    expect(formatCalicoSelector(parse(canonical))).toBe(canonical);
  });

  it('set values sort by code point, as Go orders UTF-8 bytes (not by UTF-16 unit)', () => {
    // U+FF5E (fullwidth tilde) is one UTF-16 unit above the surrogates of U+1F600; Go puts it first.
    expect(parse('a in {"\u{1F600}", "\uFF5E", "b"}')).toEqual({ kind: 'in', label: 'a', values: ['b', '\uFF5E', '\u{1F600}'] });
  });
});

describe('precedence and grouping (DOC "Selectors": ! over && over ||)', () => {
  const eq = (label: string, value: string): CalicoSelector => ({ kind: 'equals', label, value });
  const [A, B, C] = [eq('a', 'x'), eq('b', 'y'), eq('c', 'z')];
  it.each([
    ["a == 'x' || b == 'y' && c == 'z'", { kind: 'or', operands: [A, { kind: 'and', operands: [B, C] }] }],
    ["a == 'x' && b == 'y' || c == 'z'", { kind: 'or', operands: [{ kind: 'and', operands: [A, B] }, C] }],
    ["a == 'x' && b == 'y' && c == 'z'", { kind: 'and', operands: [A, B, C] }],
    ["a == 'x' || b == 'y' || c == 'z'", { kind: 'or', operands: [A, B, C] }],
    ["(a == 'x' && b == 'y') && c == 'z'", { kind: 'and', operands: [{ kind: 'and', operands: [A, B] }, C] }],
    ["a == 'x' && (b == 'y' || c == 'z')", { kind: 'and', operands: [A, { kind: 'or', operands: [B, C] }] }],
    ["!a == 'x' && b == 'y'", { kind: 'and', operands: [{ kind: 'not', operand: A }, B] }],
    ["!(a == 'x' && b == 'y')", { kind: 'not', operand: { kind: 'and', operands: [A, B] } }],
    ["!!a == 'x'", A],
    ["!(!a == 'x')", A],
    ["! ! ! a == 'x'", { kind: 'not', operand: A }],
    ["((a == 'x'))", A],
  ] as [string, CalicoSelector][])('%s', (text, ast) => {
    expect(parse(text)).toEqual(ast);
  });
});

describe('labels, quoting, blanks', () => {
  it.each([
    ['projectcalico.org/name == "x"', 'projectcalico.org/name'],
    ['k8s-app == "kube-dns"', 'k8s-app'],
    ['has(calico/k8s_ns)', 'calico/k8s_ns'],
    ['has(calico/k8s_ns/role)', 'calico/k8s_ns/role'],
    ['has(calico/k8s_NS-.1/role)', 'calico/k8s_NS-.1/role'],
    ['app.kubernetes.io/part-of in {"a"}', 'app.kubernetes.io/part-of'],
    ['a'.repeat(512) + ' == "value"', 'a'.repeat(512)],
    ['-._/ == "x"', '-._/'],
    ['in == "x"', 'in'],
    ['has == "x"', 'has'],
    ['all == "x"', 'all'],
    ['global != "x"', 'global'],
    ['contains contains "contains"', 'contains'],
    ["contains contains 'contains'", 'contains'],
    ['startswith starts with "value"', 'startswith'],
    ['endswith ends with "value"', 'endswith'],
    ['not in {}', 'not'],
    ['123 == "4"', '123'],
  ])('TOKENIZER/grammar: %j reads label %j', (text, label) => {
    const ast = parse(text);
    expect('label' in ast && ast.label).toBe(label);
  });

  it.each([
    ['a == "it\'s"', "it's"],
    ["a == 'say \"hi\"'", 'say "hi"'],
    ['a == ""', ''],
    ["a == ''", ''],
    ['a == "x && y || !has(z)"', 'x && y || !has(z)'],
    ['a == "line\nbreak"', 'line\nbreak'],
    ['a == "back\\slash"', 'back\\slash'],
    ['a == "  padded  "', '  padded  '],
    ['a == "ünïcødé 😀"', 'ünïcødé 😀'],
  ])('strings have no escapes and keep every character: %j', (text, value) => {
    expect(parse(text)).toEqual({ kind: 'equals', label: 'a', value });
  });

  it('an empty value is a value: a == "" needs the label present, a != "" holds when absent', () => {
    expect(matches('a == ""', { a: '' })).toBe(true);
    expect(matches('a == ""', {})).toBe(false);
    expect(matches('a != ""', {})).toBe(true);
    expect(matches('a != ""', { a: '' })).toBe(false);
    expect(matches('a contains ""', {})).toBe(false);
    expect(matches('a starts with ""', { a: 'x' })).toBe(true);
    expect(matches('a in {}', { a: '' })).toBe(false);
    expect(matches('a not in {}', {})).toBe(true);
  });

  it('inherited object properties are not labels', () => {
    expect(matches('has(constructor)', {})).toBe(false);
    expect(matches('has(toString)', {})).toBe(false);
    expect(matches('constructor != "x"', {})).toBe(true);
    expect(matches('has(__proto__)', JSON.parse('{"__proto__": "x"}') as Labels)).toBe(true);
  });

  it.each([
    ['a=="b"', 'a == "b"'],
    ['\ta\t==\t"b"\t', 'a == "b"'],
    ['   a   ==   "b"   ', 'a == "b"'],
    ['a notin"bar"', null],
    ['a not   in {"x"}', 'a not in {"x"}'],
    ['a notin{"x"}', 'a not in {"x"}'],
    ['a in{"x","y",}', 'a in {"x", "y"}'],
    ['label starts  with "value"', 'label starts with "value"'],
    ['label ends\twith "value"', 'label ends with "value"'],
    ['label contains"value"', 'label contains "value"'],
    ['has( a )&&!has(b)||all( )', '((has(a) && !has(b)) || all())'],
    ['global( )', 'global()'],
    ['a=="b"&&!has(c)||d in{"e"}', '((a == "b" && !has(c)) || d in {"e"})'],
  ])('blanks are optional between tokens: %j', (text, canonical) => {
    const r = parseCalicoSelector(text);
    if (canonical === null) expect(r.ok).toBe(false);
    else expect(r.ok && formatCalicoSelector(r.selector)).toBe(canonical);
  });
});

describe('TOKENIZER tokenTests: token streams', () => {
  const kinds = (text: string): string[] | undefined => {
    const r = tokenizeCalicoSelector(text);
    return r.ok ? r.tokens.map((t) => (t.value === '' ? t.kind : `${t.kind}:${t.value}`)) : undefined;
  };
  it.each([
    ['a=="b"', ['label:a', '==', 'string:b', 'end']],
    ['a!="b"', ['label:a', '!=', 'string:b', 'end']],
    ['(a=="b")', ['(', 'label:a', '==', 'string:b', ')', 'end']],
    ['label startswith "value"', ['label:label', 'starts with', 'string:value', 'end']],
    ['a not in "bar" && !has(foo) || b in c', ['label:a', 'not in', 'string:bar', '&&', '!', 'has():foo', '||', 'label:b', 'in', 'label:c', 'end']],
    ['a  not  in  "bar"  &&  ! has( foo )  ||  b  in  c ', ['label:a', 'not in', 'string:bar', '&&', '!', 'has():foo', '||', 'label:b', 'in', 'label:c', 'end']],
    ['a notin"bar"&&!has(foo)||b in"c"', ['label:a', 'not in', 'string:bar', '&&', '!', 'has():foo', '||', 'label:b', 'in', 'string:c', 'end']],
    ['calico/k8s_ns == "kube-system" && k8s-app == "kube-dns"', ['label:calico/k8s_ns', '==', 'string:kube-system', '&&', 'label:k8s-app', '==', 'string:kube-dns', 'end']],
    ['a not in {"a","B"}', ['label:a', 'not in', '{', 'string:a', ',', 'string:B', '}', 'end']],
    ['all( )', ['all()', 'end']],
    ['global()', ['global()', 'end']],
  ])('%j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('every token records where it starts', () => {
    const r = tokenizeCalicoSelector('  has(x) && k in {"v"}');
    expect(r.ok && r.tokens.map((t) => t.offset)).toEqual([2, 9, 12, 14, 17, 18, 21, 22]);
  });
});
