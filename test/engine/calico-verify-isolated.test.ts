import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import { checkExpectations } from '../../src/verify/check.js';
import type { Expectation } from '../../src/verify/expectations.js';
import { ROOT } from '../helpers/run-cli.js';

/**
 * verify's `isolated` expectations count Calico's default deny (Calico's "Get started with policy
 * tiers": "If the tier applies to the endpoint but no action is taken on the packet, the packet is
 * dropped"): on examples/calico, no Kubernetes NetworkPolicy selects the database, but the
 * GlobalNetworkPolicy shop-default-deny (default tier, default action Deny) does.
 */
const { snapshot } = loadSnapshot([join(ROOT, 'examples', 'calico')]);
const isolated = (pods: string, direction: 'ingress' | 'egress'): Expectation => ({ kind: 'isolated', name: `${pods} ${direction}`, pods, direction, source: { file: 'e.yaml', doc: 0, line: 1, col: 1 } });

describe('verify isolated, with Calico policies', () => {
  it('a tier that ends in a Pass of everything does not isolate (security.block-blocklist selects every pod for ingress)', () => {
    const [r] = checkExpectations(snapshot, [isolated('monitoring/prometheus', 'ingress')]);
    expect(r!.passed).toBe(false);
    const [db] = checkExpectations(snapshot, [isolated('shop/db', 'ingress')]);
    expect(db!.passed).toBe(true);
  });

  it('a pod a Calico policy selects in a tier whose default action is Deny is isolated', () => {
    const [r] = checkExpectations(snapshot, [isolated('shop/db', 'egress')]);
    expect(r!.problems).toEqual([]);
  });

  it('a pod that only a Pass-through policy selects is not, and the problem says Calico was looked at too', () => {
    const [r] = checkExpectations(snapshot, [isolated('monitoring/prometheus', 'egress')]);
    expect(r!.passed).toBe(false);
    expect(r!.problems.join('\n')).toContain('and no Calico policy selects it in a tier whose default action is Deny');
  });
});
