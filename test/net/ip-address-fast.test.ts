import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { bytesToBigint, formatIp, parseIp } from '../../src/net/ip-address.js';

/**
 * parseIp and formatIp read and write plain IPv4 without ipaddr.js (src/net/ip-address.ts): they
 * must agree with what ipaddr.js makes of the same text — isValidFourPartDecimal for what is an
 * address, parse and toString for its value — on addresses and on near misses.
 */
const viaIpaddr = (t: string) => {
  const s = t.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(s) && ipaddr.IPv4.isValidFourPartDecimal(s)) return { family: 4, value: bytesToBigint(ipaddr.IPv4.parse(s).toByteArray()) };
  if (s.includes(':') && ipaddr.IPv6.isValid(s)) return { family: 6, value: bytesToBigint(ipaddr.IPv6.parse(s).toByteArray()) };
  return undefined;
};
const part = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.integer({ min: 0, max: 999 }).map(String), fc.constantFrom('00', '01', '007', '256', '1000', '', 'a', '-1', '+1', ' 1', '0x1'));
const dotted = fc.tuple(part, part, part, part, fc.constantFrom('', ' ', '\n', '.', '.0')).map(([a, b, c, d, tail]) => `${a}.${b}.${c}.${d}${tail}`);

describe('plain IPv4 without ipaddr.js', () => {
  it('parseIp accepts and values what ipaddr.js does', () => {
    fc.assert(
      fc.property(fc.oneof(dotted, fc.ipV4(), fc.ipV6(), fc.string()), (t) => {
        expect(parseIp(t)).toEqual(viaIpaddr(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('formatIp writes what ipaddr.js writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => {
        const bytes = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
        expect(formatIp(4, BigInt(n))).toBe(ipaddr.fromByteArray(bytes).toString());
      }),
      { numRuns: 5000 },
    );
  });
});
