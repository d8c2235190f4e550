import fc from 'fast-check';
import { closeSync, existsSync, fstatSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSnapshot, type LoadResult } from '../../src/load/load-snapshot.js';
import { JsonListFile, type ItemIdentity } from '../../src/load/json-list-file.js';
import { listFileOf, readInputs } from '../../src/load/read-inputs.js';
import { big } from '../helpers/questions.js';
import { ROOT } from '../helpers/run-cli.js';
import { exampleItems } from '../helpers/example-items.js';

/**
 * A big `kubectl get -o json` dump is read from its file item by item (json-list-file.ts), not
 * as one text: it must load exactly as the text does (objects, diagnostics, every position),
 * on every example written as a list, on the generated clusters, and on random lists with
 * escapes, non-ASCII text, odd whitespace and syntax the reader declines (then read as text).
 */
const temp = mkdtempSync(join(tmpdir(), 'npc-listfile-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let files = 0;

function write(text: string): string {
  const path = join(temp, `list-${files++}.json`);
  writeFileSync(path, text);
  return path;
}

/** Everything a load gives, positions resolved. */
const everything = (r: LoadResult): string => JSON.stringify({ snapshot: r.snapshot, declared: r.declared === r.snapshot ? 'same' : r.declared, diagnostics: r.diagnostics }, big);

/** The load through the list reader and through the text reader; whether the list reader took the file. */
function bothWays(path: string): { list: string; text: string; taken: boolean } {
  const taken = listFileOf(readInputs([path], { listFileBytes: 0 }).inputs[0]!) !== undefined;
  return { list: everything(loadSnapshot([path], { listFileBytes: 0 })), text: everything(loadSnapshot([path], { listFileBytes: Infinity })), taken };
}

function expectSame(path: string): boolean {
  const { list, text, taken } = bothWays(path);
  if (list !== text) {
    let i = 0;
    while (list[i] === text[i]) i++;
    expect.fail(`${path}: the list reader differs at ${i}:\n  text: ${text.slice(Math.max(0, i - 200), i + 200)}\n  list: ${list.slice(Math.max(0, i - 200), i + 200)}\n--- file:\n${readFileSync(path, 'utf8').slice(0, 3000)}`);
  }
  return taken;
}

const list = (items: unknown[], indent: number | string = 4): string => JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, indent);

describe('a JSON list read from its file loads as its text does', () => {
  const examples = readdirSync(join(ROOT, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  it.each(examples)('examples/%s as one kubectl-style list, pretty and compact', (example) => {
    const dir = join(ROOT, 'examples', example);
    const items = exampleItems(dir);
    expect(items.length).toBeGreaterThan(0);
    for (const indent of [4, 0, '\t']) expect(expectSame(write(list(items, indent)))).toBe(true);
  });

  it('the generated clusters, sparse and dense, with pods, workloads and every policy kind of the generators', async () => {
    const { generateObjects } = await import('../../bench/generate.js');
    const { generateDenseObjects } = await import('../../bench/generate-dense.js');
    for (const seed of [1, 2]) {
      expect(expectSame(write(list(generateObjects({ pods: 400, seed }))))).toBe(true);
      expect(expectSame(write(list(generateDenseObjects({ pods: 300, seed, owners: seed === 1 ? 'deployments' : 'none' }), 2)))).toBe(true);
    }
  });

  it('random lists: escapes, non-ASCII text, CRLF, keys given twice, items that are not objects, and syntax the reader leaves to the text reader', () => {
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(randomListText, (text) => {
        runs++;
        if (expectSame(write(text))) taken++;
      }),
      { numRuns: 150 },
    );
    // A good share of random lists is read by the list reader, not all declined to the text reader.
    expect(taken).toBeGreaterThan(runs / 3);
  });

  it('declines what is not a list it reads: YAML, a top-level array, a NUL byte, a `{{` template, a second items key', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'a' } };
    for (const text of ['apiVersion: v1\nkind: List\nitems: []\n', JSON.stringify([pod]), list([pod]).replace('"p"', '"p\\u0000"').replace('\\u0000', '\0'), list([{ ...pod, metadata: { ...pod.metadata, annotations: { a: '{{ .Values.x }}' } } }]), `{"kind":"List","apiVersion":"v1","items":[],"items":[${JSON.stringify(pod)}]}`]) {
      const path = write(text);
      expect(listFileOf(readInputs([path], { listFileBytes: 0 }).inputs[0]!)).toBeUndefined();
      expectSame(path);
    }
  });

  it('gives the position a field had when the file was read, or the item\'s line once the file changed', () => {
    const pods = ['a', 'b'].map((n) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${n}`, namespace: 'a', labels: { 'bad key!': 'x' } } }));
    const path = write(list(pods));
    const r = loadSnapshot([path], { listFileBytes: 0 });
    const d = r.diagnostics.find((x) => x.code === 'invalid-label' || x.message.includes('bad key'))!;
    expect(d).toBeDefined();
    const text = readFileSync(path, 'utf8');
    const lineOfKey = text.slice(0, text.indexOf('"bad key!"')).split('\n').length;
    expect(d.source!.line).toBe(lineOfKey);
    // Changed after the load: positions not yet read fall back to the item's own line.
    const r2 = loadSnapshot([path], { listFileBytes: 0 });
    writeFileSync(path, `${text}\n\n`);
    const d2 = r2.diagnostics.find((x) => x.message.includes('bad key'))!;
    expect(d2.source!.line).toBe(text.slice(0, text.indexOf('{', text.indexOf('"items"'))).split('\n').length);
  });
});

describe('the file under the list reader', () => {
  const pods = Array.from({ length: 40 }, (_, i) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: i % 2 ? 'a' : 'b' } }));

  it('a file shorter than its size said (being truncated) is left to the text reader, without hanging', () => {
    const path = write(list(pods));
    const fd = openSync(path, 'r');
    try {
      const st = fstatSync(fd);
      const larger = Object.assign(Object.create(Object.getPrototypeOf(st) as object) as typeof st, st, { size: st.size + 4096 });
      expect(JsonListFile.read(path, fd, larger)).toBeUndefined();
    } finally {
      closeSync(fd);
    }
  });

  it.skipIf(!existsSync('/proc/self/fd'))('leaves no file open: loads, scoped loads and positions open the file for each read and close it', () => {
    const path = write(list(pods));
    const open = (): number => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let k = 0; k < 5; k++) {
      const r = loadSnapshot([path], { listFileBytes: 0, podNamespaces: new Set(['a']) });
      JSON.stringify(r.snapshot);
      loadSnapshot([path], { listFileBytes: 0 });
    }
    expect(open()).toBe(before);
  });
});

describe('an item\'s identity (kind, apiVersion, metadata.namespace) read from its bytes', () => {
  it('is what JSON.parse gives, or undefined for an item out of the ordinary; most items are known', () => {
    let known = 0;
    let items = 0;
    fc.assert(
      fc.property(randomListText, (text) => {
        const path = write(text);
        const fd = openSync(path, 'r');
        let file: JsonListFile | undefined;
        try {
          file = JsonListFile.read(path, fd, fstatSync(fd));
        } finally {
          closeSync(fd);
        }
        if (!file) return;
        const ids: (ItemIdentity | undefined)[] = [];
        const texts = [...file.items((id) => (ids.push(id), false))];
        texts.forEach((t, i) => {
          items++;
          const id = ids[i];
          if (id === undefined) return;
          let v: Record<string, unknown>;
          try {
            v = JSON.parse(t!) as Record<string, unknown>;
          } catch {
            // Not strict JSON: the whole file is then read another way (as YAML), which may read the
            // item otherwise. Such an item must be out of the ordinary, never skipped unparsed.
            expect.fail(`an item JSON.parse refuses was given an identity: ${t}`);
          }
          known++;
          expect(typeof v === 'object' && v !== null && !Array.isArray(v)).toBe(true);
          const meta = v.metadata as Record<string, unknown> | undefined;
          expect(meta === undefined || (typeof meta === 'object' && meta !== null && !Array.isArray(meta))).toBe(true);
          for (const [got, want] of [
            [id.kind, v.kind],
            [id.apiVersion, v.apiVersion],
            [id.namespace, meta?.namespace],
          ]) {
            expect(want === undefined || typeof want === 'string').toBe(true);
            expect(got).toBe(want);
          }
        });
      }),
      { numRuns: 150 },
    );
    expect(known).toBeGreaterThan(items / 2);
  });

  it.each([
    ['a later metadata replaces an earlier one, namespace and all', '{"kind":"Pod","metadata":{"namespace":"a"},"metadata":{"name":"x"}}', { kind: 'Pod' }],
    ['a later kind wins', '{"kind":"Pod","kind":"Service","metadata":{"namespace":"a"}}', { kind: 'Service', namespace: 'a' }],
    ['a namespace inside labels is not the object\'s', '{"kind":"Pod","metadata":{"labels":{"namespace":"x"},"annotations":{"a":"namespace"}}}', { kind: 'Pod' }],
    ['an escaped value is decoded', '{"kind":"P\\u006fd","metadata":{"namespace":"\\u0061"}}', { kind: 'Pod', namespace: 'a' }],
    ['an escaped key may spell a wanted one: unknown', '{"kind":"Pod","metadata":{"n\\u0061mespace":"a"}}', undefined],
    ['a kind that is not a string: unknown', '{"kind":7,"metadata":{"namespace":"a"}}', undefined],
    ['metadata that is not an object: unknown', '{"kind":"Pod","metadata":"a"}', undefined],
    ['an array: unknown', '[{"kind":"Pod"}]', undefined],
    ['non-ASCII text', '{"kind":"Pod","metadata":{"namespace":"ä","name":"😀"}}', { kind: 'Pod', namespace: 'ä' }],
    ['numbers, literals, nesting and every escape JSON has', '{"kind":"Pod","a":[-0.5e+3,0,1E2,true,false,null,{},[]],"s":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9","metadata":{"namespace":"a"}}', { kind: 'Pod', namespace: 'a' }],
    // Not strict JSON (RFC 8259): JSON.parse refuses the item and the file is read as YAML, which reads it otherwise.
    ['a YAML comment hiding a later metadata: unknown', '{"kind":"Pod","metadata":{"namespace":"a"} # ,"metadata":{"namespace":"b"}\n}', undefined],
    ['an escape JSON has not (\\q): unknown', '{"kind":"Pod","metadata":{"namespace":"a","name":"i\\qj"}}', undefined],
    ['a short \\u escape: unknown', '{"kind":"Pod","metadata":{"namespace":"a","name":"\\u12"}}', undefined],
    ['a raw tab in a string: unknown', '{"kind":"Pod","metadata":{"namespace":"a\tb"}}', undefined],
    ['single quotes: unknown', "{'kind':'Pod','metadata':{'namespace':'a'}}", undefined],
    ['a number with a leading zero: unknown', '{"kind":"Pod","n":01,"metadata":{"namespace":"a"}}', undefined],
    ['a bare word: unknown', '{"kind":"Pod","n":yes,"metadata":{"namespace":"a"}}', undefined],
    ['a missing comma: unknown', '{"kind":"Pod" "metadata":{"namespace":"a"}}', undefined],
    ['a trailing comma inside: unknown', '{"kind":"Pod","metadata":{"namespace":"a",}}', undefined],
    ['a bracket that closes the wrong container: unknown', '{"kind":"Pod","a":[1},"metadata":{"namespace":"a"}}', undefined],
  ])('%s (json-byte-scan.ts skipItem; JSON.parse keeps the last of a key, ECMA-262 JSON.parse step InternalizeJSONProperty)', (_, item, want) => {
    const path = write(`{"items":[${item}],"kind":"List","apiVersion":"v1"}`);
    const fd = openSync(path, 'r');
    const file = JsonListFile.read(path, fd, fstatSync(fd));
    closeSync(fd);
    // Out of the ordinary: unknown, or the whole file left to the text reader (nothing skipped either way).
    if (!file) {
      expect(want).toBeUndefined();
      return;
    }
    const ids: (ItemIdentity | undefined)[] = [];
    [...file.items((id) => (ids.push(id), false))];
    expect(ids).toEqual([want]);
  });
});

const word = fc.constantFrom('a', 'b', 'web', 'db', 'x-1', 'Bad_Name', '', 'default', 'kube-system');
const oddText = fc.oneof(
  { weight: 15, arbitrary: fc.string({ unit: fc.constantFrom('a', 'z', '-', '.', '/', '"', '\\', '\n', '\t', 'é', '😀', '{', '}', '[', ']', ',', ':', ' ', '\u2028'), maxLength: 12 }) },
  // A template action: the list reader leaves the file to the text reader (read-inputs.ts isGoTemplate).
  { weight: 1, arbitrary: fc.constant('{{ .x }}') },
);
const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'namespace', 'kind', 'metadata', 'a/b', 'Bad Key'), fc.oneof(word, oddText), { maxKeys: 3 });
const metadata = fc.record(
  {
    name: fc.oneof(word, oddText),
    namespace: fc.oneof({ weight: 12, arbitrary: word }, { weight: 1, arbitrary: fc.constant(7 as unknown as string) }),
    labels,
    annotations: fc.dictionary(fc.constantFrom('note', 'namespace'), oddText, { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);
const objectItem = fc.record(
  {
    apiVersion: fc.constantFrom('v1', 'apps/v1', 'networking.k8s.io/v1', 'example.com/v1'),
    kind: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('Pod', 'Namespace', 'Service', 'Deployment', 'NetworkPolicy', 'ConfigMap', 'List') }, { weight: 1, arbitrary: fc.constant(5 as unknown as string) }),
    metadata: fc.oneof({ weight: 12, arbitrary: metadata }, { weight: 1, arbitrary: fc.constant('m' as unknown as object) }),
    spec: fc.oneof(
      fc.record({ containers: fc.array(fc.record({ name: word, ports: fc.array(fc.record({ containerPort: fc.integer({ min: -1, max: 70000 }), name: word }), { maxLength: 2 }) }), { maxLength: 2 }) }),
      fc.record({ podSelector: fc.record({ matchLabels: labels }), policyTypes: fc.constant(['Ingress']) }),
      fc.jsonValue({ maxDepth: 3 }),
    ),
  },
  { requiredKeys: ['kind'] },
);
const item = fc.oneof({ weight: 12, arbitrary: objectItem }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) });

/** A list's text in one of several styles, with raw edits JSON.stringify cannot make. */
const randomListText: fc.Arbitrary<string> = fc
  .record({
    items: fc.array(item, { maxLength: 8 }),
    indent: fc.constantFrom(0, 1, 2, 4, '\t'),
    crlf: fc.boolean(),
    shellFirst: fc.boolean(),
    listKind: fc.constantFrom('List', 'PodList', 'List'),
    edit: fc.constantFrom('none', 'none', 'none', 'duplicate-metadata', 'escaped-key', 'trailing-comma', 'leading-space', 'trailing-junk', 'comment', 'single-quotes', 'bad-escape', 'bare-word', 'hidden-metadata'),
  })
  .map(({ items, indent, crlf, shellFirst, listKind, edit }) => {
    const body = items.map((i) => JSON.stringify(i, null, indent));
    if (edit === 'duplicate-metadata' && body.length) body[0] = body[0]!.replace(/\}\s*$/, body[0]!.startsWith('{') && body[0] !== '{}' ? ',"metadata":{"namespace":"b"}}' : '}');
    if (edit === 'escaped-key' && body.length) body[body.length - 1] = body[body.length - 1]!.replace('"namespace"', '"n\\u0061mespace"');
    // Not strict JSON inside an item (its brackets still balance): read again as one text, which the YAML reader takes.
    if (edit === 'comment' && body.length) body[0] = body[0]!.replace(/^\{/, '{ /* c */');
    if (edit === 'single-quotes' && body.length) body[0] = body[0]!.replace('"Pod"', "'Pod'");
    if (edit === 'bad-escape' && body.length) body[body.length - 1] = body[body.length - 1]!.replace(/"([a-z])/, '"\\q$1');
    if (edit === 'bare-word' && body.length) body[0] = body[0]!.replace(/^\{/, '{"x":yes,');
    // A YAML comment hides a second metadata from YAML, not from a reader that skips comments as text.
    if (edit === 'hidden-metadata' && body.length) body[0] = body[0]!.replace(/\}\s*$/, ' # ,"metadata":{"namespace":"b"}\n}');
    const sep = indent === 0 ? ',' : ',\n';
    const shell = `"apiVersion":"v1","kind":${JSON.stringify(listKind)},"metadata":{"resourceVersion":""}`;
    const itemsText = `"items":[${body.join(sep)}${edit === 'trailing-comma' && body.length ? ',' : ''}]`;
    let text = `{${shellFirst ? `${shell},${itemsText}` : `${itemsText},${shell}`}}`;
    if (edit === 'leading-space') text = `\n  \n${text}`;
    if (edit === 'trailing-junk') text += ' x';
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

