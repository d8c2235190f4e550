import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { SetAlgebra } from '../../src/engine/admin-tiers.js';
import type { Endpoint } from '../../src/engine/endpoint.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import { PROTOCOLS } from '../../src/model/policy.js';
import { endpointPairs, sampleAddresses, SAMPLE_PORTS } from '../helpers/random-cluster.js';
import { randomCiliumSnapshot } from '../helpers/random-cilium.js';

/**
 * The engine-against-reference comparison (cilium-vs-reference.test.ts) catches mistakes in the
 * precedence rules of docs/cilium.md (Evaluation 1–3): each mutant below replaces the engine's
 * combineCilium (src/engine/cilium-combine.ts; the reference evaluator does not use it), and the
 * same random clusters must show a connection where the mutated engine and the reference disagree.
 */
type Combine = <T>(alg: SetAlgebra<T>, defaultDeny: boolean, networkPolicy: T | null, allows: readonly T[], denies: readonly T[]) => T;

const MUTANTS: Record<string, Combine> = {
  // "Deny policies take precedence over allow policies": here allows are added after the denies.
  'allow beats deny': (alg, defaultDeny, np, allows, denies) => {
    let r = defaultDeny || np !== null ? (np ?? alg.none) : alg.all;
    for (const d of denies) r = alg.subtract(r, d);
    for (const a of allows) r = alg.union(r, a);
    return r;
  },
  // Deny rules applied only in default deny (a deny-only guardrail with enableDefaultDeny false would do nothing).
  'deny only in default deny': (alg, defaultDeny, np, allows, denies) => {
    if (!(defaultDeny || np !== null)) return alg.all;
    let r = np ?? alg.none;
    for (const a of allows) r = alg.union(r, a);
    for (const d of denies) r = alg.subtract(r, d);
    return r;
  },
  // "Cilium turns NetworkPolicy into its own rules": here NetworkPolicy's allows are dropped once Cilium has a say.
  'NetworkPolicy allows dropped': (alg, defaultDeny, np, allows, denies) => {
    let r = defaultDeny || np !== null ? alg.none : alg.all;
    for (const a of allows) r = alg.union(r, a);
    for (const d of denies) r = alg.subtract(r, d);
    return r;
  },
  // Default deny only from Cilium's own rules: a NetworkPolicy's isolation ignored.
  'NetworkPolicy isolation ignored': (alg, defaultDeny, np, allows, denies) => {
    let r = defaultDeny ? (np ?? alg.none) : alg.all;
    for (const a of allows) r = alg.union(r, a);
    for (const d of denies) r = alg.subtract(r, d);
    return r;
  },
};

const active: { mutant?: Combine } = {};
vi.mock('../../src/engine/cilium-combine.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/cilium-combine.js')>();
  return { combineCilium: ((...args: Parameters<Combine>) => (active.mutant ?? real.combineCilium)(...args)) as typeof real.combineCilium };
});

const addresses = sampleAddresses().map((a): Endpoint => ({ kind: 'ip', ...a }));

/** How many connections of `runs` random clusters the engine and the reference disagree on. */
function disagreements(runs: number): number {
  let found = 0;
  fc.assert(
    fc.property(randomCiliumSnapshot, (snapshot) => {
      const matrix = computeMatrix(snapshot);
      const reference = new ReferenceEvaluator(snapshot);
      for (const [src, dst] of endpointPairs(snapshot.pods, addresses.slice(0, 4))) {
        for (const protocol of PROTOCOLS) for (const port of SAMPLE_PORTS) if (matrix.isAllowed({ src, dst, protocol, port }) !== reference.allowed({ src, dst, protocol, port })) found++;
      }
    }),
    { numRuns: runs, seed: 20261130 },
  );
  return found;
}

describe('Cilium precedence mutants are caught by the engine-vs-reference comparison', () => {
  it('the real combine agrees with the reference', () => {
    active.mutant = undefined;
    expect(disagreements(60)).toBe(0);
  }, 120_000);

  it.each(Object.keys(MUTANTS))('mutant "%s" disagrees somewhere', (name) => {
    active.mutant = MUTANTS[name];
    try {
      expect(disagreements(60)).toBeGreaterThan(0);
    } finally {
      active.mutant = undefined;
    }
  }, 120_000);
});
