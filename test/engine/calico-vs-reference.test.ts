import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/engine/endpoint.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import { Explainer } from '../../src/explain/explain.js';
import type { CalicoRule } from '../../src/model/calico-policy.js';
import { PROTOCOLS } from '../../src/model/policy.js';
import { endpointPairs, sampleAddresses, SAMPLE_PORTS } from '../helpers/random-cluster.js';
import { randomCalicoSnapshot } from '../helpers/random-calico.js';

/**
 * With Calico policies mixed into NetworkPolicies and admin network policies, the bitset engine
 * (compile-calico.ts: ordered first-match over whole connection sets) and the explainer behind
 * `can` (calico-explain.ts) must agree with the
 * reference evaluator (calico-reference.ts: one connection at a time, from Calico's
 * documentation) on every pair, protocol and sample port.
 */
describe('Calico: bitset engine and explainer agree with the reference evaluator', () => {
  const addresses = sampleAddresses().filter((a) => a.family === 4).map((a): Endpoint => ({ kind: 'ip', ...a }));
  const addresses6 = sampleAddresses().filter((a) => a.family === 6).map((a): Endpoint => ({ kind: 'ip', ...a }));

  it('on random clusters with NetworkPolicies, admin network policies and Calico policies in tiers', () => {
    let checked = 0;
    let changedByCalico = 0;
    let deniedByDeny = 0;
    let passed = 0;
    let byAccountLabels = 0;
    let byServices = 0;
    let bySlices = 0;
    let byIpVersion = 0;
    fc.assert(
      fc.property(randomCalicoSnapshot, fc.shuffledSubarray(addresses, { minLength: 3, maxLength: 3 }), fc.constantFrom(...addresses6), (snapshot, some4, one6) => {
        const someAddresses = [...some4, one6];
        const matrix = computeMatrix(snapshot);
        const reference = new ReferenceEvaluator(snapshot);
        const withoutCalico = new ReferenceEvaluator({ ...snapshot, calico: { ...snapshot.calico!, policies: [] } });
        const strip = (action: string) => new ReferenceEvaluator({ ...snapshot, calico: { ...snapshot.calico!, policies: snapshot.calico!.policies.map((p) => ({ ...p, ingress: p.ingress.filter((r) => r.action !== action), egress: p.egress.filter((r) => r.action !== action) })) } });
        const withoutDeny = strip('Deny');
        const withoutPass = strip('Pass');
        const withoutAccounts = new ReferenceEvaluator({ ...snapshot, serviceAccounts: [] });
        const withoutIpVersion = new ReferenceEvaluator({ ...snapshot, calico: { ...snapshot.calico!, policies: snapshot.calico!.policies.map((p) => ({ ...p, ingress: p.ingress.map(({ ipVersion: _, ...r }) => r), egress: p.egress.map(({ ipVersion: _, ...r }) => r) })) } });
        const withoutServices = new ReferenceEvaluator({ ...snapshot, calico: { ...snapshot.calico!, policies: snapshot.calico!.policies.map((p) => ({ ...p, ingress: p.ingress.filter((r) => !r.source.services), egress: p.egress.filter((r) => !r.destination.services) })) } });
        const sliced = (r: CalicoRule) => (r.direction === 'ingress' ? r.source : r.destination).services?.backend?.kind === 'slices';
        const withoutSlices = new ReferenceEvaluator({ ...snapshot, calico: { ...snapshot.calico!, policies: snapshot.calico!.policies.map((p) => ({ ...p, ingress: p.ingress.filter((r) => !sliced(r)), egress: p.egress.filter((r) => !sliced(r)) })) } });
        const explainer = new Explainer(snapshot);
        for (const [src, dst] of endpointPairs(snapshot.pods, someAddresses)) {
          const same = src.kind === 'pod' && dst.kind === 'pod' && src.pod === dst.pod;
          const explained = explainer.explain(src, dst).connections;
          for (const protocol of PROTOCOLS) {
            for (const port of SAMPLE_PORTS) {
              const t = { src, dst, protocol, port };
              const expected = reference.allowed(t);
              if (expected !== withoutCalico.allowed(t)) changedByCalico++;
              if (!expected && withoutDeny.allowed(t)) deniedByDeny++;
              if (expected !== withoutPass.allowed(t)) passed++;
              if (expected !== withoutAccounts.allowed(t)) byAccountLabels++;
              if (expected !== withoutServices.allowed(t)) byServices++;
              if (expected !== withoutSlices.allowed(t)) bySlices++;
              if (expected !== withoutIpVersion.allowed(t)) byIpVersion++;
              if (matrix.isAllowed(t) !== expected || (!same && explained.has(protocol, port) !== expected)) {
                const name = (e: Endpoint) => (e.kind === 'pod' ? e.pod.id : String(e.addr));
                throw new Error(`disagree on ${name(src)} -> ${name(dst)} ${protocol}/${port}: reference says ${expected}, engine ${matrix.isAllowed(t)}, explainer ${explained.has(protocol, port)}`);
              }
              checked++;
            }
          }
        }
      }),
      { numRuns: Number(process.env.CALICO_RUNS ?? 120), seed: 20261130 },
    );
    expect(checked).toBeGreaterThan(100_000);
    expect(changedByCalico).toBeGreaterThan(5_000); // Calico's policies do change answers
    expect(deniedByDeny).toBeGreaterThan(1_000); // Deny rules among them
    expect(passed).toBeGreaterThan(500); // and Pass rules
    expect(byAccountLabels).toBeGreaterThan(1_000); // and ServiceAccount labels (serviceAccountSelector, serviceAccounts.selector)
    expect(byServices).toBeGreaterThan(300); // and rules matching a Service's endpoints (services)
    expect(bySlices).toBeGreaterThan(200); // and among them Services without selector, by their EndpointSlices' addresses
    expect(byIpVersion).toBeGreaterThan(500); // and ipVersion
  }, 300_000);
});
