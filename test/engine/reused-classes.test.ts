import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMatrix, type ReachabilityMatrix } from '../../src/engine/matrix.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { pluginAssumptions, randomAdminSnapshot, randomSnapshot } from '../helpers/random-cluster.js';

/**
 * computeMatrix(variant, pool, progress, like) takes the pod classes of `like` when the variant
 * has the same pods, namespaces and external blocks (src/engine/matrix.ts; lint's
 * redundant-rule): the matrix must be the one computed from scratch, pair by pair.
 */
function same(a: ReachabilityMatrix, b: ReachabilityMatrix, snapshot: Snapshot): void {
  expect(a.universe.size).toBe(b.universe.size);
  for (const src of snapshot.pods) {
    for (const dst of snapshot.pods) {
      const s = a.entityOf({ kind: 'pod', pod: src });
      const d = a.entityOf({ kind: 'pod', pod: dst });
      expect(a.connections(s, d).toString()).toBe(b.connections(b.entityOf({ kind: 'pod', pod: src }), b.entityOf({ kind: 'pod', pod: dst })).toString());
    }
  }
  for (let x = 0; x < a.blocks.length; x++) {
    for (const pod of snapshot.pods) {
      const p = a.entityOf({ kind: 'pod', pod });
      const q = b.entityOf({ kind: 'pod', pod });
      expect(a.connections(p, a.blockEntity(x)).toString()).toBe(b.connections(q, b.blockEntity(x)).toString());
      expect(a.connections(a.blockEntity(x), p).toString()).toBe(b.connections(b.blockEntity(x), q).toString());
    }
  }
}

describe('a variant of a snapshot computed with the pod classes of the original', () => {
  it('equals the variant computed from scratch (one policy removed, or one rule of it)', () => {
    fc.assert(
      fc.property(fc.oneof(randomSnapshot, randomAdminSnapshot), pluginAssumptions, fc.nat(), fc.boolean(), (plain, assumptions, pick, dropRule) => {
        // Under plugin assumptions where ipBlocks select pods, a class's blocks decide what it is.
        const snapshot: Snapshot = { ...plain, assumptions };
        if (snapshot.policies.length === 0) return;
        const base = computeMatrix(snapshot);
        const target = snapshot.policies[pick % snapshot.policies.length]!;
        const trimmed = { ...target, ingress: target.ingress.slice(1) };
        const variant: Snapshot = { ...snapshot, policies: snapshot.policies.flatMap((p) => (p !== target ? [p] : dropRule ? [trimmed] : [])) };
        const reused = computeMatrix(variant, base.pool, undefined, base);
        const fresh = computeMatrix(variant);
        same(reused, fresh, variant);
      }),
      { numRuns: 500 },
    );
  });

  it('takes the classes when pods, namespaces and blocks are the same, and not when the pods differ', () => {
    fc.assert(
      fc.property(randomSnapshot, (snapshot) => {
        const base = computeMatrix(snapshot);
        const variant: Snapshot = { ...snapshot, policies: [...snapshot.policies] };
        expect(computeMatrix(variant, base.pool, undefined, base).universe.pods).toBe(base.universe.pods);
        expect(computeMatrix({ ...variant, pods: [...snapshot.pods] }, base.pool, undefined, base).universe.pods).not.toBe(base.universe.pods);
      }),
      { numRuns: 50 },
    );
  });
});
