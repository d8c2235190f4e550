import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/engine/endpoint.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import { Explainer } from '../../src/explain/explain.js';
import { PROTOCOLS } from '../../src/model/policy.js';
import { endpointPairs, sampleAddresses, SAMPLE_PORTS } from '../helpers/random-cluster.js';
import { randomCiliumSnapshot } from '../helpers/random-cilium.js';

/**
 * With Cilium policies mixed into NetworkPolicies (and sometimes admin network policies), the
 * bitset engine (compile-cilium.ts over whole connection sets) and the explainer behind `can`
 * must agree with the reference evaluator (cilium-reference.ts: one connection at a time, from
 * Cilium's documentation) on every pair, protocol and sample port; toServices peers resolved to Services' pods included.
 */
describe('Cilium: bitset engine and explainer agree with the reference evaluator', () => {
  const addresses = sampleAddresses().map((a): Endpoint => ({ kind: 'ip', ...a }));

  it('on random clusters with NetworkPolicies and Cilium policies', () => {
    let checked = 0;
    let changedByCilium = 0;
    let deniedByDenyRule = 0;
    let decidedByService = 0;
    fc.assert(
      fc.property(randomCiliumSnapshot, fc.shuffledSubarray(addresses, { minLength: 4, maxLength: 4 }), (snapshot, someAddresses) => {
        const matrix = computeMatrix(snapshot);
        const reference = new ReferenceEvaluator(snapshot);
        const withoutCilium = new ReferenceEvaluator({ ...snapshot, ciliumPolicies: [] });
        const withoutDenies = new ReferenceEvaluator({ ...snapshot, ciliumPolicies: snapshot.ciliumPolicies!.map((p) => ({ ...p, rules: p.rules.filter((r) => !r.deny) })) });
        const hasServicePeers = snapshot.ciliumPolicies!.some((p) => p.rules.some((r) => r.peers !== 'any' && r.peers.some((x) => x.kind === 'service')));
        const withoutServices = hasServicePeers
          ? new ReferenceEvaluator({ ...snapshot, ciliumPolicies: snapshot.ciliumPolicies!.map((p) => ({ ...p, rules: p.rules.map((r) => (r.peers === 'any' ? r : { ...r, peers: r.peers.filter((x) => x.kind !== 'service') })) })) })
          : reference;
        const explainer = new Explainer(snapshot);
        for (const [src, dst] of endpointPairs(snapshot.pods, someAddresses)) {
          const same = src.kind === 'pod' && dst.kind === 'pod' && src.pod === dst.pod;
          const explained = explainer.explain(src, dst).connections;
          for (const protocol of PROTOCOLS) {
            for (const port of SAMPLE_PORTS) {
              const t = { src, dst, protocol, port };
              const expected = reference.allowed(t);
              if (expected !== withoutCilium.allowed(t)) changedByCilium++;
              if (!expected && withoutDenies.allowed(t)) deniedByDenyRule++;
              if (hasServicePeers && expected !== withoutServices.allowed(t)) decidedByService++;
              if (matrix.isAllowed(t) !== expected || (!same && explained.has(protocol, port) !== expected)) {
                const name = (e: Endpoint) => (e.kind === 'pod' ? e.pod.id : String(e.addr));
                throw new Error(`disagree on ${name(src)} -> ${name(dst)} ${protocol}/${port}: reference says ${expected}, engine ${matrix.isAllowed(t)}, explainer ${explained.has(protocol, port)}`);
              }
              checked++;
            }
          }
        }
      }),
      { numRuns: Number(process.env.CILIUM_RUNS ?? (process.env.STRYKER_MUTATOR_WORKER === undefined ? 500 : 100)), seed: 20261130 },
    );
    expect(checked).toBeGreaterThan(100_000);
    expect(changedByCilium).toBeGreaterThan(5_000); // Cilium's policies do change answers
    expect(deniedByDenyRule).toBeGreaterThan(1_000); // and deny rules among them
    expect(decidedByService).toBeGreaterThan(500); // and toServices peers (the pods of Services)
  }, 300_000);
});
