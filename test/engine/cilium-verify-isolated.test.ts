import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import { checkExpectations } from '../../src/verify/check.js';
import type { Expectation } from '../../src/verify/expectations.js';
import { ROOT } from '../helpers/run-cli.js';

/**
 * verify's `isolated` expectations count Cilium's default deny (Cilium docs, "Policy
 * Enforcement Modes": an endpoint selected by a rule with ingress is in ingress default deny),
 * not only NetworkPolicy's: on examples/cilium, no NetworkPolicy selects the shop's frontend.
 */
const { snapshot } = loadSnapshot([join(ROOT, 'examples', 'cilium')]);
const isolated = (pods: string, direction: 'ingress' | 'egress'): Expectation => ({ kind: 'isolated', name: `${pods} ${direction}`, pods, direction, source: { file: 'e.yaml', doc: 0, line: 1, col: 1 } });

describe('verify isolated, with Cilium policies', () => {
  it('a pod a CiliumNetworkPolicy ingress rule selects is isolated for ingress', () => {
    const [r] = checkExpectations(snapshot, [isolated('shop/frontend', 'ingress')]);
    expect(r!.problems).toEqual([]);
    expect(r!.passed).toBe(true);
  });

  it('a pod no policy puts in default deny is not, and the problem says Cilium was looked at too', () => {
    const [r] = checkExpectations(snapshot, [isolated('sandbox/experiment', 'ingress')]);
    expect(r!.passed).toBe(false);
    expect(r!.problems.join('\n')).toContain('no NetworkPolicy selects it for ingress and no Cilium policy puts it in default deny');
  });
});
