import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeKubectlYaml } from '../../src/load/kubectl-yaml.js';
import { readYamlDocuments } from '../../src/load/yaml-documents.js';
import { generateDocument, Rng } from '../helpers/kubectl-yaml-gen.js';
import { splitKubectlDocuments } from '../helpers/kubectl-yaml-oracle.js';

/**
 * readYamlDocuments splits a file as kubectl's YAMLReader does (splitKubectlDocuments, the
 * helper transcribed from k8s.io/apimachinery's reader; each document is then held to Go by
 * test/load/kubectl-yaml.test.ts): the same documents, each read the same (lines end with LF,
 * the last one too), and at a separator kubectl refuses, nothing more — not the document it
 * would end, not what follows — with one error.
 */
const SEPARATORS = ['---', '--- # next', '---\t', '---  ', '--- x', '----', '---\u0085', '--- \ufeff', '---#', '--- \u00a0'];

/** Values readYamlDocuments loads, its error count, and whether it reported a refused separator. */
function ours(text: string, simple: boolean): { values: unknown[]; errors: number; separator: boolean } {
  const { docs, diagnostics } = readYamlDocuments('f.yaml', text, { simple });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return { values: docs.map((d) => d.value), errors: errors.length, separator: errors.some((d) => d.message.includes('invalid document separator')) };
}

/** The same through the helper's split and decodeKubectlYaml per document. */
function kubectls(text: string): { values: unknown[]; errors: number; separator: boolean } {
  const split = splitKubectlDocuments(text);
  const values: unknown[] = [];
  let errors = split.error ? 1 : 0;
  for (const doc of split.docs) {
    const r = decodeKubectlYaml(doc);
    if (!r.ok) errors++;
    else if (r.value !== null && r.value !== undefined) values.push(r.value);
  }
  return { values, errors, separator: !!split.error };
}

function check(text: string): void {
  const expected = kubectls(text);
  for (const simple of [true, false]) {
    const got = ours(text, simple);
    if (!isDeepStrictEqual(got, expected)) expect.fail(`${JSON.stringify(text)} (simple: ${simple}): ${JSON.stringify(got)}, kubectl: ${JSON.stringify(expected)}`);
  }
}

describe("readYamlDocuments splits files as kubectl's YAMLReader does", () => {
  it('a refused separator ends the file: the document before it and everything after are skipped, with one error', () => {
    const { docs, diagnostics } = readYamlDocuments('f.yaml', 'a: 1\n---\nb: 2\n--- x\nc: 3\n---\nd: 4\n');
    expect(docs.map((d) => d.value)).toEqual([{ a: 1 }]);
    expect(diagnostics).toMatchObject([{ severity: 'error', code: 'yaml-syntax', source: { line: 4, col: 1 }, message: expect.stringContaining('invalid document separator "--- x"') }]);
  });

  it("separators trimmed as Go's strings.TrimSpace trims (NEL is a space, U+FEFF is not)", () => {
    expect(ours('a: 1\n---\u0085\nb: 2\n', true)).toEqual({ values: [{ a: 1 }, { b: 2 }], errors: 0, separator: false });
    expect(ours('a: 1\n--- \ufeff\nb: 2\n', true)).toMatchObject({ values: [], separator: true });
  });

  it("the last line gets its line break, as kubectl's line reader gives it (a clipped block scalar keeps one)", () => {
    expect(ours('a: |\n  x', false).values).toEqual([{ a: 'x\n' }]);
    expect(ours('a: |\r\n  x\r\n---\r\nb: 1', true).values).toEqual([{ a: 'x\n' }, { b: 1 }]);
  });

  it('a separator met before any line stays the first line of the next document, as in kubectl (U+00A0 after --- is then content)', () => {
    expect(ours('--- \u00a0\na: 1\n', true)).toMatchObject({ values: [], errors: 1 });
    expect(ours('a: 1\n--- \u00a0\nb: 1\n', true)).toMatchObject({ values: [{ a: 1 }, { b: 1 }], errors: 0 });
    expect(ours('---\n%YAML 1.1\n---\na: 1\n', true)).toMatchObject({ values: [{ a: 1 }], errors: 0 });
  });

  it('agrees on hand-written files', () => {
    for (const text of ['', '\n', '---', '---\n', 'a: 1\n---', '---\na: 1\n---\n---\nb: 2\n---\n', 'a: 1\n----\nb: 2\n', '--- x\na: 1\n', 'a: 1\n--- # c\nb: 2', 'a: |\n  x\n---\nb: >\n  y', 'a: 1\r\n---\r\nb: "x\r\n  y"\r\n']) check(text);
  });

  it('agrees on 1,000 seeded files of generated documents, separators (some refused), CR LF and missing last line breaks', () => {
    const rng = new Rng(20261130);
    for (let i = 0; i < 1000; i++) {
      const parts: string[] = [];
      const n = 1 + rng.int(4);
      for (let k = 0; k < n; k++) {
        if (k > 0 || rng.chance(0.2)) parts.push(`${rng.chance(0.85) ? '---' : rng.pick(SEPARATORS)}\n`);
        parts.push(generateDocument(rng));
      }
      let text = parts.join('');
      if (rng.chance(0.2)) text = text.replaceAll('\n', '\r\n');
      if (rng.chance(0.3)) text = text.replace(/\r?\n$/, '');
      check(text);
    }
  });
});
