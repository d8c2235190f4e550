import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMatrix } from '../../src/engine/matrix.js';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import { ROOT } from '../helpers/run-cli.js';

/**
 * What the matrix reports as isolated (lint's unprotected-pods and egress-without-dns, the JSON
 * nodes, reports) counts Cilium's default deny too: Cilium docs, "Policy Enforcement Modes" —
 * an endpoint selected by a rule with ingress (or egress) is in default deny for that direction
 * unless enableDefaultDeny turns it off.
 */
describe('isolated, with Cilium policies (examples/cilium)', () => {
  const { snapshot } = loadSnapshot([join(ROOT, 'examples', 'cilium')]);
  const m = computeMatrix(snapshot);
  const classOf = (name: string): number => {
    const c = m.pods.classes.findIndex((k) => k.pods.some((p) => p.namespace === 'shop' && p.owner.name === name));
    expect(c).toBeGreaterThanOrEqual(0);
    return c;
  };

  it('pods a CiliumNetworkPolicy ingress rule selects are isolated for ingress', () => {
    expect(m.isolated.ingress.has(classOf('frontend'))).toBe(true);
    expect(m.isolated.ingress.has(classOf('api'))).toBe(true);
  });

  it('a clusterwide deny with enableDefaultDeny {ingress: false} isolates nothing by itself', () => {
    const sandbox = m.pods.classes.findIndex((c) => c.namespace === 'sandbox');
    expect(sandbox).toBeGreaterThanOrEqual(0);
    expect(m.isolated.ingress.has(sandbox)).toBe(false);
  });

  it('without the Cilium policies, the same pods are not isolated (NetworkPolicy does not select them)', () => {
    const bare = computeMatrix({ ...snapshot, ciliumPolicies: [] });
    expect(bare.isolated.ingress.has(classOf('frontend'))).toBe(false);
  });
});
