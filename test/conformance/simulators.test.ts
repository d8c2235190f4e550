import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMatrix } from '../../src/engine/matrix.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
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

describe.each(TABLES)('conformance: $name', ({ name, files }) => {
  const dir = join(CORPUS, name);
  const { snapshot, diagnostics } = loadSnapshot(files.map((f) => join(dir, f)));
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
