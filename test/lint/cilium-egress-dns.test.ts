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

  // Cilium's DNS idiom (docs "DNS Proxy"/toFQDNs examples): toEndpoints kube-dns, toPorts 53, rules: dns.
  // The L7 part is not modelled; its L4 part opens port 53 to kube-dns (docs/cilium.md, Not modelled).
  it('the kube-dns rule with L7 DNS rules (rules: dns): port 53 is open at L4, quiet', () => {
    const dnsL7 = TO_DNS.replace("protocol: ANY}]}]", "protocol: ANY}], rules: {dns: [{matchPattern: '*'}]}}]");
    expect(dnsL7).toContain('rules: {dns:');
    expect(dnsFindings(policy(TO_DB + dnsL7))).toEqual([]);
  });

  it('the kube-dns peer without the namespace label looks in shop only (getEndpointSelector): web has no DNS', () => {
    const inShop = "  - toEndpoints: [{matchLabels: {k8s-app: kube-dns}}]\n    toPorts: [{ports: [{port: '53', protocol: ANY}]}]\n";
    expect(dnsFindings(policy(TO_DB + inShop))).toEqual(['Pod shop/web']);
  });

  it('enableDefaultDeny {egress: false}: the rules only add, web is not isolated', () => {
    expect(dnsFindings(policy(TO_DB, '  enableDefaultDeny: {egress: false}\n'))).toEqual([]);
  });
});
