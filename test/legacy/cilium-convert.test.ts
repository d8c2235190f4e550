import { describe, expect, it } from 'vitest';
import { convertCilium } from '../../src/legacy/cilium-convert.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Cilium → NetworkPolicy where the meaning is kept (src/legacy/cilium-translate.ts), proven with
 * the engine. The Cilium semantics are docs/cilium.md's; the NetworkPolicy ones the API's.
 */
const PODS = `apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Namespace
metadata: {name: monitoring, labels: {team: obs}}
---
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop, labels: {app: api}}
spec:
  containers:
  - name: c
    ports: [{name: http, containerPort: 8080}]
status: {podIP: 10.244.0.2}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
status: {podIP: 10.244.0.3}
---
apiVersion: v1
kind: Pod
metadata: {name: prom, namespace: monitoring, labels: {app: prometheus}}
status: {podIP: 10.244.1.2}
`;
const cnp = (spec: string, kind = 'CiliumNetworkPolicy') => `apiVersion: cilium.io/v2\nkind: ${kind}\nmetadata: {name: api${kind === 'CiliumNetworkPolicy' ? ', namespace: shop' : ''}}\nspec:\n${spec}`;

function convert(policy: string) {
  const { snapshot, diagnostics } = loadTexts([{ file: 'c.yaml', text: `${PODS}---\n${policy}` }]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return convertCilium(snapshot);
}

describe('Cilium → NetworkPolicy: exact translations', () => {
  it.each([
    ['L3: fromEndpoints in the namespace (Layer 3 Policies, Endpoints Based)', '  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: web}}]\n'],
    ['another namespace by io.kubernetes.pod.namespace', "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: prometheus, 'k8s:io.kubernetes.pod.namespace': monitoring}}]\n"],
    ['a namespace by its labels (io.cilium.k8s.namespace.labels.team)', "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {'io.cilium.k8s.namespace.labels.team': obs}}]\n"],
    ['L4 with ANY and a named port (Layer 4 Policies)', "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{}]\n    toPorts: [{ports: [{port: '8080'}, {port: http, protocol: TCP}, {port: '9000', endPort: 9100, protocol: UDP}]}]\n"],
    ['an L4-only rule (every peer)', "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - toPorts: [{ports: [{port: '8080', protocol: TCP}]}]\n"],
    ['egress to CIDRs with except and to cluster', "  endpointSelector: {matchLabels: {app: web}}\n  egress:\n  - toCIDRSet: [{cidr: 192.0.2.0/24, except: [192.0.2.128/25]}]\n  - toEntities: [cluster]\n    toPorts: [{ports: [{port: '53', protocol: UDP}]}]\n"],
    ['default deny only (`- {}`)', '  endpointSelector: {}\n  ingress:\n  - {}\n'],
  ])('%s', (_t, spec) => {
    const c = convert(cnp(spec));
    expect(c.items.map((i) => [i.status, i.reasons, i.differences])).toEqual([['exact', [], []]]);
    expect(c.items[0]!.checks).toBeGreaterThan(0);
    expect(c.files.map((f) => f.name)).toEqual(['shop.yaml']);
    expect(c.files[0]!.text).toContain('kind: NetworkPolicy');
  });

  it('writes the namespace label as a namespaceSelector on kubernetes.io/metadata.name', () => {
    const c = convert(cnp("  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: prometheus, 'k8s:io.kubernetes.pod.namespace': monitoring}}]\n"));
    expect(c.files[0]!.text).toContain('kubernetes.io/metadata.name: monitoring');
    expect(c.files[0]!.text).toContain('app: prometheus');
  });
});

describe('Cilium → NetworkPolicy: what NetworkPolicy cannot say', () => {
  it.each([
    ['a deny rule (Deny Policies)', '  endpointSelector: {matchLabels: {app: api}}\n  ingressDeny:\n  - fromEndpoints: [{matchLabels: {app: web}}]\n', 'NetworkPolicy has no deny rules'],
    ['enableDefaultDeny false', '  endpointSelector: {matchLabels: {app: api}}\n  enableDefaultDeny: {ingress: false}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: web}}]\n', 'enableDefaultDeny ingress false'],
    ['the host entity', '  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEntities: [host]\n', 'the host entity'],
    ['L7 rules', "  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - toPorts: [{ports: [{port: '8080', protocol: TCP}], rules: {http: [{method: GET}]}}]\n", 'L7 rules'],
  ])('%s', (_t, spec, reason) => {
    const c = convert(cnp(spec));
    expect(c.items.map((i) => i.status)).toEqual(['not-expressible']);
    expect(c.items[0]!.reasons.join('\n')).toContain(reason);
    expect(c.files).toEqual([]);
  });

  it('a clusterwide policy', () => {
    const c = convert(cnp('  endpointSelector: {matchLabels: {app: api}}\n  ingress:\n  - fromEndpoints: [{}]\n', 'CiliumClusterwideNetworkPolicy'));
    expect(c.items.map((i) => [i.status, i.reasons[0]])).toEqual([['not-expressible', 'CiliumClusterwideNetworkPolicy selects pods of every namespace; a NetworkPolicy selects pods of one (write one per namespace by hand)']]);
  });
});

describe('Cilium → NetworkPolicy: world', () => {
  // Entities Based: "Allowing to world is identical to allowing to CIDR 0.0.0.0/0"; Cilium's CIDRs never match pods.
  it('toEntities world: an ipBlock 0.0.0.0/0 and ::/0, exact while ipBlocks name outside addresses (the default assumption)', () => {
    const c = convert(cnp('  endpointSelector: {matchLabels: {app: web}}\n  egress:\n  - toEntities: [world]\n'));
    expect(c.items.map((i) => [i.status, i.differences.slice(0, 2)])).toEqual([['exact', []]]);
    expect(c.files[0]!.text).toContain('cidr: 0.0.0.0/0');
  });
});

describe('netpol-check migrate --cilium', () => {
  it('on examples/cilium: the two expressible rules are written, the deny rules and the clusterwide policy are not (exit 1)', async () => {
    const r = await runCli(['migrate', '--cilium', '-f', 'examples/cilium']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('# shop.yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy');
    expect(r.err).toContain('CiliumNetworkPolicy shop/frontend (examples/cilium/cilium-policies.yaml:17:1): exact → NetworkPolicy shop/frontend');
    expect(r.err).toContain('ingressDeny rule 0 of CiliumNetworkPolicy shop/api specs[1]: NetworkPolicy has no deny rules');
    expect(r.err).toContain('4 Cilium rule(s): 2 exact, 2 not expressible, 0 differ');
  });

  it('--output-dir writes one file per namespace and prints the report', async () => {
    const r = await runCli(['migrate', '--cilium', '-f', 'examples/cilium', '--output-dir', '/tmp/netpol-check-cilium-out']);
    expect(Object.keys(r.files)).toEqual(['/tmp/netpol-check-cilium-out/shop.yaml']);
    expect(r.out).toContain('wrote /tmp/netpol-check-cilium-out/shop.yaml');
  });
});
