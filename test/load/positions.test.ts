import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainSource } from '../../src/load/lazy-source.js';
import { parseDocuments, type RawObject } from '../../src/load/parse-documents.js';
import { CORPUS } from '../conformance/corpus.js';
import { ROOT } from '../helpers/run-cli.js';

/**
 * The fast readers (JSON.parse and js-yaml with positions found on demand) must give the same
 * values and the same positions as the careful one (the yaml package's syntax tree).
 */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ya?ml|json)$/.test(n) ? [p] : [];
  });
}

const PATHS: (string | number)[][] = [
  [],
  ['metadata'],
  ['metadata', 'name'],
  ['metadata', 'labels'],
  ['spec', 'podSelector'],
  ['spec', 'ingress', 0],
  ['spec', 'ingress', 0, 'from', 0],
  ['spec', 'ingress', 0, 'ports', 0, 'port'],
  ['spec', 'egress', 1, 'to', 0, 'ipBlock', 'cidr'],
  ['spec', 'containers', 0, 'ports', 0],
  ['spec', 'template', 'spec', 'containers', 0, 'ports', 1, 'name'],
  ['spec', 'nope', 3],
];

const positions = (objects: RawObject[]) => objects.map((o) => PATHS.map((p) => plainSource(o.at(p))));

const inputs = [...files(join(ROOT, 'examples')), ...files(join(CORPUS, 'netpol-analyzer', 'cases')).filter((_, i) => process.env.ALL_POSITIONS ? true : i % 7 === 0), ...(process.env.ALL_POSITIONS ? [...files(join(CORPUS, 'netpol-analyzer-anp', 'cases')), ...files(join(CORPUS, 'netpol-analyzer-ingress', 'cases'))] : [])];

describe('fast readers agree with the careful one', () => {
  it.each(inputs.map((f) => [f.replace(/^.*?(examples|cases)\//, '$1/'), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const fast = parseDocuments(file, text);
    const careful = parseDocuments(file, text, { simple: false });
    const codes = (ds: { code: string }[]) => ds.map((d) => d.code);
    expect(codes(fast.diagnostics)).toEqual(codes(careful.diagnostics));
    expect(fast.objects.map((o) => o.value)).toEqual(careful.objects.map((o) => o.value));
    expect(positions(fast.objects)).toEqual(positions(careful.objects));
  });

  it('covers a useful sample', () => {
    expect(inputs.length).toBeGreaterThan(20);
  });
});
