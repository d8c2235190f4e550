import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceReferences } from '../../src/generate/references.js';
import type { Service } from '../../src/model/snapshot.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

/**
 * `generate --references`: the Services workloads name in their containers' strings, read as a
 * pod resolves names through cluster DNS (Kubernetes docs, "DNS for Services and Pods": a
 * Service is `svc.ns.svc.cluster.local`, and a pod's search list lets it write `svc` in its own
 * namespace, `svc.ns` and `svc.ns.svc`).
 */
const svc = (namespace: string, name: string): Service => ({ name, namespace, selector: { app: name }, ports: [{ port: 80, protocol: 'TCP' }], source: { file: 'f', doc: 0, line: 1, col: 1 } });
const services = new Map([svc('shop', 'api'), svc('shop', 'db'), svc('billing', 'api')].map((s) => [`${s.namespace}/${s.name}`, s]));
const names = (text: string, ns = 'shop') => serviceReferences(text, ns, services).map((r) => `${r.service.namespace}/${r.service.name}${r.port ? `:${r.port}` : ''}`);

describe('Service names in container strings', () => {
  it.each([
    ['db', ['shop/db']],
    ['db:5432', ['shop/db:5432']],
    ['api.billing', ['billing/api']],
    ['api.billing.svc:8443', ['billing/api:8443']],
    ['http://api.billing.svc.cluster.local:9000/v1?x=1', ['billing/api:9000']],
    ['postgres://user@db.shop:5432/orders', ['shop/db:5432']],
    ['API.SHOP', ['shop/api']], // DNS names are case-insensitive
    ['--upstream=api:80,db:5432', ['shop/api:80', 'shop/db:5432']],
    ['api.example.com', []], // another domain
    ['api.billing.svc.example.org', []], // not the cluster domain
    ['myapi', []], // part of a longer label
    ['api-gateway', []],
    ['10.0.0.1:80', []],
    ['api:99999', ['shop/api']], // not a port: the Service's ports
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('a bare name is looked up in the pod’s own namespace', () => {
    expect(names('api', 'billing')).toEqual(['billing/api']);
    expect(names('db', 'billing')).toEqual([]);
  });
});

describe('netpol-check generate --references', () => {
  const fixture = join(ROOT, 'test', 'fixtures', 'generate-references');

  it('allows what the workloads name (through each Service’s targetPort), proven, and nothing else', async () => {
    const r = await runCli(['generate', '-f', fixture, '--references', '--no-dns']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('generate --references: 6 NetworkPolicies in 1 namespace (shop)');
    expect(r.err).toContain('required: 3 flows, all allowed; extra: 0');
    const json = JSON.parse((await runCli(['generate', '-f', fixture, '--references', '--no-dns', '-o', 'json'])).out) as { items: { metadata: { name: string } }[] };
    expect(json.items.map((i) => i.metadata.name).sort()).toEqual(['api-egress', 'api-ingress', 'db-ingress', 'default-deny', 'redis-ingress', 'web-egress']);
  });

  it('needs exactly one source of flows', async () => {
    const r = await runCli(['generate', '-f', fixture, '--references', '--freeze']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('one of --freeze');
  });

  it('says so when nothing is named', async () => {
    const r = await runCli(['generate', '-f', join(ROOT, 'examples', 'three-tier'), '--references']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no container of the snapshot names a Service');
  });
});
