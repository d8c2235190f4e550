import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateObjects, generateYaml } from '../../bench/generate.js';
import { makeLocator, type Path } from '../../src/load/locate.js';
import { decodeCarefully } from '../../src/load/kubectl-yaml.js';
import { readYamlDocuments } from '../../src/load/yaml-documents.js';
import { isSimpleText, NOT_SIMPLE, positionOf, readSimplePositions, readSimpleYaml } from '../../src/load/yaml-simple.js';
import { CORPUS } from '../conformance/corpus.js';
import { ROOT } from '../helpers/run-cli.js';

/**
 * The simple block reader must give exactly what the careful reader (kubectl-yaml.ts, held to
 * kubectl's own Go code by test/load/kubectl-yaml.test.ts) gives, or step aside (NOT_SIMPLE):
 * never a different value, never a value where the careful reader finds an error. js-yaml is
 * used here only to write random documents.
 */

/** Random runs; FUZZ_SCALE (e.g. 0.1 under mutation testing) scales them. */
const runs = (n: number): number => Math.max(100, Math.round(n * Number(process.env.FUZZ_SCALE ?? 1)));

/** What the careful reader makes of one document: its value (no document: null) or 'error'. */
function carefulValue(text: string): unknown {
  const r = decodeCarefully(text);
  return r.ok ? (r.value ?? null) : 'error';
}

/** The simple reader on one document, as the loader calls it: NOT_SIMPLE for texts it leaves whole. */
function simpleValue(text: string): unknown {
  return isSimpleText(text) ? readSimpleYaml(text) : NOT_SIMPLE;
}

/** Checks one document; returns whether the simple reader read it. */
function agrees(text: string): boolean {
  const simple = simpleValue(text);
  if (simple === NOT_SIMPLE) return false;
  const expected = carefulValue(text);
  if (expected === 'error' || !isDeepStrictEqual(simple ?? null, expected)) {
    expect.fail(`the simple reader read ${JSON.stringify(simple)}, the careful reader ${JSON.stringify(expected)}, from:\n${text}`);
  }
  return true;
}

