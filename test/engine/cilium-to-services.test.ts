import { describe, expect, it } from 'vitest';
import { analyze, dedent, ns, pod } from '../helpers/analyze.js';

/**
 * Egress `toServices` by Cilium's semantics (1.17+; docs/cilium.md, "Services"): a Service with a
 * selector stands for the pods that selector picks in the Service's namespace — the agent copies
 * it into a generated endpoint selector with `k8s:io.kubernetes.pod.namespace` set to the
 * Service's namespace (`appendSelector`, cilium/cilium pkg/policy/k8s/service.go at 012cbe02;
 * docs.cilium.io *Layer 3 → Services based*: "uses the discovered services' label selector as an
 * endpoint selector within the policy"). Every `can` is answered by the bitset engine and the
 * reference evaluator, and fails if they disagree.
 */
const indent = (s: string) => dedent(s).split('\n').map((l) => `  ${l}`).join('\n');
const cnp = (name: string, namespace: string, spec: string) => `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${indent(spec)}\n`;
const service = (name: string, namespace: string, selector: Record<string, string>, labels: Record<string, string> = {}) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${namespace}, labels: ${JSON.stringify(labels)}}\nspec: {selector: ${JSON.stringify(selector)}, ports: [{port: 5432}]}\n`;
const hostPod = (name: string, namespace: string, labels: Record<string, string>) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${namespace}, labels: ${JSON.stringify(labels)}}\nspec: {hostNetwork: true, containers: [{name: c, image: x}]}\n`;

const cluster = [
  ns('shop'),
  ns('other'),
  pod('web', { app: 'web' }, { ns: 'shop' }),
  pod('db', { app: 'db', role: 'primary' }, { ns: 'shop', ports: [{ port: 5432 }] }),
  pod('replica', { app: 'db', role: 'replica' }, { ns: 'shop', ports: [{ port: 5432 }] }),
  pod('cache', { app: 'cache' }, { ns: 'shop' }),
  pod('db', { app: 'db', role: 'primary' }, { ns: 'other' }),
  hostPod('node-db', 'shop', { app: 'db' }),
  service('db', 'shop', { app: 'db' }, { tier: 'data' }),
  service('primary', 'shop', { app: 'db', role: 'primary' }),
];

describe('toServices: the pods of the Service', () => {
  const byName = cnp('web-out', 'shop', `
    endpointSelector: {matchLabels: {app: web}}
    egress:
    - toServices: [{k8sService: {serviceName: db, namespace: shop}}]
  `);
  const cases: [string, string, string, boolean][] = [
    ['a pod the Service selects', byName, 'shop/db', true],
    ['another pod the Service selects', byName, 'shop/replica', true],
    ['a pod of the namespace the Service does not select: default deny', byName, 'shop/cache', false],
    ['a pod with the labels in another namespace (the generated selector names the Service\'s namespace)', byName, 'other/db', false],
    ['a host-network pod with the labels (no Cilium endpoint: it is the node)', byName, 'shop/node-db', false],
    ['an outside address (a selector Service names pods, not CIDRs)', byName, '203.0.113.7', false],
    [
      'by Service labels (serviceSelectorMatches)',
      cnp('web-out', 'shop', `
        endpointSelector: {matchLabels: {app: web}}
        egress:
        - toServices: [{k8sServiceSelector: {selector: {matchLabels: {tier: data}}}}]
      `),
      'shop/replica',
      true,
    ],
    [
      'a narrower Service: all of its selector must match',
      cnp('web-out', 'shop', `
        endpointSelector: {matchLabels: {app: web}}
        egress:
        - toServices: [{k8sService: {serviceName: primary, namespace: shop}}]
      `),
      'shop/replica',
      false,
    ],
  ];
  it.each(cases)('%s', (_, policy, dst, expected) => {
    const a = analyze(...cluster, policy);
    expect(a.snapshot.unmodelled ?? []).toEqual([]);
    expect(a.can('shop/web', dst, 'TCP', 5432)).toBe(expected);
  });

  it('toPorts narrows the Service\'s pods to those ports (1.17+: l3DependentL4Support)', () => {
    const a = analyze(...cluster, cnp('web-out', 'shop', `
      endpointSelector: {matchLabels: {app: web}}
      egress:
      - toServices: [{k8sService: {serviceName: db, namespace: shop}}]
        toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
    `));
    expect(a.can('shop/web', 'shop/db', 'TCP', 5432)).toBe(true);
    expect(a.can('shop/web', 'shop/db', 'TCP', 22)).toBe(false);
    expect(a.can('shop/web', 'shop/db', 'UDP', 5432)).toBe(false);
  });

  it('a Service not in the input: the policy is not evaluated (listed as unmodelled), nothing is guessed', () => {
    const a = analyze(...cluster, cnp('web-out', 'shop', `
      endpointSelector: {matchLabels: {app: web}}
      egress:
      - toServices: [{k8sService: {serviceName: missing, namespace: shop}}]
    `));
    expect((a.snapshot.unmodelled ?? []).map((u) => `${u.kind} ${u.namespace}/${u.name}`)).toEqual(['CiliumNetworkPolicy shop/web-out']);
    expect(a.diagnostics.map((d) => d.code)).toContain('cilium-unmodelled');
  });
});
