import { describe, expect, it } from 'vitest';
import { runLint } from '../../src/lint/run-lint.js';
import { loadTexts } from '../../src/load/load-snapshot.js';

/**
 * egress-without-dns with Cilium: an endpoint selected by a rule with egress is in egress default
 * deny (Cilium docs, "Policy Enforcement Modes"; Rule.Sanitize's enableDefaultDeny default), so it
 * needs a rule to DNS like a NetworkPolicy-isolated pod does.
 */
const PODS = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
---
apiVersion: v1
kind: Pod
metadata: {name: coredns, namespace: kube-system, labels: {k8s-app: kube-dns}}
`;

const dnsFindings = (policy: string): string[] => {
  const { snapshot, diagnostics } = loadTexts([{ file: 'c.yaml', text: `${PODS}---\n${policy}` }]);
  return runLint(snapshot, diagnostics)
    .filter((f) => f.ruleId === 'egress-without-dns')
    .map((f) => f.object ?? '');
};

const policy = (egress: string, extra = ''): string => `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: web, namespace: shop}\nspec:\n  endpointSelector: {matchLabels: {app: web}}\n${extra}  egress:\n${egress}`;
const TO_DB = "  - toEndpoints: [{matchLabels: {app: db}}]\n    toPorts: [{ports: [{port: '5432', protocol: TCP}]}]\n";
const TO_DNS = "  - toEndpoints: [{matchLabels: {k8s-app: kube-dns, 'k8s:io.kubernetes.pod.namespace': kube-system}}]\n    toPorts: [{ports: [{port: '53', protocol: ANY}]}]\n";

describe('egress-without-dns sees Cilium default deny', () => {
  it('a CiliumNetworkPolicy egress rule to the database on TCP 5432 only: web has no DNS', () => {
    expect(dnsFindings(policy(TO_DB))).toEqual(['Pod shop/web']);
  });

  it('with a rule to kube-dns on port 53: quiet', () => {
    expect(dnsFindings(policy(TO_DB + TO_DNS))).toEqual([]);
  });

  it('enableDefaultDeny {egress: false}: the rules only add, web is not isolated', () => {
    expect(dnsFindings(policy(TO_DB, '  enableDefaultDeny: {egress: false}\n'))).toEqual([]);
  });
});
