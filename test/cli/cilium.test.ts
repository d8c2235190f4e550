import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const EXAMPLE = join(ROOT, 'examples', 'cilium');

/** Cilium's policies through the commands (docs/cilium.md): can explains, matrix, verify and diff include them through the engine. */
describe('Cilium policies through the commands', () => {
  it('can names the deny rule that won, with its file and line', async () => {
    const r = await runCli(['can', 'frontend', 'reach', 'db:5432', '-f', EXAMPLE]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ denied by ingressDeny rule 0 of CiliumNetworkPolicy shop\/api specs\[1\] \([^)]*cilium-policies\.yaml:40:5\): peer 0: pods app=frontend in namespace shop/);
  });

  it('can --format json carries the Cilium verdict', async () => {
    const r = await runCli(['can', 'experiment', 'reach', 'frontend:8080', '-f', EXAMPLE, '--format', 'json']);
    expect(r.code).toBe(1);
    const ingress = JSON.parse(r.out).results[0].ingress;
    expect(ingress.cilium.defaultDeny).toBe(true);
    expect(ingress.cilium.defaultDenyBy).toEqual(['CiliumNetworkPolicy shop/frontend']);
    expect(ingress.cilium.rules).toContainEqual(expect.objectContaining({ kind: 'CiliumClusterwideNetworkPolicy', policy: 'CiliumClusterwideNetworkPolicy sandbox-stays-out', section: 'ingressDeny', rule: 0, peerMatched: 0 }));
  });

  it('matrix: what the Cilium rules leave', async () => {
    const r = await runCli(['matrix', '-f', EXAMPLE, '-n', 'shop']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('0.0.0.0-255.255.255.255[External] => shop/frontend[Deployment] : TCP 8080\n');
    expect(r.out).toContain('shop/frontend[Deployment] => shop/api[Deployment] : TCP 9000\n');
    expect(r.out).not.toContain('shop/frontend[Deployment] => shop/db');
    expect(r.out).not.toContain('sandbox/experiment[Deployment] => shop/');
  });

  it('verify checks the example\'s expectations', async () => {
    const r = await runCli(['verify', join(EXAMPLE, 'expectations.yaml'), '-f', EXAMPLE]);
    expect(r.out).toContain('4 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it('diff: dropping the clusterwide deny opens only what no other policy closes (the shop keeps its default deny)', async () => {
    const head = mkdtempSync(join(tmpdir(), 'cilium-'));
    for (const f of ['namespaces.yaml', 'workloads.yaml', 'network-policies.yaml']) copyFileSync(join(EXAMPLE, f), join(head, f));
    const policies = readFileSync(join(EXAMPLE, 'cilium-policies.yaml'), 'utf8').split('\n---\n').slice(1).join('\n---\n');
    writeFileSync(join(head, 'cilium-policies.yaml'), policies);
    const r = await runCli(['diff', '--base', EXAMPLE, '--head', head]);
    expect(r.out).toBe('+ sandbox/experiment[Deployment] => kube-system/coredns[Deployment] : All Connections\n1 pair(s) gain connections, 0 pair(s) lose connections\n');
  });

  it('with admin network policies too, a warning says Cilium may not enforce them', async () => {
    const anp = 'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: a}\nspec: {priority: 1, subject: {namespaces: {}}, ingress: [{action: Allow, from: [{namespaces: {}}]}]}\n';
    const cnp = 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: c, namespace: x}\nspec: {endpointSelector: {}, ingress: [{}]}\n';
    const r = await runCli(['lint', '-f', '-'], `${anp}---\n${cnp}`);
    expect(r.out + r.err).toContain('cilium/cilium#23380');
  });

  it('with admin network policies, what passes to NetworkPolicy goes to NetworkPolicy and Cilium together', async () => {
    const input = [
      'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: pass-all}\nspec: {priority: 1, subject: {namespaces: {}}, ingress: [{action: Pass, from: [{namespaces: {}}]}]}',
      'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: db, namespace: prod}\nspec: {endpointSelector: {matchLabels: {app: db}}, ingress: [{fromEndpoints: [{matchLabels: {app: api}}]}]}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: prod, labels: {app: db}}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: prod, labels: {app: web}}',
    ].join('\n---\n');
    const r = await runCli(['can', 'prod/web', 'reach', 'prod/db:5432', '-f', '-'], input);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/↷ passed to NetworkPolicy by AdminNetworkPolicy pass-all[^\n]*\n {4}NetworkPolicy and Cilium: selected by CiliumNetworkPolicy prod\/db[^\n]*\n {4}default deny, from CiliumNetworkPolicy prod\/db[^\n]*\n {4}✗ denied: no rule allows it \(default deny\)/);
  });
});

