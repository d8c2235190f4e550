import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/engine/endpoint.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { Explainer } from '../../src/explain/explain.js';
import { applyLegacySemantics } from '../../src/load/apply-legacy-semantics.js';
import { LegacyReferenceEvaluator } from '../../src/legacy/reference.js';
import { PROTOCOLS } from '../../src/model/policy.js';
import { ISOLATION_ANNOTATION_BETA } from '../../src/model/semantics.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { randomSnapshot, endpointPairs, sampleAddresses, SAMPLE_PORTS } from '../helpers/random-cluster.js';

/**
 * Legacy semantics are computed by translating to v1 (a default-deny per isolated namespace,
 * policies made ingress-only, policies of open namespaces dropped). The translation, run through
 * the bitset engine and the explainer, must agree with the legacy oracle reading the policies as
 * written, on random clusters with random namespace isolation.
 */
const legacySnapshot: fc.Arbitrary<Snapshot> = fc.tuple(randomSnapshot, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 })).map(([s, isolation]) => ({
  ...s,
  namespaces: s.namespaces.map((ns, i) => ({
    ...ns,
    legacyIsolation: { annotation: ISOLATION_ANNOTATION_BETA, isolated: isolation[i % isolation.length]!, source: { file: 'ns.yaml', doc: 0, line: i + 1, col: 1 } },
  })),
  semantics: { mode: 'legacy', reason: 'test', legacyContent: true },
}));

describe('legacy semantics: the v1 translation agrees with the legacy oracle', () => {
  const addresses = sampleAddresses().map((a): Endpoint => ({ kind: 'ip', ...a }));

  it('on random clusters with random namespace isolation', () => {
    let checked = 0;
    let isolatedPairs = 0;
    fc.assert(
      fc.property(legacySnapshot, fc.shuffledSubarray(addresses, { minLength: 4, maxLength: 4 }), (declared, someAddresses) => {
        const effective = applyLegacySemantics(declared, []);
        const matrix = computeMatrix(effective);
        const oracle = new LegacyReferenceEvaluator(declared);
        const explainer = new Explainer(effective);
        for (const [src, dst] of endpointPairs(declared.pods, someAddresses)) {
          const explained = explainer.explain(src, dst).connections;
          const same = src.kind === 'pod' && dst.kind === 'pod' && src.pod === dst.pod;
          for (const protocol of PROTOCOLS) {
            for (const port of SAMPLE_PORTS) {
              const t = { src, dst, protocol, port };
              const expected = oracle.allowed(t);
              if (!expected) isolatedPairs++;
              if (matrix.isAllowed(t) !== expected || (!same && explained.has(protocol, port) !== expected)) {
                throw new Error(`disagree on ${JSON.stringify([src.kind === 'pod' ? src.pod.id : String(src.addr), dst.kind === 'pod' ? dst.pod.id : String(dst.addr), protocol, port])}: oracle says ${expected}`);
              }
              checked++;
            }
          }
        }
      }),
      { numRuns: 600, seed: 20261124 },
    );
    expect(checked).toBeGreaterThan(100_000);
    expect(isolatedPairs).toBeGreaterThan(10_000); // the clusters do isolate things
  }, 120_000);
});
