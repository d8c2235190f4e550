import { describe, expect, it, vi } from 'vitest';
import { calicoDisagreements } from '../helpers/calico-disagreements.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import type { CalicoRule } from '../../src/model/calico-policy.js';
import { ConnectionSet } from '../../src/net/connection-set.js';
import { PortSet } from '../../src/net/port-set.js';

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

/** Clusters where some egress rule's destination services come from EndpointSlices: the others cannot tell a mutant. */
const withSlices = (snapshot: Snapshot): boolean => snapshot.calico!.policies.some((p) => p.egress.some((r) => sliced(r) !== undefined));

describe('Calico services by EndpointSlices: port mutants are caught by the engine-vs-reference comparison', () => {
  it('the real ports agree with the reference', () => {
    active.mutant = undefined;
    expect(calicoDisagreements(400, withSlices)).toBe(0);
  }, 120_000);

  it.each(Object.keys(MUTANTS))('mutant "%s" disagrees somewhere', (name) => {
    active.mutant = MUTANTS[name];
    try {
      expect(calicoDisagreements(400, withSlices)).toBeGreaterThan(0);
    } finally {
      active.mutant = undefined;
    }
  }, 120_000);
});