describe('report and explore include Cilium policies (issue 21: "matrix, diff, verify, explore, report include them")', () => {
  it('report: the page explains edges with the Cilium rules', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cilium-report-')), 'r.html');
    const r = await runCli(['report', '-f', EXAMPLE, '--cni', 'cilium', '--output-file', out]);
    expect(r.code).toBe(0);
    const html = r.files[out]!;
    expect(html).toContain('CiliumNetworkPolicy shop/frontend');
    expect(html).toContain('CiliumClusterwideNetworkPolicy sandbox-stays-out');
  });

  it('explore: the frontend\'s peers are what the Cilium rules leave (the API on 9000 and DNS), not the database', async () => {
    const { loadSnapshot } = await import('../../src/load/load-snapshot.js');
    const { computeMatrix } = await import('../../src/engine/matrix.js');
    const { ExploreModel } = await import('../../cli/tui/model.js');
    const { snapshot } = loadSnapshot([EXAMPLE]);
    const model = new ExploreModel(snapshot, computeMatrix(snapshot), [], 'workload');
    const out = model.peers('shop/frontend[Deployment]', 'out').map((p) => `${p.node.id} ${p.connections.toString()}`);
    expect(out).toContain('shop/api[Deployment] TCP 9000');
    expect(out.some((x) => x.startsWith('shop/db'))).toBe(false);
  });
});

describe('--cni and Cilium policies (docs/cilium.md, "--cni profiles")', () => {
  it.each([
    [['can', 'frontend', 'reach', 'db:5432'], 'for every plugin'],
    [['matrix', '-n', 'shop'], 'for every plugin'],
    [['lint'], 'for every plugin'],
    [['verify', join(EXAMPLE, 'expectations.yaml')], 'for every plugin'],
    [['matrix', '--cni', 'calico'], 'as calico does'],
  ])('%j without --cni cilium: a note says the cluster runs Cilium', async (argv, reading) => {
    const r = await runCli([...argv, '-f', EXAMPLE]);
    expect(r.err).toContain(`note: CiliumClusterwideNetworkPolicy sandbox-stays-out is in the input, so the cluster runs Cilium, but NetworkPolicies are read ${reading}`);
    expect(r.err).toContain('add --cni cilium to read them as Cilium does');
  });

  it('with --cni cilium: no note', async () => {
    const r = await runCli(['matrix', '-f', EXAMPLE, '--cni', 'cilium']);
    expect(r.err).not.toContain('runs Cilium');
  });
});

/** `toServices` through `can` (docs/cilium.md, "Services"): the peer is the Service's pods; a Service the input lacks leaves the answer undetermined. */
describe('Cilium toServices through can', () => {
  const manifests = (serviceName: string) => `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec: {containers: [{name: c, image: x, ports: [{containerPort: 5432}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: cache, namespace: shop, labels: {app: cache}}
spec: {containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: web-out, namespace: shop}
spec:
  endpointSelector: {matchLabels: {app: web}}
  egress:
  - toServices: [{k8sService: {serviceName: ${serviceName}, namespace: shop}}]
`;
  const write = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'cilium-svc-'));
    writeFileSync(join(dir, 'all.yaml'), text);
    return join(dir, 'all.yaml');
  };

  it('yes to a pod of the Service, naming it; no to another pod, saying why', async () => {
    const file = write(manifests('db'));
    const yes = await runCli(['can', 'shop/web', 'reach', 'shop/db:5432', '-f', file, '--cni', 'cilium']);
    expect(yes.code).toBe(0);
    expect(yes.out).toMatch(/✓ allowed by egress rule 0 of CiliumNetworkPolicy shop\/web-out \([^)]*all\.yaml:27:5\): peer 0: pods of Service shop\/db; opens All Connections/);
    const no = await runCli(['can', 'shop/web', 'reach', 'shop/cache:6379', '-f', file, '--cni', 'cilium']);
    expect(no.code).toBe(1);
    expect(no.out).toContain('peer 0: the pod does not match the selector of Service shop/db: needs app=db, has app=cache');
  });

  it('a Service the input lacks: undetermined (exit 3), with a warning on the item', async () => {
    const r = await runCli(['can', 'shop/web', 'reach', 'shop/db:5432', '-f', write(manifests('payments')), '--cni', 'cilium']);
    expect(r.code).toBe(3);
    expect(r.out).toContain('undetermined');
    expect(r.err).toMatch(/all\.yaml:27:18: warning: toServices k8sService payments in namespace shop \(no Service of the input matches it[^\n]*\[cilium-unmodelled\]/);
  });
});
