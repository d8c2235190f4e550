import { describe, expect, it } from 'vitest';
import { runLint } from '../../src/lint/run-lint.js';
import { loadTexts } from '../../src/load/load-snapshot.js';

/**
 * cilium-selects-nothing (src/lint/rules/cilium-selects-nothing.ts). Namespace confinement of a
 * CiliumNetworkPolicy's endpoint selectors: Cilium's ParseToCiliumRule / getEndpointSelector
 * (pkg/k8s/apis/cilium.io/utils/utils.go), docs/cilium.md "Selection".
 */
const PODS = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
---
apiVersion: v1
kind: Pod
metadata: {name: prom, namespace: monitoring, labels: {app: prometheus}}
---
apiVersion: v1
kind: Pod
metadata: {name: node-agent, namespace: shop, labels: {app: agent}}
spec: {hostNetwork: true}
`;

function findings(policy: string): { messageId: string; message: string; object?: string }[] {
  const { snapshot, diagnostics } = loadTexts([{ file: 'c.yaml', text: `${PODS}---\n${policy}` }]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return runLint(snapshot, diagnostics)
    .filter((f) => f.ruleId === 'cilium-selects-nothing' || f.ruleId === 'cilium-endpoints-namespace')
    .map((f) => ({ messageId: f.messageId, message: f.message, ...(f.object ? { object: f.object } : {}) }));
}

const cnp = (spec: string, kind = 'CiliumNetworkPolicy', ns = '\n  namespace: shop'): string => `apiVersion: cilium.io/v2\nkind: ${kind}\nmetadata:\n  name: p${ns}\nspec:\n${spec}`;

describe('cilium-selects-nothing', () => {
  it.each([
    ['an endpointSelector with a typo', cnp('  endpointSelector: {matchLabels: {app: wbe}}\n  ingress:\n  - fromEndpoints: [{}]\n'), ['subject']],
    ['a host-network pod is no Cilium endpoint (docs/cilium.md)', cnp('  endpointSelector: {matchLabels: {app: agent}}\n  ingress:\n  - fromEndpoints: [{}]\n'), ['subject']],
    ['a peer meant for another namespace, without the namespace label', cnp('  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - fromEndpoints:\n    - matchLabels: {app: prometheus}\n'), ['elsewhere']],
    ['a peer that matches nothing anywhere', cnp('  endpointSelector: {matchLabels: {app: web}}\n  egress:\n  - toEndpoints:\n    - matchLabels: {app: nothing}\n'), ['peer']],
    ['a deny rule peer is checked too', cnp('  endpointSelector: {matchLabels: {app: web}}\n  ingressDeny:\n  - fromEndpoints:\n    - matchLabels: {app: prometheus}\n'), ['elsewhere']],
  ])('reports %s', (_, policy, ids) => {
    expect(findings(policy).map((f) => f.messageId)).toEqual(ids);
  });

  it.each([
    ['the namespace label names the other namespace', cnp('  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - fromEndpoints:\n    - matchLabels: {app: prometheus, k8s:io.kubernetes.pod.namespace: monitoring}\n')],
    ['a clusterwide policy looks in every namespace', cnp('  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - fromEndpoints:\n    - matchLabels: {app: prometheus}\n', 'CiliumClusterwideNetworkPolicy', '')],
    ['an empty peer selects every pod of the namespace', cnp('  endpointSelector: {}\n  ingress:\n  - fromEndpoints: [{}]\n')],
    ['entities and CIDRs are not endpoint peers', cnp('  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - fromEntities: [world]\n  - fromCIDR: [203.0.113.0/24]\n')],
  ])('is quiet when %s', (_, policy) => {
    expect(findings(policy)).toEqual([]);
  });

  it('a peer that matches pods only in other namespaces is cilium-endpoints-namespace, not cilium-selects-nothing', () => {
    const { snapshot, diagnostics } = loadTexts([{ file: 'c.yaml', text: `${PODS}---\n${cnp('  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - fromEndpoints:\n    - matchLabels: {app: prometheus}\n')}` }]);
    expect(runLint(snapshot, diagnostics).filter((f) => f.ruleId.startsWith('cilium-')).map((f) => [f.ruleId, f.messageId])).toEqual([['cilium-endpoints-namespace', 'elsewhere']]);
  });

  it('names the policy and the namespaces where the pods are', () => {
    const [f] = findings(cnp('  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - fromEndpoints:\n    - matchLabels: {app: prometheus}\n'));
    expect(f!.object).toBe('CiliumNetworkPolicy shop/p');
    expect(f!.message).toContain('matches no pod in namespace shop, but pods in monitoring');
  });

  it('says nothing about a snapshot without pods', () => {
    const { snapshot, diagnostics } = loadTexts([{ file: 'c.yaml', text: cnp('  endpointSelector: {matchLabels: {app: wbe}}\n  ingress:\n  - fromEndpoints: [{}]\n') }]);
    expect(runLint(snapshot, diagnostics).filter((f) => f.ruleId === 'cilium-selects-nothing')).toEqual([]);
  });
});
