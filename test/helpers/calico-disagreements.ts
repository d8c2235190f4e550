import fc from 'fast-check';
import type { Endpoint } from '../../src/engine/endpoint.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import { PROTOCOLS } from '../../src/model/policy.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { endpointPairs, sampleAddresses, SAMPLE_PORTS } from './random-cluster.js';
import { randomCalicoSnapshot } from './random-calico.js';

const addresses = sampleAddresses()
  .filter((a) => a.family === 4)
  .slice(0, 3)
  .map((a): Endpoint => ({ kind: 'ip', ...a }));

/**
 * How many connections of `runs` random Calico clusters (those `wanted`, seeded) the engine and
 * the reference evaluator disagree on: the measure of the mutant tests, which mock a part of the
 * engine (vi.mock in the test file) and expect 0 for the real one, more for each mutant.
 */
export function calicoDisagreements(runs: number, wanted: (s: Snapshot) => boolean = () => true): number {
  let found = 0;
  fc.assert(
    fc.property(randomCalicoSnapshot, (snapshot) => {
      if (!wanted(snapshot)) return;
      const matrix = computeMatrix(snapshot);
      const reference = new ReferenceEvaluator(snapshot);
      for (const [src, dst] of endpointPairs(snapshot.pods, addresses)) {
        for (const protocol of PROTOCOLS) for (const port of SAMPLE_PORTS) if (matrix.isAllowed({ src, dst, protocol, port }) !== reference.allowed({ src, dst, protocol, port })) found++;
      }
    }),
    { numRuns: runs, seed: 20261130 },
  );
  return found;
}
