import { describe, expect, it } from 'vitest';
import { loadTexts } from '../../src/load/load-snapshot.js';
import type { CiliumPolicy } from '../../src/model/cilium-policy.js';
import { dedent } from '../helpers/analyze.js';

/**
 * Reading CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy (cilium.io/v2). Sources: the CRDs
 * (cilium/cilium pkg/k8s/apis/cilium.io/client/crds/v2/*.yaml), Rule.Sanitize
 * (pkg/policy/api/rule_validation.go) and ParseToCiliumRule (pkg/k8s/apis/cilium.io/utils/utils.go).
 */
const object = (kind: string, name: string, body: string, namespace?: string, apiVersion = 'cilium.io/v2') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}${dedent(body)}\n`;
const cnp = (name: string, spec: string, namespace = 'prod') => object('CiliumNetworkPolicy', name, `spec:\n${indent(spec)}`, namespace);
const ccnp = (name: string, spec: string) => object('CiliumClusterwideNetworkPolicy', name, `spec:\n${indent(spec)}`);
const indent = (s: string) => dedent(s).split('\n').map((l) => `  ${l}`).join('\n');

function load(...docs: string[]) {
  const r = loadTexts(docs.map((text, i) => ({ file: `doc${i}.yaml`, text })));
  const messages = r.diagnostics.map((d) => `${d.severity} ${d.source?.file}:${d.source?.line} ${d.code}: ${d.message}`);
  return { policies: (r.snapshot.ciliumPolicies ?? []) as CiliumPolicy[], messages, unmodelled: r.snapshot.unmodelled ?? [] };
}

describe('CiliumNetworkPolicy: reading', () => {
  it('confines endpointSelector and fromEndpoints to the namespace unless the selector names one (ParseToCiliumRule, getEndpointSelector)', () => {
    const { policies, messages } = load(cnp('p', `
      endpointSelector: {matchLabels: {'k8s:app': db}}
      ingress:
      - fromEndpoints:
        - matchLabels: {app: web}
        - matchLabels: {'k8s:io.kubernetes.pod.namespace': monitoring}
        - matchExpressions: [{key: 'io.cilium.k8s.namespace.labels.team', operator: Exists}]
    `));
    expect(messages).toEqual([]);
    const [p] = policies;
    expect(p!.namespace).toBe('prod');
    expect(p!.endpointSelector.matchLabels).toEqual({ app: 'db' });
    const peers = p!.rules[0]!.peers as { namespace?: string }[];
    expect(peers.map((x) => x.namespace)).toEqual(['prod', undefined, undefined]);
  });

  it('a CiliumClusterwideNetworkPolicy confines nothing', () => {
    const { policies } = load(ccnp('c', `
      endpointSelector: {}
      egress:
      - toEndpoints: [{matchLabels: {app: web}}]
    `));
    expect(policies[0]!.namespace).toBeUndefined();
    expect((policies[0]!.rules[0]!.peers as { namespace?: string }[])[0]!.namespace).toBeUndefined();
  });

  it('default deny per direction follows the rules unless enableDefaultDeny says otherwise (Rule.Sanitize)', () => {
    const { policies } = load(
      cnp('a', `
        endpointSelector: {}
        ingressDeny: [{fromEntities: [world]}]
      `),
      cnp('b', `
        endpointSelector: {}
        enableDefaultDeny: {ingress: false}
        ingress: [{fromEntities: [world]}]
        egress: [{}]
      `),
    );
    expect(policies.map((p) => p.defaultDeny)).toEqual([
      { ingress: true, egress: false },
      { ingress: false, egress: true },
    ]);
  });

  it('peers and ports: CIDR (a bare address too), CIDRSet with except, entities, ANY by default, port 0, endPort, named ports (l4.go, CIDR.sanitize)', () => {
    const { policies, messages } = load(cnp('p', `
      endpointSelector: {}
      egress:
      - toCIDR: [203.0.113.7, 10.0.0.0/8]
        toPorts: [{ports: [{port: "443"}, {port: "8000", endPort: 8100, protocol: TCP}, {port: "0", protocol: UDP}, {port: HTTP, protocol: TCP}]}]
      - toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.1.0.0/16]}]
      - toEntities: [world, cluster]
      - toPorts: [{ports: [{port: "53", protocol: ANY}]}]
      - {}
    `));
    expect(messages).toEqual([]);
    const [a, b, c, d, e] = policies[0]!.rules;
    expect((a!.peers as { cidr: { text: string } }[]).map((x) => x.cidr.text)).toEqual(['203.0.113.7/32', '10.0.0.0/8']);
    expect((a!.ports as object[]).map((p) => ({ ...p, source: undefined }))).toEqual([
      { kind: 'range', protocol: 'ANY', from: 443, to: 443, source: undefined },
      { kind: 'range', protocol: 'TCP', from: 8000, to: 8100, source: undefined },
      { kind: 'range', protocol: 'UDP', from: 1, to: 65535, source: undefined },
      { kind: 'named', protocol: 'TCP', name: 'http', source: undefined },
    ]);
    expect((b!.peers as { except: { text: string }[] }[])[0]!.except.map((x) => x.text)).toEqual(['10.1.0.0/16']);
    expect((c!.peers as { entity: string }[]).map((x) => x.entity)).toEqual(['world', 'cluster']);
    expect(d!.peers).toBe('any'); // an L4-only rule: every peer
    expect(e!.peers).toEqual([]); // `- {}`: no peer (default deny only: Cilium's egress-default-deny example)
  });

  it('spec and specs give one policy each', () => {
    const { policies } = load(object('CiliumNetworkPolicy', 'two', `spec:\n  endpointSelector: {}\n  ingress: [{}]\nspecs:\n- endpointSelector: {}\n  egress: [{}]`, 'prod'));
    expect(policies.map((p) => p.specPath)).toEqual(['spec', 'specs[0]']);
  });
});

describe('CiliumNetworkPolicy: bad input (file:line, field, and the policy left out)', () => {
  it('an unknown field says the closest known one', () => {
    const { policies, messages } = load(cnp('p', `
      endpointSelector: {}
      ingress:
      - fromEndpoint: [{}]
    `));
    expect(policies).toEqual([]);
    expect(messages[0]).toBe('error doc0.yaml:9 unknown-field: unknown field "fromEndpoint" (did you mean fromEndpoints?)');
    expect(messages.at(-1)).toContain('policy-not-applied');
  });

  it.each([
    ['two L3 kinds in one rule (Rule.Sanitize)', 'ingress: [{fromEndpoints: [{}], fromCIDR: [10.0.0.0/8]}]', 'invalid-rule'],
    ['an unknown entity (EntitySelectorMapping)', 'ingress: [{fromEntities: [everything]}]', 'invalid-entity'],
    ['an except outside its CIDR (CIDRRule.sanitize)', 'egress: [{toCIDRSet: [{cidr: 10.0.0.0/8, except: [192.168.0.0/16]}]}]', 'except-outside-cidr'],
    ['a lower-case protocol (the CRD enum)', 'egress: [{toPorts: [{ports: [{port: "80", protocol: tcp}]}]}]', 'invalid-protocol'],
    ['a port as a number (the CRD types it as a string)', 'egress: [{toPorts: [{ports: [{port: 80}]}]}]', 'schema'],
    ['icmps with toPorts (Rule.Sanitize)', 'egress: [{icmps: [{fields: [{type: 8}]}], toPorts: [{ports: [{port: "80"}]}]}]', 'invalid-rule'],
    ['DNS rules on ingress (PortRule.sanitize)', 'ingress: [{toPorts: [{ports: [{port: "53"}], rules: {dns: [{matchPattern: "*"}]}}]}]', 'invalid-rule'],
  ])('%s', (_, rules, code) => {
    const { policies, messages } = load(cnp('p', `endpointSelector: {}\n${rules}`));
    expect(policies).toEqual([]);
    expect(messages.some((m) => m.includes(` ${code}: `))).toBe(true);
  });

  it('a rule with no section, or without a selector, is refused (the CRD anyOf/oneOf)', () => {
    expect(load(cnp('p', 'endpointSelector: {}\ndescription: nothing')).messages.some((m) => m.includes('at least one of ingress'))).toBe(true);
    expect(load(cnp('p', 'ingress: [{}]')).messages.some((m) => m.includes('exactly one of endpointSelector or nodeSelector'))).toBe(true);
  });

  it('names and selector values from a manifest are checked before they can reach a terminal', () => {
    expect(load(object('CiliumNetworkPolicy', '"bad\\u001b[31mname"', 'spec:\n  endpointSelector: {}\n  ingress: [{}]', 'prod')).messages[0]).toContain('invalid-name');
    const { policies, messages } = load(cnp('p', 'endpointSelector: {matchExpressions: [{key: app, operator: In, values: ["x\\u001b[2J"]}]}\ningress: [{}]'));
    expect(policies).toEqual([]);
    expect(messages[0]).toContain('invalid-label');
  });

  it('another version of the group is refused', () => {
    const { messages } = load(object('CiliumNetworkPolicy', 'p', 'spec:\n  endpointSelector: {}\n  ingress: [{}]', 'prod', 'cilium.io/v1alpha1'));
    expect(messages[0]).toContain('unsupported-api-version');
  });
});

describe('CiliumNetworkPolicy: what is not modelled is said, never dropped', () => {
  it('an endpointSelector on another label source (reserved:host) selects no pod here, and says so', () => {
    const { policies, messages } = load(ccnp('host', "endpointSelector: {matchLabels: {'reserved:host': ''}}\ningress: [{}]"));
    expect(policies[0]!.selectsNoPod).toBe(true);
    expect(messages.some((m) => m.includes('cilium-unmodelled') && m.includes('reserved:host'))).toBe(true);
  });

  it('selectors on the service account or the cluster name are not modelled, and say so', () => {
    const { policies, messages } = load(cnp('sa', "endpointSelector: {}\ningressDeny: [{fromEndpoints: [{matchLabels: {'io.cilium.k8s.policy.serviceaccount': builder}}]}]"));
    expect(policies[0]!.rules[0]!.peers).toEqual([expect.objectContaining({ kind: 'unmodelled' })]);
    expect(messages.some((m) => m.includes('cilium-unmodelled') && m.includes('io.cilium.k8s.policy.serviceaccount'))).toBe(true);
  });

  it('toFQDNs, L7 rules and the host entity are warnings on their field, and the policy is an unmodelled object', () => {
    const { policies, messages, unmodelled } = load(cnp('p', `
      endpointSelector: {}
      egress:
      - toFQDNs: [{matchName: api.example.com}]
      - toEntities: [host]
      - toEndpoints: [{}]
        toPorts: [{ports: [{port: "80", protocol: TCP}], rules: {http: [{method: GET}]}}]
    `));
    expect(policies[0]!.unmodelled).toEqual(['toFQDNs', 'the host entity', 'L7 rules (they restrict requests on the allowed connections)']);
    expect(messages.filter((m) => m.includes('cilium-unmodelled')).map((m) => m.split(' ')[1])).toEqual(['doc0.yaml:9', 'doc0.yaml:10', 'doc0.yaml:12']);
    expect(unmodelled.map((u) => `${u.kind} ${u.namespace}/${u.name}`)).toEqual(['CiliumNetworkPolicy prod/p']);
  });
});
