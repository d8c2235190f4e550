import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/engine/endpoint.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import { Explainer } from '../../src/explain/explain.js';
import { PROTOCOLS } from '../../src/model/policy.js';
import { randomAdminSnapshot, endpointPairs, sampleAddresses, SAMPLE_PORTS } from '../helpers/random-cluster.js';

/**
 * With AdminNetworkPolicies and a BaselineAdminNetworkPolicy in the mix, the bitset engine (which
 * composes tiers over whole connection sets) and the explainer must agree with the reference
 * evaluator, which walks the tiers one connection at a time, first match wins.
 */
describe('tiers: bitset engine and explainer agree with the reference evaluator', () => {
  const addresses = sampleAddresses().map((a): Endpoint => ({ kind: 'ip', ...a }));

  it('on random clusters with cluster-wide policies', () => {
    let checked = 0;
    let deniedByAdmin = 0;
    fc.assert(
      fc.property(randomAdminSnapshot, fc.shuffledSubarray(addresses, { minLength: 4, maxLength: 4 }), (snapshot, someAddresses) => {
        const matrix = computeMatrix(snapshot);
        const reference = new ReferenceEvaluator(snapshot);
        const withoutAdmin = new ReferenceEvaluator({ ...snapshot, adminPolicies: [] });
        const explainer = new Explainer(snapshot);
        for (const [src, dst] of endpointPairs(snapshot.pods, someAddresses)) {
          const same = src.kind === 'pod' && dst.kind === 'pod' && src.pod === dst.pod;
          const explained = explainer.explain(src, dst).connections;
          for (const protocol of PROTOCOLS) {
            for (const port of SAMPLE_PORTS) {
              const t = { src, dst, protocol, port };
              const expected = reference.allowed(t);
              if (!expected && withoutAdmin.allowed(t)) deniedByAdmin++;
              if (matrix.isAllowed(t) !== expected || (!same && explained.has(protocol, port) !== expected)) {
                const name = (e: Endpoint) => (e.kind === 'pod' ? e.pod.id : String(e.addr));
                throw new Error(`disagree on ${name(src)} -> ${name(dst)} ${protocol}/${port}: reference says ${expected}, engine ${matrix.isAllowed(t)}, explainer ${explained.has(protocol, port)}`);
              }
              checked++;
            }
          }
        }
      }),
      { numRuns: process.env.STRYKER_MUTATOR_WORKER === undefined ? 800 : 150, seed: 20261124 },
    );
    expect(checked).toBeGreaterThan(100_000);
    expect(deniedByAdmin).toBeGreaterThan(1_000); // the tiers do change answers
  }, 240_000);
});
