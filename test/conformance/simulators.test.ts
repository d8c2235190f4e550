import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMatrix } from '../../src/engine/matrix.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import { parseAllDocuments } from 'yaml';
import { loadTexts } from '../../src/load/load-snapshot.js';
import type { InputText } from '../../src/load/read-inputs.js';
import type { Protocol } from '../../src/model/policy.js';
import { CORPUS } from './corpus.js';

/**
 * Truth tables from the cyclonus and policy-assistant simulators: `from to protocol port
 * allowed` per pod pair (loopback left out).
 */
const TABLES = [
  { name: 'cyclonus/simple-example', files: ['cluster.yaml', 'policies.yaml'] },
  { name: 'policy-assistant/deny-all', files: ['cluster.yaml', 'policies.yaml'] },
  { name: 'policy-assistant/ingress-port-allowed', files: ['cluster.yaml', 'policies.yaml'] },
];

/**
 * These files were converted from the simulators' JSON (cyclonus examples/probe.json) by a YAML
 * 1.2 writer that left names such as `y` and `n` unquoted; kubectl (YAML 1.1) would read them as
 * booleans and the API server would refuse those objects. The simulators read the JSON, so the
 * files are read here as their converter wrote them — YAML 1.2, turned back into JSON — and the
 * loader reads that JSON exactly. (test/load/kubectl-yaml-published.test.ts checks that the
 * YAML 1.1 reading of `name: y` is refused, as a cluster would.)
 */
function asConvertedJson(path: string): InputText {
  const docs = parseAllDocuments(readFileSync(path, 'utf8')).map((d) => d.toJS() as unknown).filter((v) => v !== null);
  return { file: path, text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: docs }) };
}

describe.each(TABLES)('conformance: $name', ({ name, files }) => {
  const dir = join(CORPUS, name);
  const { snapshot, diagnostics } = loadTexts(files.map((f) => asConvertedJson(join(dir, f))));
  const matrix = computeMatrix(snapshot);
  const reference = new ReferenceEvaluator(snapshot);
  const rows = readFileSync(join(dir, 'expected.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t') as [string, string, Protocol, string, string]);
  const pod = (id: string) => {
    const p = snapshot.pods.find((x) => x.id === id);
    if (!p) throw new Error(`no pod ${id}`);
    return p;
  };

  it('loads without errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each(rows)('%s -> %s %s/%s allowed=%s', (from, to, protocol, port, allowed) => {
    const src = pod(from);
    const dst = pod(to);
    const conns = matrix.connections(matrix.pods.classOf.get(src)!, matrix.pods.classOf.get(dst)!);
    expect(conns.has(protocol, Number(port))).toBe(allowed === 'true');
    expect(reference.allowed({ src: { kind: 'pod', pod: src }, dst: { kind: 'pod', pod: dst }, protocol, port: Number(port) })).toBe(allowed === 'true');
  });
});
