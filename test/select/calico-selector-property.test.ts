import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, type CalicoSelector } from '../../src/select/calico-selector-ast.js';
import { formatCalicoSelector, matchesCalicoSelector, parseCalicoSelector } from '../../src/select/calico-selector.js';

/**
 * Properties of the Calico selector language (reference "Selectors" section; upstream
 * libcalico-go/lib/selector/parser). The oracle is a generator that writes selector text and,
 * from the same random choices, the predicate the text means: precedence, `!` runs, quoting,
 * spelling variants and blanks are decided here, independently of the parser and its AST.
 */

type Labels = Record<string, string>;
type Meaning = (labels: Labels) => boolean;
interface Written {
  text: string;
  holds: Meaning;
}

const LABELS = ['a', 'b', 'k8s-app', 'projectcalico.org/name', 'in', 'has'];
const VALUES = ['', 'x', 'xy', 'yx', "it's", 'say "hi"', 'a b', '&& ||', '{', 'é'];

const own = (labels: Labels, k: string): string | undefined => (Object.prototype.hasOwnProperty.call(labels, k) ? labels[k] : undefined);

const blank = fc.constantFrom('', ' ', '  ', '\t');
const someBlank = fc.constantFrom(' ', '  ', '\t', ' \t');
const label = fc.constantFrom(...LABELS);
const value = fc.constantFrom(...VALUES);
/** A value written with a quote it does not contain (Calico strings have no escapes). */
const quoted = (v: string): fc.Arbitrary<string> => fc.constantFrom(...['"', "'"].filter((q) => !v.includes(q))).map((q) => `${q}${v}${q}`);

const comparison: fc.Arbitrary<Written> = fc
  .tuple(label, fc.constantFrom('==', '!=', 'contains', 'starts with', 'startswith', 'starts  with', 'ends with', 'endswith'), value, someBlank, blank)
  .chain(([k, op, v, b1, b2]) =>
    quoted(v).map((q) => {
      // "==" and "!=" may touch the label; word operators need a blank to end the label.
      const text = `${k}${op.startsWith('=') || op.startsWith('!') ? b2 : b1}${op}${b2}${q}`;
      const holds: Meaning =
        op === '=='
          ? (l) => own(l, k) === v
          : op === '!='
            ? (l) => own(l, k) !== v
            : op === 'contains'
              ? (l) => own(l, k)?.includes(v) ?? false
              : op.startsWith('starts')
                ? (l) => own(l, k)?.startsWith(v) ?? false
                : (l) => own(l, k)?.endsWith(v) ?? false;
      return { text, holds };
    }),
  );

const setTest: fc.Arbitrary<Written> = fc
  .tuple(label, fc.constantFrom('in', 'not in', 'notin', 'not  in'), fc.array(value, { maxLength: 4 }), someBlank, blank, fc.boolean())
  .chain(([k, op, vs, b1, b2, trailingComma]) =>
    fc.tuple(...vs.map(quoted)).map((qs) => {
      const body = qs.join(`${b2},${b2}`) + (trailingComma && qs.length > 0 ? ',' : '');
      const inSet: Meaning = (l) => {
        const v = own(l, k);
        return v !== undefined && vs.includes(v);
      };
      return { text: `${k}${b1}${op}${b2}{${b2}${body}${b2}}`, holds: op === 'in' ? inSet : (l) => !inSet(l) };
    }),
  );

const hasTest: fc.Arbitrary<Written> = fc.tuple(label, blank, blank).map(([k, b1, b2]) => ({ text: `has(${b1}${k}${b2})`, holds: (l) => own(l, k) !== undefined }));
const allTest: fc.Arbitrary<Written> = fc.tuple(fc.constantFrom('all', 'global'), blank).map(([w, b]) => ({ text: `${w}(${b})`, holds: () => true }));

/** or := and (|| and)*; and := unary (&& unary)*; unary := !* (atom | ( or )). */
const { or } = fc.letrec<{ or: Written; and: Written; unary: Written }>((tie) => ({
  or: fc.array(tie('and'), { minLength: 1, maxLength: 3 }).chain((parts) =>
    fc.array(blank, { minLength: parts.length, maxLength: parts.length }).map((bs) => ({
      text: parts.map((p, i) => (i === 0 ? p.text : `${bs[i]}||${bs[i]}${p.text}`)).join(''),
      holds: (l: Labels) => parts.some((p) => p.holds(l)),
    })),
  ),
  and: fc.array(tie('unary'), { minLength: 1, maxLength: 3 }).chain((parts) =>
    fc.array(blank, { minLength: parts.length, maxLength: parts.length }).map((bs) => ({
      text: parts.map((p, i) => (i === 0 ? p.text : `${bs[i]}&&${bs[i]}${p.text}`)).join(''),
      holds: (l: Labels) => parts.every((p) => p.holds(l)),
    })),
  ),
  unary: fc
    .tuple(
      fc.array(fc.constantFrom('!', '! ', '!\t'), { maxLength: 3 }),
      fc.oneof({ depthSize: 'small', withCrossShrink: true }, comparison, setTest, hasTest, allTest, fc.tuple(tie('or'), blank).map(([inner, b]) => ({ text: `(${b}${inner.text}${b})`, holds: inner.holds }))),
    )
    .map(([bangs, atom]) => ({ text: bangs.join('') + atom.text, holds: bangs.length % 2 === 0 ? atom.holds : (l: Labels) => !atom.holds(l) })),
}));

