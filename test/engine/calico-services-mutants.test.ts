import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Endpoint } from '../../src/engine/endpoint.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import type { CalicoRule } from '../../src/model/calico-policy.js';
import { PROTOCOLS } from '../../src/model/policy.js';
import { ConnectionSet } from '../../src/net/connection-set.js';
import { PortSet } from '../../src/net/port-set.js';
import { endpointPairs, sampleAddresses, SAMPLE_PORTS } from '../helpers/random-cluster.js';
import { randomCalicoSnapshot } from '../helpers/random-calico.js';

/**
 * The engine-against-reference comparison catches mistakes in the ports of a destination
 * `services` resolved to EndpointSlices (docs/calico.md, "Services"; felix/serviceindex/serviceindex.go
 * membersFromEndpointSlice at projectcalico/calico 87c15906f2: one member per address and numbered
 * port of the same slice; a slice without numbered ports gives a destination no member): each
 * mutant below replaces the engine's calicoRuleConnections (src/engine/calico-ports.ts; the
 * reference evaluator does not use it), and random clusters (test/helpers/random-calico.ts) must
 * show a connection where the mutated engine and the reference disagree.
 */
type Connections = (rule: CalicoRule, dstPorts: Parameters<typeof import('../../src/engine/calico-ports.js').calicoRuleConnections>[1], dstIn?: (addresses: readonly import('../../src/model/policy.js').Cidr[]) => boolean) => ConnectionSet;

const sliced = (rule: CalicoRule) => (rule.destination.services?.backend?.kind === 'slices' ? rule.destination.services.backend.slices : undefined);

const MUTANTS: Record<string, (real: Connections) => Connections> = {
  // Felix: a member pairs an address with the ports of its own slice only.
  'every slice\'s ports given to every address of the Service': (real) => (rule, dstPorts, dstIn) => real(rule, dstPorts, sliced(rule) && dstIn ? (addresses) => sliced(rule)!.some((s) => s.addresses.some((a) => dstIn([a]))) || dstIn(addresses) : dstIn),
  // Felix: `port` nil (or no ports) gives no member; not "all ports".
  'a slice without numbered ports opens every port of its addresses': (real) => (rule, dstPorts, dstIn) => {
    const slices = sliced(rule);
    const open = slices?.some((s) => s.ports.length === 0 && s.addresses.length > 0 && dstIn?.(s.addresses));
    return open ? ConnectionSet.of(Object.fromEntries(rule.protocols.map((p) => [p, PortSet.ALL]))) : real(rule, dstPorts, dstIn);
  },
};

const active: { mutant?: (real: Connections) => Connections } = {};
vi.mock('../../src/engine/calico-ports.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/engine/calico-ports.js')>();
  return { ...real, calicoRuleConnections: ((...args: Parameters<Connections>) => (active.mutant ? active.mutant(real.calicoRuleConnections) : real.calicoRuleConnections)(...args)) as typeof real.calicoRuleConnections };
});

const addresses = sampleAddresses()
  .filter((a) => a.family === 4)
  .slice(0, 3)
  .map((a): Endpoint => ({ kind: 'ip', ...a }));

/** How many connections of `runs` random clusters the engine and the reference disagree on. */
function disagreements(runs: number): number {
  let found = 0;
  fc.assert(
    fc.property(randomCalicoSnapshot, (snapshot) => {
      if (!snapshot.calico!.policies.some((p) => p.egress.some((r) => sliced(r)))) return;
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

describe('Calico services by EndpointSlices: port mutants are caught by the engine-vs-reference comparison', () => {
  it('the real ports agree with the reference', () => {
    active.mutant = undefined;
    expect(disagreements(400)).toBe(0);
  }, 120_000);

  it.each(Object.keys(MUTANTS))('mutant "%s" disagrees somewhere', (name) => {
    active.mutant = MUTANTS[name];
    try {
      expect(disagreements(400)).toBeGreaterThan(0);
    } finally {
      active.mutant = undefined;
    }
  }, 120_000);
});
