import { describe, expect, it } from 'vitest';
import { runLint } from '../../src/lint/run-lint.js';
import { loadTexts } from '../../src/load/load-snapshot.js';

/**
 * cilium-l7-opens-l4. Cilium docs, Layer 7 Policies: "A layer 7 request is permitted if at least
 * one of the rules matches. If no rules are specified, then all traffic is permitted." and "If a
 * layer 4 rule is specified in the policy, and a similar layer 4 rule with layer 7 rules is also
 * specified, then the layer 7 portions of the latter rule will have no effect." Cilium's
 * wildcardL3L4Rule (pkg/policy/rule.go) does it per peer ("Wildcard at L7 all the endpoints
 * allowed at L3 or L4"), for L3-only rules (port 0) too.
 */
const PODS = `apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
---
apiVersion: v1
kind: Pod
metadata: {name: batch, namespace: shop, labels: {app: batch}}
---
apiVersion: v1
kind: Pod
metadata: {name: coredns, namespace: kube-system, labels: {k8s-app: kube-dns}}
`;

const cnp = (name: string, spec: string): string => `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${spec}`;
const HTTP_FROM_WEB = "  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: '80', protocol: TCP}], rules: {http: [{method: GET, path: /public/.*}]}}]\n";
const API = (ingress: string, extra = '') => cnp('api', `  endpointSelector: {matchLabels: {app: api}}\n${extra}  ingress:\n${ingress}`);

function findings(...docs: string[]): { messageId: string; message: string; field?: string }[] {
  const { snapshot, diagnostics } = loadTexts([{ file: 'c.yaml', text: [PODS, ...docs].join('---\n') }]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return runLint(snapshot, diagnostics)
    .filter((f) => f.ruleId === 'cilium-l7-opens-l4')
    .map((f) => ({ messageId: f.messageId, message: f.message, ...(f.source?.field ? { field: f.source.field } : {}) }));
}
const ids = (...docs: string[]) => findings(...docs).map((f) => [f.messageId, f.field]);

describe('cilium-l7-opens-l4: an L4 rule for the same peer and port', () => {
  it('the HTTP rule alone: the proxy filters, quiet', () => {
    expect(ids(API(HTTP_FROM_WEB))).toEqual([]);
  });

  it('an L3-only rule from every pod of the namespace (wildcardL3L4Rule, port 0): the HTTP rules filter nothing', () => {
    const f = findings(API(`${HTTP_FROM_WEB}  - fromEndpoints: [{}]\n`));
    expect(f.map((x) => [x.messageId, x.field])).toEqual([['shadowed', 'spec.ingress[0].toPorts[0].rules']]);
    expect(f[0]!.message).toBe('ingress rule 0: its http rules on TCP 80 filter nothing for shop/web → shop/api: other rules allow TCP 80 there at L4, which makes the L7 part of this rule ineffective');
  });

  it('an L4 rule on another port from the same peer: quiet', () => {
    expect(ids(API(`${HTTP_FROM_WEB}  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: '443', protocol: TCP}]}]\n`))).toEqual([]);
  });

  it('an L4 rule on the port for another peer: quiet (the wildcard is per peer)', () => {
    expect(ids(API(`${HTTP_FROM_WEB}  - fromEndpoints: [{matchLabels: {app: batch}}]\n    toPorts: [{ports: [{port: '80', protocol: TCP}]}]\n`))).toEqual([]);
  });

  it('another policy selecting the same pod, an L4-only rule on 80 for every peer: the HTTP rules filter nothing', () => {
    const other = cnp('open-80', "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - toPorts: [{ports: [{port: '80', protocol: TCP}]}]\n");
    expect(ids(API(HTTP_FROM_WEB), other)).toEqual([['shadowed', 'spec.ingress[0].toPorts[0].rules']]);
  });

  it('a NetworkPolicy allowing TCP 80 from web (Cilium turns it into an L4 rule): the HTTP rules filter nothing', () => {
    const np = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: web}}}]\n    ports: [{port: 80}]\n';
    expect(ids(API(HTTP_FROM_WEB), np)).toEqual([['shadowed', 'spec.ingress[0].toPorts[0].rules']]);
  });

  it('two L7 rules of the same type on the port combine ("the layer 7 rules are combined together"): quiet', () => {
    const other = cnp('more-http', "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{}]\n    toPorts: [{ports: [{port: '80', protocol: TCP}], rules: {http: [{method: POST, path: /orders}]}}]\n");
    expect(ids(API(HTTP_FROM_WEB), other)).toEqual([]);
  });

  it('an ingressDeny rule on the port from web: nothing gets through at L4 either, quiet', () => {
    expect(ids(API(`${HTTP_FROM_WEB}  - fromEndpoints: [{}]\n  ingressDeny:\n  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: '80', protocol: TCP}]}]\n`))).toEqual([]);
  });

  it('egress: a DNS rule to kube-dns next to an L3-only rule to every pod of the cluster: the DNS rules filter nothing', () => {
    const dns = "  - toEndpoints: [{matchLabels: {k8s-app: kube-dns, 'k8s:io.kubernetes.pod.namespace': kube-system}}]\n    toPorts: [{ports: [{port: '53', protocol: ANY}], rules: {dns: [{matchPattern: '*.example.com'}]}}]\n";
    const spec = (more: string) => cnp('web', `  endpointSelector: {matchLabels: {app: web}}\n  egress:\n${dns}${more}`);
    expect(ids(spec(''))).toEqual([]);
    expect(ids(spec('  - toEntities: [cluster]\n'))).toEqual([['shadowed', 'spec.egress[0].toPorts[0].rules']]);
  });
});

describe('cilium-l7-opens-l4: rule lists that match every request', () => {
  it.each([
    // The l7-visibility idiom (http: [{}]): every request matches the empty rule.
    ['http: [{}]', '{http: [{}]}', [['matchAll', 'spec.ingress[0].toPorts[0].rules']]],
    ['http: [] ("If no rules are specified, then all traffic is permitted")', '{http: []}', [['noRules', 'spec.ingress[0].toPorts[0].rules']]],
    ['a rule with a field', '{http: [{method: GET}]}', []],
    ['kafka with a topic', '{kafka: [{topic: orders}]}', []],
  ])('%s', (_t, rules, expected) => {
    expect(ids(API(`  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: '80', protocol: TCP}], rules: ${rules}}]\n`))).toEqual(expected);
  });
});
