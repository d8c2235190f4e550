import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const EXAMPLE = join(ROOT, 'examples', 'calico');

/** Calico's policies through the commands (docs/calico.md): can explains tier by tier, matrix, verify and diff include them through the engine. */
describe('Calico policies through the commands', () => {
  it('can names the rule that decided, tier by tier, with its file and line', async () => {
    const r = await runCli(['can', '198.51.100.7', 'reach', 'frontend:8080', '-f', EXAMPLE]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('    tier security (order 100, default action Deny): selected by GlobalNetworkPolicy security.block-blocklist (order 10)\n');
    expect(r.out).toMatch(/✗ denied by GlobalNetworkPolicy security\.block-blocklist \(order 10\) ingress rule 1: Deny \([^)]*calico-policies\.yaml:28:5\)/);
  });

  it('can says what was passed on and where the end-of-tier deny took it', async () => {
    const r = await runCli(['can', 'frontend', 'reach', 'db:5432', '-f', EXAMPLE]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/↷ passed to the next tier by GlobalNetworkPolicy security\.block-blocklist \(order 10\) ingress rule 2: Pass/);
    expect(r.out).toContain('✗ denied at the end of tier default: no rule of the policies that select it decides');
  });

  it('can --format json carries the Calico verdict', async () => {
    const r = await runCli(['can', 'experiment', 'reach', 'prometheus:9090', '-f', EXAMPLE, '--format', 'json']);
    expect(r.code).toBe(1);
    const egress = JSON.parse(r.out).results[0].egress;
    expect(egress.calico.tiers[0]).toMatchObject({ tier: 'security', order: 100, defaultAction: 'Deny' });
    expect(egress.calico.tiers[0].steps).toContainEqual(expect.objectContaining({ kind: 'rule', policy: 'GlobalNetworkPolicy security.quarantine-sandbox', rule: 1, action: 'Deny', decided: 'All Connections' }));
  });

  it('matrix: what the tiers leave', async () => {
    const r = await runCli(['matrix', '-f', EXAMPLE, '-n', 'shop']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('0.0.0.0-198.51.99.255[External] => shop/frontend[Deployment] : TCP 8080\n');
    expect(r.out).toContain('shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432\n');
    expect(r.out).not.toContain('198.51.100.0-198.51.100.255[External] => shop/');
    expect(r.out).not.toContain('shop/frontend[Deployment] => shop/db');
  });

  it("verify checks the example's expectations", async () => {
    const r = await runCli(['verify', join(EXAMPLE, 'expectations.yaml'), '-f', EXAMPLE]);
    expect(r.out).toContain('8 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it('diff: dropping the sandbox quarantine opens the sandbox (nothing else selects it)', async () => {
    const head = mkdtempSync(join(tmpdir(), 'calico-'));
    for (const f of ['namespaces.yaml', 'workloads.yaml', 'network-policies.yaml']) copyFileSync(join(EXAMPLE, f), join(head, f));
    const docs = readFileSync(join(EXAMPLE, 'calico-policies.yaml'), 'utf8').split('\n---\n');
    writeFileSync(join(head, 'calico-policies.yaml'), docs.filter((d) => !d.includes('quarantine-sandbox')).join('\n---\n'));
    const r = await runCli(['diff', '--base', EXAMPLE, '--head', head]);
    expect(r.out).toContain('+ sandbox/experiment[Deployment] => monitoring/prometheus[Deployment] : All Connections\n');
    expect(r.out).not.toMatch(/^- /m);
  });

  it('a Calico policy with a field that is not modelled makes answers for the pods it may select undetermined (exit 3)', async () => {
    const input = [
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: prod, labels: {app: a}}\nspec: {containers: [{name: c, image: i}]}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: prod, labels: {app: b}}\nspec: {containers: [{name: c, image: i}]}',
      "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: web, namespace: prod}\nspec:\n  selector: app == 'b'\n  ingress:\n  - action: Allow\n    protocol: TCP\n    http: {methods: [GET]}",
    ].join('\n---\n');
    const r = await runCli(['can', 'prod/a', 'reach', 'prod/b:80', '-f', '-'], input);
    expect(r.code).toBe(3);
    expect(r.out + r.err).toContain('NetworkPolicy prod/web');
  });

  it('can names the Service a rule matched by services, with the ports it gave (port → targetPort, a name resolved on the pod)', async () => {
    const input = [
      'apiVersion: v1\nkind: Pod\nmetadata: {name: client, namespace: app}\nspec: {containers: [{name: c, image: i}]}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: pg, namespace: db, labels: {app: postgres}}\nspec: {containers: [{name: c, image: i, ports: [{name: pg, containerPort: 5432}]}]}',
      'apiVersion: v1\nkind: Service\nmetadata: {name: postgres, namespace: db}\nspec: {selector: {app: postgres}, ports: [{port: 5432, targetPort: 5432}, {port: 15432, targetPort: pg}]}',
      "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: to-db, namespace: app}\nspec:\n  selector: all()\n  egress:\n  - action: Allow\n    destination:\n      services: {name: postgres, namespace: db}",
    ].join('\n---\n');
    const r = await runCli(['can', 'app/client', 'reach', 'db/pg:5432', '-f', '-'], input);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/✓ allowed by Calico NetworkPolicy app\/to-db \(no order\) egress rule 0: Allow \([^)]*\), matching destination services db\/postgres \(port 5432 → targetPort 5432, port 15432 → targetPort pg \(5432\)\)/);
  });

  it('can names a Service without selector and the EndpointSlice its address came from (Felix reads the slices, whatever their conditions)', async () => {
    const input = [
      'apiVersion: v1\nkind: Pod\nmetadata: {name: client, namespace: app}\nspec: {containers: [{name: c, image: i}]}\nstatus: {podIP: 10.1.0.1}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: proxy, namespace: ext}\nspec: {containers: [{name: c, image: i}]}\nstatus: {podIP: 10.1.0.7}',
      'apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: ext}\nspec: {ports: [{port: 5432}]}',
      'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: db-1, namespace: ext, labels: {kubernetes.io/service-name: db}}\naddressType: IPv4\nendpoints:\n- addresses: [10.1.0.7]\n  conditions: {ready: false}\nports: [{port: 5432}]',
      "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: to-db, namespace: app}\nspec:\n  selector: all()\n  egress:\n  - action: Allow\n    destination:\n      services: {name: db, namespace: ext}",
    ].join('\n---\n');
    const ok = await runCli(['can', 'app/client', 'reach', 'ext/proxy:5432', '-f', '-'], input);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/✓ allowed by Calico NetworkPolicy app\/to-db \(no order\) egress rule 0: Allow \([^)]*\), matching destination services ext\/db \(address 10\.1\.0\.7 of EndpointSlice ext\/db-1: port 5432\)/);
    const other = await runCli(['can', 'app/client', 'reach', 'ext/proxy:5433', '-f', '-'], input);
    expect(other.code).toBe(1);
    // Without the EndpointSlice the Service's endpoints are not known: undetermined, with the warning.
    const noSlice = await runCli(['can', 'app/client', 'reach', 'ext/proxy:5432', '-f', '-'], input.split('\n---\n').filter((d) => !d.includes('EndpointSlice')).join('\n---\n'));
    expect(noSlice.code).not.toBe(0);
    expect(noSlice.out + noSlice.err).toContain('the Service has no selector and the snapshot no EndpointSlice of it');
  });

  it('can names the pod IP a rule\'s nets matched (Calico matches pods by address, whatever --cni says)', async () => {
    const input = [
      'apiVersion: v1\nkind: Pod\nmetadata: {name: client, namespace: app, labels: {app: client}}\nspec: {containers: [{name: c, image: i}]}\nstatus: {podIP: 10.2.0.9}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: legacy, namespace: app}\nspec: {containers: [{name: c, image: i}]}\nstatus: {podIP: 10.1.2.5}',
      "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: no-legacy-net}\nspec:\n  selector: app == 'client'\n  egress:\n  - action: Deny\n    destination: {nets: [10.1.0.0/16]}\n  - action: Allow",
    ].join('\n---\n');
    const r = await runCli(['can', 'app/client', 'reach', 'app/legacy:80', '-f', '-', '--cni', 'cilium'], input);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✗ denied by GlobalNetworkPolicy no-legacy-net \(no order\) egress rule 0: Deny \([^)]*\), matching destination nets by the pod's IP 10\.1\.2\.5/);
  });

  it('can names the service account a rule or a policy matched by (serviceAccounts.selector, serviceAccountSelector; ServiceAccount labels read)', async () => {
    const input = [
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: prod, labels: {app: web-frontend}}',
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: prod}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: prod}\nspec: {serviceAccountName: web, containers: [{name: c, image: i}]}',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: prod, labels: {app: db}}\nspec: {containers: [{name: c, image: i}]}',
      "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: allow-web-frontend, namespace: prod}\nspec:\n  selector: app == 'db'\n  ingress:\n  - action: Allow\n    source:\n      serviceAccounts: {selector: app == 'web-frontend'}",
      "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: web-egress}\nspec:\n  serviceAccountSelector: app == 'web-frontend'\n  egress:\n  - action: Allow",
    ].join('\n---\n');
    const r = await runCli(['can', 'prod/a', 'reach', 'prod/b:80', '-f', '-'], input);
    expect(r.code).toBe(0);
    expect(r.out).toContain('selected by GlobalNetworkPolicy web-egress (no order) (by service account prod/web)');
    expect(r.out).toMatch(/✓ allowed by Calico NetworkPolicy prod\/allow-web-frontend \(no order\) ingress rule 0: Allow \([^)]*\), matching source service account prod\/web/);
  });
});
