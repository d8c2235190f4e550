import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../src/net/cidr.js';
import { ConnectionSet } from '../../src/net/connection-set.js';
import { formatIp, parseIp } from '../../src/net/ip-address.js';
import { IpRanges } from '../../src/net/ip-ranges.js';
import { intersect, normalize, subtract, union } from '../../src/net/interval-set.js';
import { PortSet } from '../../src/net/port-set.js';

describe('interval sets', () => {
  it.each([
    [[[5, 9], [1, 3], [4, 4]], [[1, 9]]],
    [[[1, 2], [4, 5]], [[1, 2], [4, 5]]],
    [[[3, 1]], []],
  ])('normalize %j', (input, out) => {
    expect(normalize(input as [number, number][])).toEqual(out);
  });

  it('union, intersect, subtract', () => {
    const a: [number, number][] = [[1, 10], [20, 30]];
    const b: [number, number][] = [[5, 25]];
    expect(union(a, b)).toEqual([[1, 30]]);
    expect(intersect(a, b)).toEqual([[5, 10], [20, 25]]);
    expect(subtract(a, b)).toEqual([[1, 4], [26, 30]]);
    expect(subtract(b, a)).toEqual([[11, 19]]);
    expect(subtract([[1, 10]], [[1, 10]])).toEqual([]);
    expect(subtract([[1, 10]], [[3, 3], [5, 6]])).toEqual([[1, 2], [4, 4], [7, 10]]);
  });
});

describe('PortSet and ConnectionSet', () => {
  it('prints ranges as np-guard does', () => {
    expect(PortSet.of([[80, 80], [8080, 8090], [81, 81]]).toString()).toBe('80-81,8080-8090');
    expect(ConnectionSet.ALL.toString()).toBe('All Connections');
    expect(ConnectionSet.NONE.toString()).toBe('No Connections');
    expect(ConnectionSet.of({ UDP: PortSet.range(53), TCP: PortSet.range(80), SCTP: PortSet.range(1, 9002) }).toString()).toBe('SCTP 1-9002,TCP 80,UDP 53');
    expect(ConnectionSet.of({ TCP: PortSet.ALL }).toString()).toBe('TCP 1-65535');
  });

  it('clips to 1–65535', () => {
    expect(PortSet.of([[0, 70000]]).isAll()).toBe(true);
  });

  it('set algebra', () => {
    const web = ConnectionSet.of({ TCP: PortSet.range(80, 90) });
    const dns = ConnectionSet.of({ UDP: PortSet.range(53), TCP: PortSet.range(85) });
    expect(web.union(dns).toString()).toBe('TCP 80-90,UDP 53');
    expect(web.intersect(dns).toString()).toBe('TCP 85');
    expect(web.subtract(dns).toString()).toBe('TCP 80-84,86-90');
    expect(ConnectionSet.ALL.subtract(ConnectionSet.ALL).isEmpty()).toBe(true);
  });
});

describe('addresses and CIDRs', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0/8', false],
    ['10.1.2.3/8', '10.0.0.0/8', true],
    ['192.168.1.1/32', '192.168.1.1/32', false],
    ['0.0.0.0/0', '0.0.0.0/0', false],
    ['2001:db8::1/32', '2001:db8::/32', true],
    ['::/0', '::/0', false],
  ])('%s normalises to %s (host bits set: %s)', (text, canonical, hostBits) => {
    const r = parseCidr(text);
    expect(r).toMatchObject({ ok: true, hostBitsSet: hostBits, cidr: { text: canonical } });
  });

  it.each(['10.0.0.0', '10.0.0.0/', '10.0.0.0/33', '10.0.0/8', '010.0.0.0/8', '1.2.3.4.5/8', 'zz::/8', '::/129', '10.0.0.0/8/8'])('rejects %s', (text) => {
    expect(parseCidr(text).ok).toBe(false);
  });

  it('formats and parses both families', () => {
    expect(formatIp(4, parseIp('172.17.1.255')!.value)).toBe('172.17.1.255');
    expect(formatIp(6, parseIp('2001:db8:0:0::1')!.value)).toBe('2001:db8::1');
  });

  it('ipBlock = cidr minus except', () => {
    const c = (t: string) => (parseCidr(t) as { cidr: import('../../src/model/policy.js').Cidr }).cidr;
    const r = IpRanges.fromIpBlock(c('172.17.0.0/16'), [c('172.17.1.0/24')]);
    expect(r.toString()).toBe('172.17.0.0-172.17.0.255,172.17.2.0-172.17.255.255');
  });
});
