import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedPodIps, type PodIp } from '../../src/lint/sorted-pod-ips.js';
import type { Pod } from '../../src/model/snapshot.js';
import { normalize, type Interval } from '../../src/net/interval-set.js';

const pod = { id: 'a/p' } as Pod;
const ip = fc.record({ family: fc.constantFrom<4 | 6>(4, 6), value: fc.bigInt({ min: 0n, max: 40n }) }).map((x): PodIp => ({ pod, ip: `${x.family}:${x.value}`, ...x }));
const intervals = fc.array(fc.tuple(fc.bigInt({ min: 0n, max: 40n }), fc.bigInt({ min: 0n, max: 40n })).map(([a, b]): Interval<bigint> => (a <= b ? [a, b] : [b, a])), { maxLength: 4 }).map((xs) => normalize(xs));

describe('SortedPodIps', () => {
  it('counts the IPs inside intervals, and finds the first in snapshot order, as a scan does', () => {
    fc.assert(
      fc.property(fc.array(ip, { maxLength: 40 }), fc.constantFrom<4 | 6>(4, 6), intervals, (all, family, set) => {
        const scan = all.map((x, i) => [x, i] as const).filter(([x]) => x.family === family && set.some(([lo, hi]) => lo <= x.value && x.value <= hi));
        const got = new SortedPodIps(all).inside(family, set);
        expect(got).toEqual({ count: scan.length, first: scan.length ? scan[0]![1] : Infinity });
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['no IPs', [], 4, [[0n, 10n]], { count: 0, first: Infinity }],
    ['the same address twice, and in the other family', [[4, 5n], [4, 5n], [6, 5n]], 4, [[5n, 5n]], { count: 2, first: 0 }],
    ['two intervals, first in snapshot order sorts last', [[4, 9n], [4, 1n], [4, 5n]], 4, [[1n, 1n], [5n, 9n]], { count: 3, first: 0 }],
    ['IPv6 after an IPv4', [[6, 9n], [4, 1n], [6, 5n]], 6, [[5n, 5n]], { count: 1, first: 2 }],
  ] as const)('%s', (_t, ips, family, set, expected) => {
    const all = ips.map(([f, v]): PodIp => ({ pod, ip: String(v), family: f, value: v }));
    expect(new SortedPodIps(all).inside(family, set)).toEqual(expected);
  });
});