/** Every path into a value, and one missing key and index below each collection. */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, [...prefix, value.length], ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) return [prefix, [...prefix, 'nope'], ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

/**
 * Checks the positions the simple reader tells for one document against the yaml package's
 * locator, for every path below every collection; returns how many it told.
 */
function positionsAgree(text: string): number {
  if (!isSimpleText(text)) return 0;
  const tree = readSimplePositions(text);
  if (!tree) return 0;
  const counter = new LineCounter();
  const careful = parseDocument(text, { lineCounter: counter });
  let told = 0;
  const all = paths(carefulValue(text));
  for (const prefix of all.filter((_, i) => i % 5 === 0)) {
    const locator = makeLocator('f', 0, careful.contents, counter, prefix);
    for (const path of all.filter((p) => p.length > prefix.length && prefix.every((s, i) => p[i] === s)).map((p) => p.slice(prefix.length)).concat([[]])) {
      const found = positionOf(tree, prefix, path);
      if (!found) continue;
      const expected = locator.at(path);
      expect({ prefix, path, line: found.line + 1, col: found.col + 1 }).toEqual({ prefix, path, line: expected.line, col: expected.col });
      told++;
    }
  }
  return told;
}

const documents = (text: string): string[] => text.split(/^(?:---|\.\.\.)[ \r]*(?:#.*)?$/m);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

describe('simple YAML reader', () => {
  it('agrees with the careful reader on every document of the corpus, the examples and the fixtures, and reads most of them', () => {
    let read = 0;
    let total = 0;
    for (const file of [...yamlFiles(CORPUS), ...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'test', 'fixtures'))]) {
      for (const doc of documents(readFileSync(file, 'utf8'))) {
        total++;
        if (agrees(doc)) read++;
      }
    }
    // Files with CR line ends and flow collections go to the careful reader; the rest must not.
    expect(total).toBeGreaterThan(900);
    expect(read).toBeGreaterThan(600);
  });

  it('tells the positions the yaml package tells, on every document of the corpus and the examples', () => {
    let told = 0;
    for (const file of [...yamlFiles(CORPUS), ...yamlFiles(join(ROOT, 'examples'))]) {
      for (const doc of documents(readFileSync(file, 'utf8'))) told += positionsAgree(doc);
    }
    expect(told).toBeGreaterThan(10_000);
  });

  it('tells the positions the yaml package tells, on random documents', () => {
    let told = 0;
    fc.assert(
      fc.property(value, fc.nat({ max: writers.length - 1 }), (v, w) => {
        told += positionsAgree(writers[w]!(v));
      }),
      { numRuns: runs(3000) },
    );
    expect(told).toBeGreaterThan(runs(3000));
  });

  it('reads every document of a generated cluster, and the same cluster as one long kind: List', () => {
    for (const doc of documents(generateYaml({ pods: 300, seed: 3 }))) expect(agrees(doc)).toBe(true);
    const list = stringify({ apiVersion: 'v1', kind: 'List', items: generateObjects({ pods: 300, seed: 3 }) }, { aliasDuplicateObjects: false });
    expect(list.split('\n').length).toBeGreaterThan(5000); // lines the reader lets go as it passes them
    expect(agrees(list)).toBe(true);
    expect(positionsAgree(list)).toBeGreaterThan(1000);
  });

  const read: [string, string, unknown][] = [
    ['mapping and sequence', 'a: 1\nb:\n  - x\n  - z\n', { a: 1, b: ['x', 'z'] }],
    ['sequence at the indentation of its key', 'a:\n- x\n- z\nb: 2\n', { a: ['x', 'z'], b: 2 }],
    ['YAML 1.1 booleans, as kubectl reads them', 'a:\n- y\n- n\n- On\n- NO\n- yEs\n', { a: [true, false, true, false, 'yEs'] }],
    ['compact mappings in a sequence', 'items:\n- name: a\n  port: 80\n- name: b\n', { items: [{ name: 'a', port: 80 }, { name: 'b' }] }],
    ['nested sequences', '- - a\n  - b\n- - c\n', [['a', 'b'], ['c']]],
    ['empty values', 'a:\nb: {}\nc: []\nd: ""\n- e\n'.replace('- e\n', 'e: ~\n'), { a: null, b: {}, c: [], d: '', e: null }],
    ['an entry with nothing after the dash', '-\n- a\n-\n  b: 1\n', [null, 'a', { b: 1 }]],
    // go-yaml v2 resolve.go: octal with a leading 0, underscores dropped, yes a boolean.
    ['go-yaml v2 scalars', 'a: 0x10\nb: 1e3\nd: True\ne: 010\nf: +1\ng: -0.5\nh: NULL\ni: 0o17\nj: yes\nk: 1_000\nl: 017620\n', { a: 16, b: 1000, d: true, e: 8, f: 1, g: -0.5, h: null, i: 15, j: true, k: 1000, l: 8080 }],
    ['quoted scalars and keys', `"a b": 'it''s'\nc: "tab\\tand \\u00e9"\n'd': "#not a comment"\n`, { 'a b': "it's", c: 'tab\tand é', d: '#not a comment' }],
    ['comments', '# head\na: 1 # one\n  # indented comment\nb: x#y\nc: "q" # after a quote\n', { a: 1, b: 'x#y', c: 'q' }],
    ['managedFields keys', 'f:metadata:\n  f:labels:\n    .: {}\n    f:app: {}\n  k:{"type":"Ready"}:\n    .: {}\n', { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} }, 'k:{"type":"Ready"}': { '.': {} } } }],
    ['urls and colons inside plain scalars', 'image: registry.example.com:5000/app:1.2\nurl: http://x/y\n', { image: 'registry.example.com:5000/app:1.2', url: 'http://x/y' }],
    ['literal block scalars', 'a: |\n  {"x": 1}\n\n  line: two\nb: |-\n    kept\n      more\nc: |\nd: 1\n', { a: '{"x": 1}\n\nline: two\n', b: 'kept\n  more', c: '', d: 1 }],
    ['a quoted annotation over several lines, as older kubectl writes it', "a:\n  k: '{\"apiVersion\":\"v1\"}\n\n    '\nb: 'one\n  two\n\n\n  three'\n", { a: { k: '{"apiVersion":"v1"}\n' }, b: 'one two\n\nthree' }],
    ['a plain scalar wrapped by Go', 'command:\n- sh\n- chown -R nginx:nginx /var/log/a; chown -R\n  /var/log/b\nnext: 1\n', { command: ['sh', 'chown -R nginx:nginx /var/log/a; chown -R /var/log/b'], next: 1 }],
    ['long wrapped lines', `a: one\n  ${'b'.repeat(90)} two\n\n  ${'c'.repeat(90)}\nd: 'x\n  ${'e'.repeat(90)}'\n`, { a: `one ${'b'.repeat(90)} two\n${'c'.repeat(90)}`, d: `x ${'e'.repeat(90)}` }],
    ['a document of comments', '# nothing\n', null],
    ['an indented document', '  a: 1\n  b: 2\n', { a: 1, b: 2 }],
    ['flow scalars starting with a dash', 'a: [-1, -b]\n', { a: [-1, '-b'] }],
    ['a quoted scalar over lines with spaces before the breaks', "a: 'x  \n  y  \n  z'\n", { a: 'x y z' }],
    ['a backslash in a single-quoted scalar', "a: 'x\\'\n", { a: 'x\\' }],
    ['a strip literal with a comment', 'a: |- # c\n  x\nb: 1\n', { a: 'x', b: 1 }],
    ['literals with empty lines before and after', 'a: |\n\n  x\n\n\nb: |-\n  y\n\nc: |\n\nd: 1\n', { a: '\nx\n', b: 'y', c: '', d: 1 }],
    ['collections nested 99 deep', `a: ${'['.repeat(98)}${']'.repeat(98)}\n`, { a: JSON.parse(`${'['.repeat(98)}${']'.repeat(98)}`) }],
    ['flow collections on one line', 'a: [Ingress, Egress]\nb: {app: web, "x y": \'z\'}\nc: [ ]\nd: { }\ne: [1, [2, {f: ~}], true] # c\n- x\n'.replace('- x\n', ''), { a: ['Ingress', 'Egress'], b: { app: 'web', 'x y': 'z' }, c: [], d: {}, e: [1, [2, { f: null }], true] }],
    ['flow collections as sequence entries', 'ports:\n- {protocol: UDP, port: 53}\n- [a b, c]\n', { ports: [{ protocol: 'UDP', port: 53 }, ['a b', 'c']] }],
  ];
  it.each(read)('reads %s', (_name, text, value) => {
    expect(simpleValue(text)).toEqual(value);
    expect(agrees(text)).toBe(true);
  });

  const left: [string, string][] = [
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['flow collections over several lines', 'a: [1,\n  2]\n'],
    ['flow mapping entries without a value', 'a: {b}\n'],
    ['flow mapping entries with an empty value', 'a: {b: }\n'],
    ['flow keys glued to their value', 'a: {"b":1}\n'],
    ['trailing commas', 'a: [1, 2, ]\n'],
    ['empty flow entries', 'a: [1,, 2]\n'],
    ['single-pair mappings in flow sequences', 'a: [b: 1]\n'],
    ['comments inside flow collections', 'a: [b #c]\n'],
    ['a comment glued to a flow collection', 'a: [b]#c\n'],
    ['flow collections as keys', '{a: b}: c\n'],
    ['duplicate flow keys', 'a: {b: 1, b: 2}\n'],
    ['__proto__ and merge keys in flow mappings', 'a: {__proto__: 1}\n'],
    ['merge keys in flow mappings', 'a: {<<: 1}\n'],
    ['a dash alone in a flow collection', 'a: [-]\n'],
    ['a dash and a space in a flow collection', 'a: [- b]\n'],
    ['a dash and a space as a flow key', 'a: {- b: 1}\n'],
    ['trailing commas in flow mappings', 'a: {b: 1, }\n'],
    ['a flow collection that ends the line after a comma', 'a: [1,\n  2]\n'],
    ['literal lines of spaces beyond the indentation', 'a: |\n  x\n     \n  y\n'],
    ['folded block scalars', 'a: >\n  b\n'],
    ['keep-chomped block scalars', 'a: |+\n  b\n\n'],
    ['block scalars with an indentation indicator', 'a: |2\n   b\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['__proto__ keys', '__proto__: 1\n'],
    ['merge keys', '<<: 1\n'],
    ['complex keys', '? a\n: b\n'],
    ['a mapping value on the key line of another', 'a: b: c\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a sequence inside a mapping at its indentation', 'a: 1\n- b\n'],
    ['escapes across lines', 'a: "x\\\n  y"\n'],
    ['a quote that never closes', "a: 'x\n"],
    ['text after a closing quote', 'a: "x" y\n'],
    ['a plain scalar continued by a key', 'a: x\n  b: y\n'],
    ['a directive', '%YAML 1.2\na: 1\n'],
    ['keys that are not strings to go-yaml', '1: a\ntrue: b\n'],
    ['flow collections nested deeper than 100', `a: ${'['.repeat(101)}${']'.repeat(101)}\n`],
    ['block collections nested deeper than 100', Array.from({ length: 101 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
  ];
  it.each(left)('leaves %s to the careful reader', (_name, text) => {
    expect(simpleValue(text)).toBe(NOT_SIMPLE);
  });

  it('splits documents at marker lines only: after a line feed, not after a CR or U+2028', () => {
    const values = (text: string) => readYamlDocuments('f.yaml', text).docs.map((d) => d.value);
    expect(values('a: 1\n---\nb: 2\n')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(values('a: 1\r\n---\r\nb: 2\r\n')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(values('a: "x\u2028---"\n')).toEqual([{ a: 'x\u2028---' }]);
    // kubectl splits at the marker line whatever YAML says of directives.
    expect(readYamlDocuments('f.yaml', '%YAML 1.2\n---\na: 1\n').docs.map((d) => d.value)).toEqual([{ a: 1 }]);
  });

  it('reads CR LF line ends, and leaves texts with tabs or lone CRs to the careful reader', () => {
    expect(simpleValue('a: 1\r\nb:\r\n  - "x"\r\nc: |\r\n  l1\r\n  l2\r\n')).toEqual({ a: 1, b: ['x'], c: 'l1\nl2\n' });
    expect(agrees('a: 1\r\nb:\r\n  - "x"\r\nc: |\r\n  l1\r\n  l2\r\n')).toBe(true);
    expect(isSimpleText('a: 1\r\n')).toBe(true);
    expect(isSimpleText('a: 1\rb: 2\n')).toBe(false);
    expect(isSimpleText('a:\n\tb: 1\n')).toBe(false);
    expect(isSimpleText('a: "\u0007"\n')).toBe(false);
  });

  // Random documents as the yaml package and js-yaml write them, then mutated by hand-picked
  // edits: whatever the simple reader accepts, the careful reader must read the same way.
  const tricky = fc.constantFrom('a', 'b c', '', ' ', '-', '- x', ':', 'a: b', '#', ' #c', "'", '"', '\\', '|', '>', '[', '{}', '[]', '~', 'null', 'true', 'Yes', '0x1F', '010', '1e3', '.5', '-.inf', '1_0', '&a', '*a', '!t', '%', '@', '?', ',', 'k:{"t":"v"}', 'f:x', '.', 'é', 'a\nb', 'a\n\nb', 'x '.repeat(50), `chown -R nginx:nginx ${'/var/log/nginx/activitytracker'.repeat(3)} ${'w'.repeat(70)} and more words to wrap`);
  const key = fc.oneof(tricky, fc.string({ maxLength: 6 }));
  const scalar = fc.oneof(tricky, fc.string({ maxLength: 12 }), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('value'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  }));
  const writers: ((v: unknown) => string)[] = [
    (v) => stringify(v),
    (v) => stringify(v, { indentSeq: false, lineWidth: 20, minContentWidth: 5 }),
    (v) => stringify(v, { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN', lineWidth: 24, minContentWidth: 4 }),
    (v) => stringify(v, { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 24, minContentWidth: 4 }),
    (v) => stringify(v, { blockQuote: 'literal' }),
    (v) => jsYaml.dump(v, { lineWidth: 20, schema: jsYaml.CORE_SCHEMA }),
    (v) => jsYaml.dump(v, { flowLevel: 2, noArrayIndent: true, schema: jsYaml.CORE_SCHEMA }),
    (v) => `root: ${stringify(v, { collectionStyle: 'flow', lineWidth: 0 }).trim()}\n`,
    (v) => `- ${stringify(v, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim()} # c\n`,
  ];
  const edit = fc.record({
    line: fc.nat(),
    at: fc.nat(),
    kind: fc.constantFrom('insert', 'delete', 'indent', 'dedent', 'duplicate', 'join'),
    text: fc.constantFrom(' ', '  ', '-', '- ', ':', ': ', '#', ' #', "'", '"', '\\', '|', '|-', '>', '{', '}', '[', ']', ',', '&', '*', '!', '?', 'x', '0', '\n', '\n  ', '~'),
  });
  function mutate(text: string, edits: { line: number; at: number; kind: string; text: string }[]): string {
    const lines = text.split('\n');
    for (const e of edits) {
      const i = e.line % lines.length;
      const l = lines[i]!;
      const at = e.at % (l.length + 1);
      if (e.kind === 'insert') lines[i] = l.slice(0, at) + e.text + l.slice(at);
      else if (e.kind === 'delete') lines[i] = l.slice(0, at) + l.slice(at + 1);
      else if (e.kind === 'indent') lines[i] = ` ${l}`;
      else if (e.kind === 'dedent') lines[i] = l.replace(/^ /, '');
      else if (e.kind === 'duplicate') lines.splice(i, 0, l);
      else if (i + 1 < lines.length) lines.splice(i, 2, `${l}${lines[i + 1]!.trimStart()}`);
    }
    return lines.join('\n');
  }

  it('agrees with the careful reader on random documents written by two YAML writers', () => {
    let read = 0;
    fc.assert(
      fc.property(value, fc.nat({ max: writers.length - 1 }), (v, w) => {
        if (agrees(writers[w]!(v))) read++;
      }),
      { numRuns: runs(15000) },
    );
    expect(read).toBeGreaterThan(runs(15000) / 30);
  });

  it('never reads a mutated document differently from the careful reader', () => {
    let read = 0;
    fc.assert(
      fc.property(value, fc.nat({ max: writers.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (v, w, edits) => {
        if (agrees(mutate(writers[w]!(v), edits))) read++;
      }),
      { numRuns: runs(40000) },
    );
    expect(read).toBeGreaterThan(runs(40000) / 80);
  });
});
