import { describe, expect, it } from 'vitest';
import { compareConnLists, parseConnList, parseConns } from './connlist.js';

describe('connlist comparator', () => {
  it.each([
    ['TCP 80-90,UDP 53', 'UDP 53,TCP 80,81-90'],
    ['All Connections', 'SCTP 1-65535,TCP 1-65535,UDP 1-65535'],
    ['TCP 10053-10054,UDP 10053', 'UDP 10053,TCP 10054,10053'],
  ])('%s equals %s', (a, b) => {
    expect(parseConns(a).equals(parseConns(b))).toBe(true);
  });

  it('tells different port sets apart', () => {
    expect(parseConns('TCP 80').equals(parseConns('TCP 81'))).toBe(false);
    expect(parseConns('TCP 80').equals(parseConns('UDP 80'))).toBe(false);
  });

  it('compares external ranges as a function of the address', () => {
    const a = parseConnList('0.0.0.0-9.255.255.255[External] => ns/w[Pod] : All Connections\n10.0.0.0-255.255.255.255[External] => ns/w[Pod] : All Connections\n');
    const b = parseConnList('0.0.0.0-255.255.255.255[External] => ns/w[Pod] : All Connections\n');
    expect(compareConnLists(a, b)).toEqual([]);
    const c = parseConnList('0.0.0.0-255.255.255.254[External] => ns/w[Pod] : All Connections\n');
    expect(compareConnLists(a, c)).toHaveLength(1);
  });

  it('reports missing, extra and different pairs', () => {
    const e = parseConnList('a[Pod] => b[Pod] : TCP 80\nb[Pod] => a[Pod] : TCP 80\n');
    const g = parseConnList('a[Pod] => b[Pod] : TCP 81\nc[Pod] => a[Pod] : TCP 80\n');
    expect(compareConnLists(e, g)).toEqual([
      'differs: a[Pod] => b[Pod] : expected TCP 80, got TCP 81',
      'missing: b[Pod] => a[Pod] : TCP 80',
      'extra: c[Pod] => a[Pod] : TCP 80',
    ]);
  });
});
