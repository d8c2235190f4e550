import { describe, expect, it } from 'vitest';
import { runLint } from '../../src/lint/run-lint.js';
import { loadTexts } from '../../src/load/load-snapshot.js';

/**
 * cilium-world-vs-cluster. Cilium docs, Layer 3 Policies → Entities Based: "The world entity
 * corresponds to all endpoints outside of the cluster. Allowing to world is identical to allowing
 * to CIDR 0.0.0.0/0"; "Cluster is the logical group of all network endpoints inside of the local
 * cluster"; "The all entity represents the combination of all known clusters as well world".
 * Deny Policies: "Deny policies take precedence over allow policies, regardless of whether they
 * are a Cilium Network Policy, a Clusterwide Cilium Network Policy or even a Kubernetes Network
 * Policy".
 */
const PODS = `apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec:
  containers:
  - name: c
    ports: [{containerPort: 5432}]
`;
const api = (spec: string, name = 'api'): string => `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  endpointSelector: {matchLabels: {app: api}}\n${spec}`;
const PG = "    toPorts: [{ports: [{port: '5432', protocol: TCP}]}]\n";

function findings(...docs: string[]): { messageId: string; message: string; field?: string }[] {
  const { snapshot, diagnostics } = loadTexts([{ file: 'c.yaml', text: [PODS, ...docs].join('---\n') }]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return runLint(snapshot, diagnostics)
    .filter((f) => f.ruleId === 'cilium-world-vs-cluster')
    .map((f) => ({ messageId: f.messageId, message: f.message, ...(f.source?.field ? { field: f.source.field } : {}) }));
}
const ids = (...docs: string[]) => findings(...docs).map((f) => [f.messageId, f.field]);

describe('cilium-world-vs-cluster: egress to world on a port only pods serve', () => {
  it('toEntities world on TCP 5432, db serves it and api reaches no pod on it', () => {
    const f = findings(api(`  egress:\n  - toEntities: [world]\n${PG}`));
    expect(f.map((x) => [x.messageId, x.field])).toEqual([['worldForPods', 'spec.egress[0].toEntities[0]']]);
    expect(f[0]!.message).toContain('yet shop/db serves TCP 5432 in the cluster and shop/api reaches no pod on it');
  });

  it('world-ipv4 too', () => {
    expect(ids(api(`  egress:\n  - toEntities: [world-ipv4]\n${PG}`))).toEqual([['worldForPods', 'spec.egress[0].toEntities[0]']]);
  });

  it('another rule reaches db on 5432: world is for an outside database too, quiet', () => {
    expect(ids(api(`  egress:\n  - toEntities: [world]\n${PG}  - toEndpoints: [{matchLabels: {app: db}}]\n${PG}`))).toEqual([]);
  });

  it('cluster instead of world: quiet', () => {
    expect(ids(api(`  egress:\n  - toEntities: [cluster]\n${PG}`))).toEqual([]);
  });

  it('a port no pod serves (an outside API on 443): quiet', () => {
    expect(ids(api("  egress:\n  - toEntities: [world]\n    toPorts: [{ports: [{port: '443', protocol: TCP}]}]\n"))).toEqual([]);
  });

  it('world on every port (internet access): quiet', () => {
    expect(ids(api('  egress:\n  - toEntities: [world]\n'))).toEqual([]);
  });

  it('enableDefaultDeny egress false: api reaches everything anyway, quiet', () => {
    expect(ids(api(`  enableDefaultDeny: {egress: false}\n  egress:\n  - toEntities: [world]\n${PG}`))).toEqual([]);
  });
});

describe('cilium-world-vs-cluster: a deny of all or cluster overrides allow rules', () => {
  it('ingressDeny fromEntities all next to an allow from db: the allow is dead', () => {
    const f = findings(api('  ingress:\n  - fromEndpoints: [{matchLabels: {app: db}}]\n  ingressDeny:\n  - fromEntities: [all]\n'));
    expect(f.map((x) => [x.messageId, x.field])).toEqual([['denyOverrides', 'spec.ingressDeny[0].fromEntities[0]']]);
    expect(f[0]!.message).toContain('overrides ingress rule 0 of CiliumNetworkPolicy shop/api');
  });

  it('a quarantine (deny of all, no allow anywhere): quiet', () => {
    expect(ids(api('  ingressDeny:\n  - fromEntities: [all]\n  egressDeny:\n  - toEntities: [all]\n'))).toEqual([]);
  });

  it('egressDeny cluster overrides the allow to db in another policy, not the allow to world', () => {
    expect(ids(api('  egressDeny:\n  - toEntities: [cluster]\n'), api(`  egress:\n  - toEndpoints: [{matchLabels: {app: db}}]\n${PG}`, 'to-db'))).toEqual([['denyOverrides', 'spec.egressDeny[0].toEntities[0]']]);
    expect(ids(api('  egressDeny:\n  - toEntities: [cluster]\n  egress:\n  - toEntities: [world]\n'))).toEqual([]);
  });

  it('a NetworkPolicy allow for the same pod is overridden too', () => {
    const np = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - from: [{podSelector: {}}]\n';
    const f = findings(api('  ingressDeny:\n  - fromEntities: [cluster]\n'), np);
    expect(f.map((x) => x.messageId)).toEqual(['denyOverrides']);
    expect(f[0]!.message).toContain('overrides ingress rule 0 of NetworkPolicy shop/api');
  });

  it('a deny of all on port 22 only and an allow on 5432: no overlap, quiet', () => {
    expect(ids(api(`  ingress:\n  - fromEndpoints: [{}]\n${PG}  ingressDeny:\n  - fromEntities: [all]\n    toPorts: [{ports: [{port: '22', protocol: TCP}]}]\n`))).toEqual([]);
  });
});
