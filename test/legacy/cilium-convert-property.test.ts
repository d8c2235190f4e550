import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/engine/endpoint.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import { convertCilium } from '../../src/legacy/cilium-convert.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { MODELLED_ENTITIES, type CiliumPolicy } from '../../src/model/cilium-policy.js';
import { PROTOCOLS } from '../../src/model/policy.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { endpointPairs, sampleAddresses, SAMPLE_PORTS } from '../helpers/random-cluster.js';
import { randomCiliumSnapshot } from '../helpers/random-cilium.js';

/**
 * convertCilium on random clusters (test/helpers/random-cilium.ts), half of the Cilium rules cut
 * down to what NetworkPolicy can say (namespaced, allow rules only, modelled peers other than toServices, default deny
 * where there are rules; such clusters without plugin assumptions, host-network pods or admin
 * policies). Whenever it says "exact", the reference evaluator — not the engine
 * that convertCilium's proof uses — gives the same answer with the written NetworkPolicy in place
 * of the Cilium rule, on every pair, protocol and sample port; and the cut-down rules are all
 * exact (the translation itself is right).
 */
function expressible(p: CiliumPolicy): CiliumPolicy | undefined {
  const keys = [...Object.keys(p.endpointSelector.matchLabels), ...p.endpointSelector.matchExpressions.map((e) => e.key)];
  if (p.namespace === undefined || p.selectsNoPod || keys.some((k) => k.startsWith('io.'))) return undefined; // a podSelector has no namespace labels
  const rules = p.rules
    .filter((r) => !r.deny)
    .map((r) => (r.peers === 'any' ? r : { ...r, peers: r.peers.filter((x) => x.kind !== 'unmodelled' && x.kind !== 'service' && (x.kind !== 'entity' || (MODELLED_ENTITIES as readonly string[]).includes(x.entity))) }));
  const has = (d: 'ingress' | 'egress') => rules.some((r) => r.direction === d);
  if (!has('ingress') && !has('egress')) return undefined; // no default deny at all: no NetworkPolicy says that
  return { ...p, rules, defaultDeny: { ingress: has('ingress'), egress: has('egress') } };
}

const addresses = sampleAddresses().map((a): Endpoint => ({ kind: 'ip', ...a }));

describe('Cilium → NetworkPolicy: "exact" means the same connections', () => {
  it('on random clusters, checked with the reference evaluator', () => {
    let exact = 0;
    let expressibleCount = 0;
    let checked = 0;
    fc.assert(
      fc.property(randomCiliumSnapshot, fc.boolean(), fc.shuffledSubarray(addresses, { minLength: 3, maxLength: 3 }), (random, cut, someAddresses) => {
        const cilium = cut ? random.ciliumPolicies!.map((p) => expressible(p) ?? p) : random.ciliumPolicies!;
        // Cut down, the cluster also loses what makes NetworkPolicy plugin-dependent (docs/cni-profiles.md): plugin assumptions, host-network pods; and admin policies.
        const { assumptions: _a, adminPolicies: _b, ...plain } = random;
        const snapshot: Snapshot = cut ? { ...plain, pods: random.pods.map((pod) => ({ ...pod, hostNetwork: false })), ciliumPolicies: cilium } : { ...random, ciliumPolicies: cilium };
        const conversion = convertCilium(snapshot);
        expect(conversion.reloadProblems).toEqual([]);
        const before = new ReferenceEvaluator(snapshot);
        conversion.items.forEach((item, i) => {
          const p = cilium[i]!;
          const fits = cut && expressible(random.ciliumPolicies![i]!) !== undefined && !p.rules.some((r) => !p.defaultDeny[r.direction]);
          if (fits) {
            expressibleCount++;
            expect([item.policy, item.status, item.reasons, item.differences.slice(0, 3)]).toEqual([item.policy, 'exact', [], []]);
          }
          if (item.status !== 'exact') return;
          exact++;
          const np = loadTexts([{ file: 'np.yaml', text: item.text! }], { semantics: 'v1' }).declared.policies;
          const after = new ReferenceEvaluator({ ...snapshot, policies: [...snapshot.policies, ...np], ciliumPolicies: cilium.filter((q) => q !== p) });
          for (const [src, dst] of endpointPairs(snapshot.pods, someAddresses)) {
            for (const protocol of PROTOCOLS) {
              for (const port of SAMPLE_PORTS) {
                const t = { src, dst, protocol, port };
                checked++;
                if (before.allowed(t) !== after.allowed(t)) throw new Error(`${item.policy} said exact, but ${JSON.stringify({ protocol, port })} differs`);
              }
            }
          }
        });
      }),
      { numRuns: Number(process.env.CILIUM_RUNS ?? 250), seed: 20261130 },
    );
    expect(expressibleCount).toBeGreaterThan(20);
    expect(exact).toBeGreaterThan(50);
    expect(checked).toBeGreaterThan(50_000);
  }, 300_000);
});
