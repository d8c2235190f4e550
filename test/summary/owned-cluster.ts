import fc from 'fast-check';
import type { Snapshot } from '../../src/model/snapshot.js';
import { randomAdminSnapshot, randomSnapshot } from '../helpers/random-cluster.js';

/**
 * Random clusters whose pods are often grouped into workloads (0: a bare pod, else Deployment
 * `d<k>` of its namespace), so that a workload may hold pods of different classes.
 */
export const ownedSnapshot: fc.Arbitrary<Snapshot> = fc
  .tuple(fc.oneof({ weight: 3, arbitrary: randomSnapshot }, { weight: 1, arbitrary: randomAdminSnapshot }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 8, maxLength: 8 }))
  .map(([s, owners]) => ({
    ...s,
    pods: s.pods.map((p, i) => (owners[i] ? { ...p, owner: { kind: 'Deployment', name: `d${owners[i]}` } } : p)),
  }));