const labelMap: fc.Arbitrary<Labels> = fc.subarray(LABELS).chain((keys) => fc.tuple(...keys.map(() => value)).map((vs) => Object.fromEntries(keys.map((k, i) => [k, vs[i]!]))));

/** ASTs built directly, respecting the invariants the parser guarantees (calico-selector-ast.ts). */
const { node } = fc.letrec<{ node: CalicoSelector }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<CalicoSelector>({ kind: 'all' }, { kind: 'global' }),
    label.map((l): CalicoSelector => ({ kind: 'has', label: l })),
    fc.tuple(label, fc.constantFrom('equals', 'notEquals', 'contains', 'startsWith', 'endsWith' as const), value).map(([l, kind, v]): CalicoSelector => ({ kind, label: l, value: v })),
    fc.tuple(label, fc.constantFrom('in', 'notIn' as const), fc.uniqueArray(value, { maxLength: 4 })).map(([l, kind, vs]): CalicoSelector => ({ kind, label: l, values: [...vs].sort(compareCodePoints) })),
    tie('node')
      .filter((n) => n.kind !== 'not')
      .map((operand): CalicoSelector => ({ kind: 'not', operand })),
    fc.tuple(fc.constantFrom('and', 'or' as const), fc.array(tie('node'), { minLength: 2, maxLength: 3 })).map(([kind, operands]): CalicoSelector => ({ kind, operands })),
  ),
}));

describe('Calico selectors: properties', () => {
  it('a parsed selector means what its text was written to mean, on random label maps', () => {
    fc.assert(
      fc.property(or, fc.array(labelMap, { minLength: 1, maxLength: 6 }), (written, maps) => {
        const r = parseCalicoSelector(written.text);
        if (!r.ok) throw new Error(`${JSON.stringify(written.text)}: ${r.error.offset}: ${r.error.message}`);
        for (const labels of maps) expect(matchesCalicoSelector(r.selector, labels), `${written.text} on ${JSON.stringify(labels)}`).toBe(written.holds(labels));
      }),
      { numRuns: 500 },
    );
  });

  it('printing a parsed selector and parsing the text gives the same AST, and the same text again', () => {
    fc.assert(
      fc.property(or, (written) => {
        const r = parseCalicoSelector(written.text);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const text = formatCalicoSelector(r.selector);
        const again = parseCalicoSelector(text);
        expect(again).toEqual({ ok: true, selector: r.selector });
        if (again.ok) expect(formatCalicoSelector(again.selector)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('any AST that keeps the parser invariants survives print → parse unchanged', () => {
    fc.assert(
      fc.property(node, (ast) => {
        expect(parseCalicoSelector(formatCalicoSelector(ast))).toEqual({ ok: true, selector: ast });
      }),
      { numRuns: 300 },
    );
  });

  const grammarChars = fc.constantFrom(...'ab-./_ \t\n(){},=!&|\'"%é😀'.split(''), 'has(', 'all(', 'global(', ' in ', ' not in ', ' contains ', ' starts with ', '==', '!=', '&&', '||', "'x'");
  const checkTotal = (text: string): void => {
    const r = parseCalicoSelector(text);
    if (r.ok) {
      expect(parseCalicoSelector(formatCalicoSelector(r.selector))).toEqual(r);
    } else {
      expect(Number.isInteger(r.error.offset)).toBe(true);
      expect(r.error.offset).toBeGreaterThanOrEqual(0);
      expect(r.error.offset).toBeLessThanOrEqual(text.length);
      expect(r.error.message).toMatch(/^(expected|unterminated|label is|parentheses)/);
      // Messages name characters, never carry a control character through.
      expect(r.error.message).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]/);
    }
  };

  it('fuzz: random strings over the grammar\'s characters never throw; errors are positioned', () => {
    fc.assert(
      fc.property(fc.array(grammarChars, { maxLength: 40 }), (parts) => checkTotal(parts.join(''))),
      { numRuns: 2000 },
    );
  });

  it('fuzz: arbitrary Unicode strings never throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), checkTotal),
      { numRuns: 500 },
    );
  });

  it('fuzz: one edit to a valid selector never throws', () => {
    fc.assert(
      fc.property(or, fc.nat(), fc.constantFrom('', '(', ')', '"', "'", '!', '&', '|', '=', '{', '}', ',', ' ', '\n', 'x'), (written, at, insert) => {
        const i = at % (written.text.length + 1);
        checkTotal(written.text.slice(0, i) + insert + written.text.slice(i + 1));
      }),
      { numRuns: 1000 },
    );
  });
});
