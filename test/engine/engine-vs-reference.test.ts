import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/engine/endpoint.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import { Explainer } from '../../src/explain/explain.js';
import { PROTOCOLS } from '../../src/model/policy.js';
import { PLUGIN_ASSUMPTIONS } from '../../src/model/cni.js';
import { randomSnapshot, endpointPairs, pluginAssumptions, sampleAddresses, SAMPLE_PORTS } from '../helpers/random-cluster.js';

/**
 * The bitset engine must agree with the per-pair reference evaluator on every pod pair, every
 * pod/address pair around every CIDR boundary, every protocol and ports around every boundary.
 */
describe('bitset engine and explainer agree with the reference evaluator', () => {
  const addresses = sampleAddresses().map((a): Endpoint => ({ kind: 'ip', ...a }));

  it('on thousands of random clusters', () => {
    let checked = 0;
    fc.assert(
      fc.property(randomSnapshot, fc.option(pluginAssumptions, { nil: undefined }), fc.shuffledSubarray(addresses, { minLength: 6, maxLength: 6 }), (cluster, assumptions, someAddresses) => {
        // Under each plugin behaviour (ipBlock over pod IPs, hostNetwork pods), and the default.
        const snapshot = assumptions ? { ...cluster, assumptions } : cluster;
        const matrix = computeMatrix(snapshot);
        const reference = new ReferenceEvaluator(snapshot);
        const explainer = new Explainer(snapshot);
        for (const [src, dst] of endpointPairs(snapshot.pods, someAddresses)) {
          const same = src.kind === 'pod' && dst.kind === 'pod' && src.pod === dst.pod;
          const conns = matrix.connections(matrix.entityOf(src), matrix.entityOf(dst));
          const explained = explainer.explain(src, dst).connections;
          for (const protocol of PROTOCOLS) {
            for (const port of SAMPLE_PORTS) {
              const t = { src, dst, protocol, port };
              const expected = reference.allowed(t);
              if ((same || conns.has(protocol, port)) !== expected || matrix.isAllowed(t) !== expected || explained.has(protocol, port) !== expected) {
                throw new Error(`disagree on ${describeEndpoint(src)} -> ${describeEndpoint(dst)} ${protocol}/${port}: reference says ${expected}`);
              }
              checked++;
            }
          }
        }
      }),
      // Under mutation testing every surviving mutant reruns this test: fewer runs there.
      { numRuns: process.env.STRYKER_MUTATOR_WORKER === undefined ? 2000 : 300, seed: 20261124 },
    );
    expect(checked).toBeGreaterThan(process.env.STRYKER_MUTATOR_WORKER === undefined ? 500_000 : 50_000);
  }, 240_000);
});

function describeEndpoint(e: Endpoint): string {
  return e.kind === 'pod' ? e.pod.id : `${e.addr}(v${e.family})`;
}

describe('the plugin behaviours are exercised', () => {
  it('ipBlock over pod IPs and hostNetwork pods decide some pairs of the random clusters', () => {
    const calico = { ...PLUGIN_ASSUMPTIONS.calico, profiles: ['calico' as const] };
    const cilium = { ...PLUGIN_ASSUMPTIONS.cilium, profiles: ['cilium' as const] };
    const hostAsPod = { ...PLUGIN_ASSUMPTIONS.calico, hostNetwork: 'pod' as const, profiles: [] };
    let ipBlockDecides = 0;
    let hostNetworkDecides = 0;
    fc.assert(
      fc.property(randomSnapshot, (s) => {
        const [a, b, c] = [calico, cilium, hostAsPod].map((assumptions) => new ReferenceEvaluator({ ...s, assumptions }));
        for (const src of s.pods) {
          for (const dst of s.pods) {
            if (src === dst) continue;
            const t = { src: { kind: 'pod' as const, pod: src }, dst: { kind: 'pod' as const, pod: dst }, protocol: 'TCP' as const, port: 80 };
            if (a!.allowed(t) !== b!.allowed(t)) ipBlockDecides++;
            if (a!.allowed(t) !== c!.allowed(t)) hostNetworkDecides++;
          }
        }
      }),
      { numRuns: 500, seed: 20261130 },
    );
    expect(ipBlockDecides).toBeGreaterThan(50);
    expect(hostNetworkDecides).toBeGreaterThan(50);
  });
});
