import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { computeMatrix } from '../../src/engine/matrix.js';
import { runLint } from '../../src/lint/run-lint.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { ROOT } from '../helpers/run-cli.js';

/** Whatever the input, loading, the matrix and lint never throw, and every problem has a place. */
function survives(text: string, file = 'fuzz.yaml'): void {
  const { snapshot, diagnostics } = loadTexts([{ file, text }]);
  for (const d of diagnostics) {
    expect(d.source?.file).toBe(file);
    expect(d.source!.line).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
  }
  computeMatrix(snapshot);
  runLint(snapshot, diagnostics);
}

const seeds = ['three-tier/policies.yaml', 'three-tier/workloads.yaml', 'multi-namespace/policies.yaml', 'kubectl-list/cluster-dump.yaml', 'lint-mistakes/policies.yaml'].map((f) =>
  readFileSync(join(ROOT, 'examples', f), 'utf8'),
);

const TOKENS = ['', '-', '- ', ':', ': ', '{', '}', '[', ']', '"', "'", '&a', '*a', '!!str', '#', '\t', '\n', '---', '0', '-1', '65536', 'null', '~', 'true', 'NaN', '0x1F', '1e999', '10.0.0.0/33', 'ports', 'from', 'to', 'ipBlock', 'endPort', 'podSelector', '{}', '[]', 'é', '\u0000'];

/** A real manifest with a few random edits: characters deleted, tokens inserted, lines duplicated or dropped. */
const mutated = fc
  .record({
    seed: fc.constantFrom(...seeds),
    edits: fc.array(fc.record({ at: fc.nat(), kind: fc.integer({ min: 0, max: 3 }), token: fc.constantFrom(...TOKENS) }), { minLength: 1, maxLength: 6 }),
  })
  .map(({ seed, edits }) => {
    let text = seed;
    for (const e of edits) {
      const i = e.at % Math.max(1, text.length);
      const lines = text.split('\n');
      const l = e.at % lines.length;
      if (e.kind === 0) text = text.slice(0, i) + text.slice(i + 1);
      else if (e.kind === 1) text = text.slice(0, i) + e.token + text.slice(i);
      else if (e.kind === 2) text = [...lines.slice(0, l), lines[l]!, ...lines.slice(l)].join('\n');
      else text = [...lines.slice(0, l), ...lines.slice(l + 1)].join('\n');
    }
    return text;
  });

describe('fuzzing the loader, the engine and lint', () => {
  it('arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...TOKENS, 'a', 'k', ' ', 'x: y', 'kind: NetworkPolicy', 'apiVersion: networking.k8s.io/v1') }), (t) => survives(t)), { numRuns: 400, seed: 7 });
  });

  it('mutated real manifests', () => {
    fc.assert(fc.property(mutated, (t) => survives(t)), { numRuns: 400, seed: 11 });
  });

  it('arbitrary values in every field of a NetworkPolicy, as YAML and as JSON', () => {
    const anyValue = fc.anything({ maxDepth: 3, withNullPrototype: false, withBigInt: false, withDate: false, withMap: false, withSet: false, withTypedArray: false, withSparseArray: false, withBoxedValues: false });
    const policy = fc.record({
      apiVersion: fc.constant('networking.k8s.io/v1'),
      kind: fc.constant('NetworkPolicy'),
      metadata: fc.oneof(anyValue, fc.record({ name: fc.oneof(fc.string(), anyValue), namespace: fc.oneof(fc.constant('shop'), anyValue) })),
      spec: fc.oneof(
        anyValue,
        fc.record({
          podSelector: anyValue,
          policyTypes: anyValue,
          ingress: fc.oneof(anyValue, fc.array(fc.record({ from: fc.oneof(anyValue, fc.array(fc.record({ ipBlock: anyValue, podSelector: anyValue, namespaceSelector: anyValue }, { requiredKeys: [] }))), ports: fc.oneof(anyValue, fc.array(fc.record({ port: anyValue, endPort: anyValue, protocol: anyValue }, { requiredKeys: [] }))) }, { requiredKeys: [] }))),
          egress: anyValue,
        }, { requiredKeys: [] }),
      ),
    });
    fc.assert(
      fc.property(policy, (p) => {
        survives(JSON.stringify(p), 'fuzz.json');
        survives(stringify(p));
      }),
      { numRuns: 400, seed: 13 },
    );
  });
});
