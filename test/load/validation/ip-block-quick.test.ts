import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainIPv4BlockValid } from '../../../src/load/validation/ip-block-quick.js';
import { validateIPBlock } from '../../../src/load/validation/ip-block.js';

/**
 * The quick ipBlock look (src/load/validation/ip-block-quick.ts) may say "valid" only where
 * validateIPBlock (the transcription of Kubernetes 1.32 ValidateIPBlock) finds nothing, and
 * must say it for the canonical IPv4 blocks it was made for.
 */
const octet = fc.oneof(fc.integer({ min: 0, max: 255 }).map(String), fc.constantFrom('256', '00', '010', '-1', ''));
const prefix = fc.oneof(fc.integer({ min: 0, max: 32 }).map(String), fc.constantFrom('33', '08', '', '+8', '0032'));
const ipv4Cidr = fc.tuple(octet, octet, octet, octet, prefix).map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}/${p}`);
const near = (base: string) => fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 32 })).map(([x, p]) => `${base}.${x}.0/${p}`);
const cidrText = fc.oneof(ipv4Cidr, near('10.1'), fc.constantFrom('10.0.0.0/8', '0.0.0.0/0', '::/0', '2001:db8::/64', '::ffff:10.0.0.0/104', '10.0.0.0', 'x'));

describe('plainIPv4BlockValid', () => {
  it('says valid only where validateIPBlock finds nothing (random blocks near the edges)', () => {
    let valid = 0;
    fc.assert(
      fc.property(cidrText, fc.option(fc.array(cidrText, { maxLength: 3 }), { nil: undefined }), (cidr, except) => {
        if (!plainIPv4BlockValid(cidr, except)) return;
        valid++;
        expect(validateIPBlock(except ? { cidr, except } : { cidr }, ['ipBlock'])).toEqual([]);
      }),
      { numRuns: 30_000, seed: 16 },
    );
    expect(valid).toBeGreaterThan(1000);
  });

  // Kubernetes 1.32 ValidateIPBlock: except must be a strict subset of cidr (contained, longer prefix).
  it.each([
    ['10.0.0.0/8', undefined, true],
    ['10.1.2.3/8', undefined, true], // host bits: accepted (ParseCIDRSloppy masks them)
    ['0.0.0.0/0', ['10.0.0.0/8', '192.168.0.0/16'], true],
    ['10.0.0.0/8', ['10.1.0.0/16'], true],
    ['10.0.0.0/8', ['10.0.0.0/8'], false], // same prefix: not a strict subset
    ['10.0.0.0/8', ['10.0.0.0/7'], false],
    ['10.0.0.0/8', ['11.0.0.0/16'], false],
    ['10.0.0.0/9', ['10.128.0.0/16'], false], // outside the lower half
    ['010.0.0.0/8', undefined, false], // leading zero: left to the full check (which accepts it)
    ['2001:db8::/64', undefined, false], // IPv6: the full check
  ])('%s except %j → %s', (cidr, except, expected) => {
    expect(plainIPv4BlockValid(cidr, except)).toBe(expected);
    if (expected) expect(validateIPBlock({ cidr, ...(except ? { except } : {}) }, ['ipBlock'])).toEqual([]);
  });
});
