import { describe, expect, it } from 'vitest';
import { ipNetContains, parseCidrSloppy } from '../../../src/load/validation/cidr.js';
import { parseCidr } from '../../../src/net/cidr.js';

const T = 'apimachinery validation_test.go TestIsValidCIDR';
const F = 'k8s.io/utils forked/golang/net ip.go ParseCIDR';

describe('ParseCIDRSloppy (k8s.io/utils/net, used by IsValidCIDR in 1.32)', () => {
  it.each([
    { text: '1.0.0.0/8', family: 4, network: [1, 0, 0, 0], prefix: 8, source: T },
    { text: '0.0.0.0/0', family: 4, network: [0, 0, 0, 0], prefix: 0, source: T },
    { text: '1.1.1.1/32', family: 4, network: [1, 1, 1, 1], prefix: 32, source: T },
    { text: '1.1.01.0/24', family: 4, network: [1, 1, 1, 0], prefix: 24, source: `${T} (leading 0s accepted)` },
    { text: '010.000.008.009/32', family: 4, network: [10, 0, 8, 9], prefix: 32, source: `${F} dtoi: leading zeros read as DECIMAL (not octal)` },
    { text: '0000000000010.0.0.0/8', family: 4, network: [10, 0, 0, 0], prefix: 8, source: `${F} dtoi: any number of leading zeros` },
    { text: '1.2.3.4/24', family: 4, network: [1, 2, 3, 0], prefix: 24, source: `${T} (bits past the prefix accepted, cleared in the network)` },
    { text: '192.168.0.0/016', family: 4, network: [192, 168, 0, 0], prefix: 16, source: `${T} (prefix with leading 0s)` },
    { text: '10.0.0.0/0008', family: 4, network: [10, 0, 0, 0], prefix: 8, source: F },
  ])('IPv4 $text → $network/$prefix ($source)', ({ text, family, network, prefix }) => {
    expect(parseCidrSloppy(text)).toMatchObject({ family, network, prefix });
  });

  it.each([
    { text: '2001:4860:4860::/48', prefix: 48, source: T },
    { text: '::/0', prefix: 0, source: T },
    { text: '::1/128', prefix: 128, source: T },
    { text: '2a00:79e0:2:0::/64', prefix: 64, source: `${T} (non-canonical)` },
    { text: '2001:DB8::/64', prefix: 64, source: `${T} (capital letters)` },
    { text: '::ffff:1.1.1.0/24', prefix: 24, source: `${T} (IPv4-in-IPv6, IPv4-sized prefix: an IPv6 /24)` },
    { text: '::ffff:1.1.1.0/120', prefix: 120, source: `${T} (IPv4-in-IPv6, IPv6-sized prefix)` },
    { text: '2001:db8::1/64', prefix: 64, source: `${T} (bits past the prefix)` },
    { text: '1:2:3:4:5:6:1.2.3.4/128', prefix: 128, source: `${F} parseIPv6: IPv4 tail as the last 32 bits` },
    { text: '::1.2.3.4/128', prefix: 128, source: `${F} parseIPv6: IPv4 tail after ::` },
    { text: '00000001::/64', prefix: 64, source: `${F} xtoi: more than 4 hex digits when the value fits 16 bits` },
    { text: '1::/16', prefix: 16, source: F },
    { text: '1:2:3:4:5:6:7::/112', prefix: 112, source: `${F} parseIPv6: :: at the end for one group` },
  ])('IPv6 $text → /$prefix ($source)', ({ text, prefix }) => {
    expect(parseCidrSloppy(text)).toMatchObject({ family: 6, prefix });
  });

  it.each([
    { text: '', source: T }, { text: 'aaaaaaa', source: T }, { text: '1.2.3.4', source: T },
    { text: '192.168.0.1/healthz', source: T }, { text: '192.168.0.1/0/99', source: T },
    { text: '192.168.0.0/-16', source: T }, { text: '192.168.0.0/+16', source: T },
    { text: '1.2.3.4/33', source: F }, { text: '::/129', source: F }, { text: '1.2.3.4/', source: F },
    { text: '256.0.0.0/8', source: F }, { text: '1.2.3/24', source: F }, { text: '1.2.3.4.5/8', source: F },
    { text: '0x0a.0.0.0/8', source: F }, { text: ' 10.0.0.0/8', source: `${F} (no trimming)` }, { text: '10.0.0.0/8 ', source: F },
    { text: '10.0.0.0 /8', source: F }, { text: 'fe80::1%eth0/64', source: `${F} (no zones)` },
    { text: '1::2::3/64', source: F }, { text: '1:2:3:4:5:6:7:8:9/64', source: F }, { text: '1:2:3:4:5:6:7/64', source: F },
    { text: '1:2:3:4:5:1.2.3.4/128', source: `${F} (IPv4 tail not at byte 12)` }, { text: '10000::/64', source: F },
    { text: ':1::/64', source: F }, { text: '1:/64', source: F }, { text: '1:2:3:4:5:6:7:8::/128', source: `${F} (:: with no room)` },
    { text: '::ffff:256.1.1.1/120', source: F }, { text: '１.2.3.4/8', source: 'full-width digit: not an ASCII digit' },
  ])('invalid: "$text" ($source)', ({ text }) => {
    expect(parseCidrSloppy(text)).toBeUndefined();
  });

  it('src/net/cidr.ts (ipaddr.js) differs from ParseCIDRSloppy on leading zeros — why cidr.ts exists', () => {
    const sloppy = parseCidrSloppy('010.0.0.0/8');
    const ours = parseCidr('010.0.0.0/8');
    expect(sloppy?.network).toEqual([10, 0, 0, 0]);
    expect(ours.ok && ours.cidr.text === '10.0.0.0/8').toBe(false);
  });
});

describe('ipNetContains = Go (*net.IPNet).Contains on sloppy CIDRs', () => {
  const net = (t: string) => parseCidrSloppy(t)!;
  it.each([
    { outer: '10.0.0.0/8', inner: '10.1.0.0/16', contains: true, source: 'net.IPNet.Contains' },
    { outer: '10.0.0.0/8', inner: '11.0.0.0/16', contains: false, source: 'net.IPNet.Contains' },
    { outer: '10.0.0.0/8', inner: '::ffff:10.1.0.0/112', contains: true, source: 'net.IPNet.Contains: ip.To4() of a mapped IPv6 address' },
    { outer: '::ffff:10.0.0.0/104', inner: '10.1.0.0/16', contains: true, source: 'net networkNumberAndMask: mapped network compares as IPv4 with mask[12:]' },
    { outer: 'fd00::/8', inner: '10.0.0.0/8', contains: false, source: 'net.IPNet.Contains: length mismatch' },
    { outer: '::/0', inner: '10.0.0.0/8', contains: false, source: 'net.IPNet.Contains: :: is not IPv4-mapped, so 16 vs 4 bytes' },
    { outer: '0.0.0.0/0', inner: '::/0', contains: false, source: 'net.IPNet.Contains: length mismatch' },
    { outer: 'fd00:192:168::/48', inner: 'fd00:192:168:3::/64', contains: true, source: 'networking validation_test.go setIngressFromIPBlockIPV6' },
  ])('$outer ∋ $inner is $contains ($source)', ({ outer, inner, contains }) => {
    expect(ipNetContains(net(outer), net(inner).network)).toBe(contains);
  });
});
