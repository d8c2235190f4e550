import { describe, expect, it } from 'vitest';
import { ConnectionPool } from '../../src/engine/connection-pool.js';
import { ConnectionSet } from '../../src/net/connection-set.js';
import { PortSet } from '../../src/net/port-set.js';

describe('ConnectionPool', () => {
  const pool = new ConnectionPool();
  const web = pool.id(ConnectionSet.of({ TCP: PortSet.range(80, 90) }));
  const dns = pool.id(ConnectionSet.of({ UDP: PortSet.range(53), TCP: PortSet.range(85) }));
  const text = (id: number) => pool.get(id).toString();

  it('interns equal sets as one id; 0 is nothing, all is everything', () => {
    expect(pool.id(ConnectionSet.of({ TCP: PortSet.of([[80, 85], [86, 90]]) }))).toBe(web);
    expect(pool.get(0).isEmpty()).toBe(true);
    expect(pool.get(pool.all).isAll()).toBe(true);
    expect(pool.id(ConnectionSet.NONE)).toBe(0);
  });

  it('unions and intersections are right, commutative and cached', () => {
    for (const [a, b] of [[web, dns], [dns, web]] as const) {
      expect(text(pool.union(a, b))).toBe('TCP 80-90,UDP 53');
      expect(text(pool.intersect(a, b))).toBe('TCP 85');
    }
    expect(pool.union(web, dns)).toBe(pool.union(dns, web));
    expect(pool.intersect(web, dns)).toBe(pool.intersect(dns, web));
  });

  it('shortcuts agree with the sets', () => {
    for (const x of [0, web, dns, pool.all]) {
      expect(pool.union(x, 0)).toBe(x);
      expect(pool.union(0, x)).toBe(x);
      expect(pool.union(x, x)).toBe(x);
      expect(pool.union(x, pool.all)).toBe(pool.all);
      expect(pool.union(pool.all, x)).toBe(pool.all);
      expect(pool.intersect(x, 0)).toBe(0);
      expect(pool.intersect(0, x)).toBe(0);
      expect(pool.intersect(x, x)).toBe(x);
      expect(pool.intersect(x, pool.all)).toBe(x);
      expect(pool.intersect(pool.all, x)).toBe(x);
    }
  });
});
