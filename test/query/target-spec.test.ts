import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../src/query/target-spec.js';

describe('parseTarget', () => {
  it.each([
    ['frontend', { kind: 'name', name: 'frontend' }, undefined],
    ['shop/frontend', { kind: 'name', namespace: 'shop', name: 'frontend' }, undefined],
    ['deploy/frontend', { kind: 'name', objectKind: 'Deployment', name: 'frontend' }, undefined],
    ['shop/sts/db:5432', { kind: 'name', namespace: 'shop', objectKind: 'StatefulSet', name: 'db' }, { port: 5432, protocol: 'TCP' }],
    ['svc/dns:53/udp', { kind: 'name', objectKind: 'Service', name: 'dns' }, { port: 53, protocol: 'UDP' }],
    ['db:postgres', { kind: 'name', name: 'db' }, { port: 'postgres', protocol: 'TCP' }],
    ['db:9/SCTP', { kind: 'name', name: 'db' }, { port: 9, protocol: 'SCTP' }],
    ['app=web,tier!=canary', { kind: 'selector', text: 'app=web,tier!=canary' }, undefined],
    ['app in (a,b):8080', { kind: 'selector', text: 'app in (a,b)' }, { port: 8080, protocol: 'TCP' }],
    ['10.0.0.5', { kind: 'address', family: 4, lo: 167772165n, hi: 167772165n }, undefined],
    ['10.0.0.5:443', { kind: 'address', family: 4, lo: 167772165n }, { port: 443, protocol: 'TCP' }],
    ['10.0.0.0/24', { kind: 'address', family: 4, lo: 167772160n, hi: 167772415n }, undefined],
    ['10.0.0.0/24:53/udp', { kind: 'address', text: '10.0.0.0/24' }, { port: 53, protocol: 'UDP' }],
    ['2001:db8::1', { kind: 'address', family: 6 }, undefined],
    ['[2001:db8::1]:443', { kind: 'address', family: 6 }, { port: 443, protocol: 'TCP' }],
    // A namespace's pods, all or by labels (what matrix --grouped writes).
    ['shop/*', { kind: 'selector', text: 'shop/*', namespace: 'shop', selector: { matchLabels: {}, matchExpressions: [] } }, undefined],
    ['shop/*:80', { kind: 'selector', namespace: 'shop' }, { port: 80, protocol: 'TCP' }],
    ['shop/app=web,tier!=canary', { kind: 'selector', namespace: 'shop', selector: { matchLabels: { app: 'web' } }, unscoped: { matchLabels: { 'shop/app': 'web' } } }, undefined],
    ['shop/tier in (web,api):8080', { kind: 'selector', namespace: 'shop', selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] } }, { port: 8080, protocol: 'TCP' }],
    // A key prefix with a dot is no namespace name: a selector in every namespace.
    ['app.kubernetes.io/name=web', { kind: 'selector', selector: { matchLabels: { 'app.kubernetes.io/name': 'web' } } }, undefined],
  ])('%s', (text, target, port) => {
    const r = parseTarget(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.target).toMatchObject(target);
    expect(r.port).toEqual(port);
  });

  it.each([
    ['', /empty/],
    ['db:0', /not between 1 and 65535/],
    ['db:http/icmp', /protocol "icmp"/],
    ['a/b/c/d', /cannot read/],
    ['shop/blob/x', /unknown kind "blob"/],
    ['app=', undefined],
    ['app=a b', /bad selector/],
    ['[not-an-ip]:80', /not an IP address/],
    ['shop/app=a b', /bad selector/],
  ])('%s is refused', (text, reason) => {
    const r = parseTarget(text);
    if (reason === undefined) {
      expect(r.ok).toBe(true); // `app=` selects pods whose app label is empty
      return;
    }
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
