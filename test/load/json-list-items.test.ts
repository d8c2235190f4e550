import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainSource } from '../../src/load/lazy-source.js';
import { splitJsonList } from '../../src/load/json-list.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { NotStrictJson, parseDocuments, streamDocuments, type RawObject } from '../../src/load/parse-documents.js';

/**
 * A big JSON list is read item by item (src/load/json-list.ts): each item parsed on its own must
 * give what JSON.parse of the whole text gives — values, kinds, diagnostics and positions — and a
 * text that is not strict JSON must end up read exactly as before (by the YAML reader).
 */
const PATHS: (string | number)[][] = [[], ['metadata'], ['metadata', 'name'], ['spec'], ['spec', 0], ['spec', 'x', 1]];
const summary = (file: string, text: string, listItems: 'one-by-one' | 'whole') => {
  const s = streamDocuments(file, text, { listItems });
  const objects: RawObject[] = [...s.objects];
  return {
    objects: objects.map((o) => ({ kind: o.kind, apiVersion: o.apiVersion, value: o.value, at: PATHS.map((p) => plainSource(o.at(p))) })),
    diagnostics: s.diagnostics.map((d) => [d.code, d.message, plainSource(d.source)]),
  };
};

// Items as kubectl prints them, and the odd ones a hand-made list may hold.
const item = fc.oneof(
  fc.record({
    kind: fc.constantFrom('Pod', 'Namespace', 'Service', 'NetworkPolicy'),
    apiVersion: fc.constantFrom('v1', 'networking.k8s.io/v1'),
    metadata: fc.record({ name: fc.string(), labels: fc.dictionary(fc.string(), fc.string()) }),
    spec: fc.jsonValue(),
  }),
  fc.record({ metadata: fc.record({ name: fc.string() }) }),
  fc.jsonValue(),
);
// Whitespace JSON allows between tokens, and keys around `items`.
const ws = fc.constantFrom('', ' ', '\n', '\r\n  ', '\t');
const listText = fc
  .record({
    items: fc.array(item, { maxLength: 8 }),
    kind: fc.constantFrom('List', 'PodList', 'Pod', 'Anything'),
    before: fc.boolean(),
    metadata: fc.jsonValue(),
    indent: fc.constantFrom(0, 1, 2),
    a: ws,
    b: ws,
  })
  .map(({ items, kind, before, metadata, indent, a, b }) => {
    const body = JSON.stringify(items, null, indent);
    const head = `${a}{${b}"apiVersion": "v1",${a}"kind": ${JSON.stringify(kind)}`;
    return before ? `${head}, "items":${b}${body}${a}, "metadata": ${JSON.stringify(metadata)}}${b}` : `${head}, "metadata": ${JSON.stringify(metadata)},${b}"items": ${body}}${a}`;
  });

describe('JSON lists read item by item', () => {
  it('give the values, positions and diagnostics of one JSON.parse', () => {
    fc.assert(
      fc.property(listText, (text) => {
        expect(summary('l.json', text, 'one-by-one')).toEqual(summary('l.json', text, 'whole'));
      }),
      { numRuns: 300 },
    );
  });

  it('are cut only where JSON.parse of the whole agrees (strings with quotes, brackets and escapes)', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 6 }), (items) => {
        const text = JSON.stringify({ kind: 'List', apiVersion: 'v1', items });
        const list = splitJsonList(text)!;
        expect(list.starts.map((s, i) => JSON.parse(text.slice(s, list.ends[i])))).toEqual(JSON.parse(JSON.stringify(items)));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a second items key (JSON.parse keeps the last)', '{"kind":"List","apiVersion":"v1","items":[],"items":[{"kind":"Pod","apiVersion":"v1"}]}'],
    ['a missing comma between items', '{"kind":"List","apiVersion":"v1","items":[{"a":1} {"b":2}]}'],
    ['a trailing comma', '{"kind":"List","apiVersion":"v1","items":[{"a":1},]}'],
    ['text after the object', '{"kind":"List","apiVersion":"v1","items":[]} x'],
    ['items not a list', '{"kind":"List","apiVersion":"v1","items":{"a":1}}'],
    ['a top-level list', '[{"kind":"Pod","apiVersion":"v1"}]'],
  ])('leave the text whole when it is not a plain list: %s', (_name, text) => {
    expect(splitJsonList(text)).toBeUndefined();
  });

  it('throw NotStrictJson on an item JSON.parse refuses, and parseDocuments then reads it as before', () => {
    const text = '{"kind":"List","apiVersion":"v1","items":[{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"a"}},{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"b",}}]}';
    expect(splitJsonList(text)).toBeDefined();
    expect(() => [...streamDocuments('l.json', text, { listItems: 'one-by-one' }).objects]).toThrow(NotStrictJson);
    const read = parseDocuments('l.json', text);
    expect(read.objects.map((o) => (o.value as { metadata: { name: string } }).metadata.name)).toEqual(['a', 'b']);
  });

  it('a big list with an item that is not strict JSON loads as the YAML reader reads it (kubectl reads YAML flow too)', () => {
    const pods = Array.from({ length: 6000 }, (_, i) => ({ kind: 'Pod', apiVersion: 'v1', metadata: { name: `p${i}`, namespace: 'default', labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'i' }] }, status: { podIP: `10.0.${i >> 8}.${i & 255}` } }));
    const strict = JSON.stringify({ kind: 'List', apiVersion: 'v1', items: pods }, null, 1);
    expect(strict.length).toBeGreaterThan(1 << 20);
    // A trailing comma inside the last item: not JSON, but YAML flow accepts it.
    const loose = strict.replace(/"i"\n\s*\}\n\s*\]\n\s*\},\n\s*"status": \{\n\s*"podIP": "10\.0\.23\.111"\n\s*\}/, (m) => m.replace('"10.0.23.111"', '"10.0.23.111",'));
    expect(loose).not.toBe(strict);
    const a = loadTexts([{ file: 'strict.json', text: strict }]);
    const b = loadTexts([{ file: 'loose.json', text: loose }]);
    expect(b.snapshot.pods.map((p) => p.name)).toEqual(a.snapshot.pods.map((p) => p.name));
    expect(b.snapshot.pods.length).toBe(6000);
  });
});
