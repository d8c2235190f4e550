import { describe, expect, it } from 'vitest';
import { loadTexts } from '../../src/load/load-snapshot.js';
import type { CiliumPolicy } from '../../src/model/cilium-policy.js';
import { dedent } from '../helpers/analyze.js';

/**
 * `toServices` resolved against the input's Services, as Cilium's agent does it
 * (cilium/cilium pkg/policy/k8s/service.go at 012cbe02: `processRule`, `serviceRefMatches`,
 * `serviceSelectorMatches`, `appendSelector`; docs.cilium.io *Layer 3 → Services based*, 1.17+),
 * and what stays a `cilium-unmodelled` warning (docs/cilium.md, "Services").
 */
const indent = (s: string) => dedent(s).split('\n').map((l) => `  ${l}`).join('\n');
const cnp = (egress: string, section = 'egress') => `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: web-out, namespace: shop}\nspec:\n  endpointSelector: {matchLabels: {app: web}}\n  ${section}:\n${indent(egress)}\n`;
const svc = (ns: string, name: string, extra = 'selector: {app: db}', labels = '{}') => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${ns}, labels: ${labels}}\nspec: {${extra}${extra ? ', ' : ''}ports: [{port: 5432}]}\n`;

const slice = (ns: string, service: string, type: string, endpoints: string, name = `${service}-abc`) =>
  `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: ${name}, namespace: ${ns}, labels: {kubernetes.io/service-name: ${service}}}\naddressType: ${type}\nendpoints: ${endpoints}\nports: [{port: 5432}]\n`;

function load(...docs: string[]) {
  const r = loadTexts(docs.map((text, i) => ({ file: `doc${i}.yaml`, text })));
  const policy = (r.snapshot.ciliumPolicies ?? [])[0] as CiliumPolicy;
  const warnings = r.diagnostics.filter((d) => d.code === 'cilium-unmodelled').map((d) => `${d.source?.file}:${d.source?.line} ${d.message}`);
  const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  const peers = policy.rules[0]!.peers === 'any' ? [] : policy.rules[0]!.peers;
  return { policy, peers, warnings, errors, unmodelled: r.snapshot.unmodelled ?? [] };
}

describe('toServices: resolved where the input allows', () => {
  const resolved: [string, string, string[], string[]][] = [
    // [source, manifests, Services the peer resolves to]
    ['serviceRefMatches: name and namespace', cnp('- toServices: [{k8sService: {serviceName: db, namespace: shop}}]') + '---\n' + svc('shop', 'db') + '---\n' + svc('other', 'db'), ['shop/db'], [], ],
    ['serviceRefMatches: no namespace matches the name in every namespace (test "by name without namespace")', cnp('- toServices: [{k8sService: {serviceName: db}}]') + '---\n' + svc('shop', 'db') + '---\n' + svc('other', 'db', 'selector: {app: db2}'), ['shop/db', 'other/db'], []],
    ['serviceSelectorMatches: the selector is on the Service\'s own labels', cnp('- toServices: [{k8sServiceSelector: {selector: {matchLabels: {tier: data}}}}]') + '---\n' + svc('shop', 'db', 'selector: {app: db}', '{tier: data}') + '---\n' + svc('shop', 'cache', 'selector: {app: cache}', '{tier: cache}'), ['shop/db'], []],
    ['serviceSelectorMatches: namespace narrows it', cnp('- toServices: [{k8sServiceSelector: {selector: {matchLabels: {tier: data}}, namespace: other}}]') + '---\n' + svc('shop', 'db', 'selector: {app: db}', '{tier: data}') + '---\n' + svc('other', 'db', 'selector: {app: db}', '{tier: data}'), ['other/db'], []],
  ];
  it.each(resolved)('%s', (_, text, services) => {
    const { peers, warnings, errors, unmodelled } = load(...text.split('---\n'));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(unmodelled).toEqual([]);
    expect(peers).toHaveLength(1);
    const p = peers[0]!;
    expect(p.kind).toBe('service');
    if (p.kind === 'service') {
      expect(p.services.map((s) => `${s.namespace}/${s.name}`)).toEqual(services);
      expect(p.services.every((s) => 'selector' in s && Object.keys(s.selector).length > 0)).toBe(true);
    }
  });

  it('the peer keeps the Service\'s selector (appendSelector copies it, with the Service\'s namespace)', () => {
    const { peers } = load(cnp('- toServices: [{k8sService: {serviceName: db, namespace: shop}}]'), svc('shop', 'db', 'selector: {app: db, role: primary}'));
    expect(peers[0]).toMatchObject({ kind: 'service', services: [{ name: 'db', namespace: 'shop', selector: { app: 'db', role: 'primary' } }] });
  });
});

describe('toServices: left unmodelled (a warning on the item, the policy not evaluated)', () => {
  const open: [string, string, string][] = [
    // [why, manifests, words of the warning]
    ['no Service of the input matches (the cluster may have it)', cnp('- toServices: [{k8sService: {serviceName: db, namespace: shop}}]'), 'toServices k8sService db in namespace shop (no Service of the input matches it'],
    ['a Service without selector and no EndpointSlice of it in the input (Cilium allows its EndpointSlices\' addresses: IsExternal)', cnp('- toServices: [{k8sService: {serviceName: ext, namespace: shop}}]') + '---\n' + svc('shop', 'ext', ''), 'Service shop/ext, which has no selector and no EndpointSlice in the input'],
    ['a selectorless Service whose EndpointSlice holds FQDNs', cnp('- toServices: [{k8sService: {serviceName: ext, namespace: shop}}]') + '---\n' + svc('shop', 'ext', '') + '---\n' + slice('shop', 'ext', 'FQDN', "[{addresses: [db.example.com]}]"), 'whose EndpointSlices hold FQDNs'],
    ['a not-ready endpoint still serving while it terminates (kept or not by Cilium\'s configuration)', cnp('- toServices: [{k8sService: {serviceName: ext, namespace: shop}}]') + '---\n' + svc('shop', 'ext', '') + '---\n' + slice('shop', 'ext', 'IPv4', '[{addresses: [192.0.2.10], conditions: {ready: false, serving: true, terminating: true}}]'), 'terminating but still serving'],
    ['an empty selector is no selector (IsExternal: len(Selector) == 0)', cnp('- toServices: [{k8sService: {serviceName: ext, namespace: shop}}]') + '---\n' + svc('shop', 'ext', 'selector: {}'), 'Service shop/ext, which has no selector'],
    ['one of the matched Services has no selector', cnp('- toServices: [{k8sService: {serviceName: db}}]') + '---\n' + svc('shop', 'db') + '---\n' + svc('legacy', 'db', ''), 'Service legacy/db, which has no selector'],
    ['egressDeny: processRule resolves rule.Egress only', cnp('- toServices: [{k8sService: {serviceName: db, namespace: shop}}]', 'egressDeny') + '---\n' + svc('shop', 'db'), 'toServices in an egressDeny rule'],
    ['an item with neither field', cnp('- toServices: [{}]') + '---\n' + svc('shop', 'db'), 'neither k8sService nor k8sServiceSelector'],
    ['an item with both fields', cnp('- toServices: [{k8sService: {serviceName: db}, k8sServiceSelector: {selector: {}}}]') + '---\n' + svc('shop', 'db'), 'both k8sService and k8sServiceSelector'],
    ['a source-prefixed key on Service labels', cnp("- toServices: [{k8sServiceSelector: {selector: {matchLabels: {'k8s:tier': data}}}}]") + '---\n' + svc('shop', 'db', 'selector: {app: db}', '{tier: data}'), 'source-prefixed keys'],
  ];
  it.each(open)('%s', (_, text, words) => {
    const { policy, peers, warnings, errors, unmodelled } = load(...text.split('---\n'));
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(words);
    expect(warnings[0]).toMatch(/^doc0\.yaml:\d+ /);
    expect(peers.map((p) => p.kind)).toEqual(['unmodelled']);
    expect(policy.unmodelled).toHaveLength(1);
    expect(unmodelled.map((u) => `${u.kind} ${u.namespace}/${u.name}`)).toEqual(['CiliumNetworkPolicy shop/web-out']);
  });

  it('unknown fields of an item are errors, and the policy is left out (the CRD: K8sServiceNamespace, K8sServiceSelectorNamespace)', () => {
    const r = loadTexts([{ file: 'a.yaml', text: cnp('- toServices: [{k8sService: {name: db, namespace: shop}}]') }]);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['unknown-field', 'policy-not-applied']);
    expect(r.snapshot.ciliumPolicies ?? []).toEqual([]);
  });

  it('toServices with toPorts: read (l3DependentL4Support allows it since 1.17), with a warning that 1.16 and older reject it (cilium#20067)', () => {
    const r = loadTexts([
      { file: 'a.yaml', text: cnp('- toServices: [{k8sService: {serviceName: db, namespace: shop}}]\n  toPorts: [{ports: [{port: "5432"}]}]') },
      { file: 'b.yaml', text: svc('shop', 'db') },
    ]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.map((d) => `${d.source?.file}:${d.source?.line} ${d.code}`)).toEqual(['a.yaml:8 cilium-version-dependent']);
    const rule = r.snapshot.ciliumPolicies![0]!.rules[0]!;
    expect(rule.peers).toMatchObject([{ kind: 'service', services: [{ namespace: 'shop', name: 'db' }] }]);
    expect(rule.ports).toMatchObject([{ kind: 'range', protocol: 'ANY', from: 5432, to: 5432 }]);
  });
});

describe('toServices to a Service without a selector: its EndpointSlices\' addresses (service.go appendEndpoints; ParseEndpointSliceV1)', () => {
  const ext = (endpoints: string, type = 'IPv4') => load(cnp('- toServices: [{k8sService: {serviceName: ext, namespace: shop}}]'), svc('shop', 'ext', ''), slice('shop', 'ext', type, endpoints), slice('other', 'ext', 'IPv4', '[{addresses: [198.51.100.1]}]'), slice('shop', 'unrelated', 'IPv4', '[{addresses: [198.51.100.2]}]', 'unrelated-x'));

  it('each ready address as a /32 (ready absent counts as ready), not-ready endpoints left out, other Services\' slices not taken', () => {
    const r = ext('[{addresses: [192.0.2.10]}, {addresses: [192.0.2.11], conditions: {ready: true}}, {addresses: [192.0.2.12], conditions: {ready: false}}]');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.peers).toMatchObject([{ kind: 'service', services: [{ namespace: 'shop', name: 'ext', addresses: [{ text: '192.0.2.10/32' }, { text: '192.0.2.11/32' }] }] }]);
  });

  it('IPv6 addresses as /128', () => {
    const r = ext('[{addresses: ["2001:db8::10"]}]', 'IPv6');
    expect(r.peers).toMatchObject([{ kind: 'service', services: [{ addresses: [{ text: '2001:db8::10/128' }] }] }]);
  });

  it('is evaluated: the pod reaches the addresses, on the rule\'s ports, and nothing else; the explanation names the Service', async () => {
    const { ask } = await import('../../src/query/ask.js');
    const { formatCanText } = await import('../../src/format/explanation/text.js');
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c, image: x}]}\n';
    const r = loadTexts([cnp('- toServices: [{k8sService: {serviceName: ext, namespace: shop}}]'), svc('shop', 'ext', ''), slice('shop', 'ext', 'IPv4', '[{addresses: [192.0.2.10]}]'), pod].map((text, i) => ({ file: `d${i}.yaml`, text })));
    const yes = ask(r.snapshot, { src: 'web', dst: '192.0.2.10:5432', cni: 'cilium' });
    const no = ask(r.snapshot, { src: 'web', dst: '192.0.2.11:5432', cni: 'cilium' });
    expect(yes.ok && yes.answer.allowed).toBe(true);
    expect(no.ok && no.answer.allowed).toBe(false);
    if (!no.ok) throw new Error('no answer');
    expect(formatCanText(no.answer, { verbose: true })).toContain('is not one of the EndpointSlice addresses of Service shop/ext (192.0.2.10/32)');
  });
});

describe('EndpointSlice validation (kubernetes pkg/apis/discovery/validation ValidateEndpointSlice)', () => {
  it.each([
    ['an addressType outside IPv4, IPv6, FQDN', slice('shop', 'ext', 'IP', '[{addresses: [192.0.2.10]}]'), 'addressType "IP" is not one of IPv4, IPv6, FQDN'],
    ['an address of the other family', slice('shop', 'ext', 'IPv4', '[{addresses: ["2001:db8::1"]}]'), 'is not a valid IPv4 address'],
    ['an endpoint without addresses', slice('shop', 'ext', 'IPv4', '[{addresses: []}]'), 'an endpoint holds 1 to 100 addresses, not 0'],
  ])('refuses %s, and leaves the slice out', (_, text, words) => {
    const r = loadTexts([{ file: 'e.yaml', text }]);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('\n')).toContain(words);
    expect(r.snapshot.endpointSlices ?? []).toEqual([]);
  });
});
