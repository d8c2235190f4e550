import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const EXAMPLE = join(ROOT, 'examples', 'admin-policies');

describe('cluster-wide policies through the commands', () => {
  it('can: names the admin rule that denied, over the NetworkPolicy', async () => {
    const r = await runCli(['can', 'experiment', 'reach', 'api:8443', '-f', EXAMPLE]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗ denied by AdminNetworkPolicy sandbox-stays-out (priority 10) ingress rule 0 "deny-untrusted-tenants" (');
  });

  it('can: Pass goes to NetworkPolicy, and to the baseline where no NetworkPolicy selects the pod', async () => {
    const viaNp = await runCli(['can', 'experiment', 'reach', 'frontend:http', '-f', EXAMPLE]);
    expect(viaNp.code).toBe(0);
    expect(viaNp.out).toMatch(/↷ passed to NetworkPolicy by AdminNetworkPolicy tenants-decide-within \(priority 30\)[^\n]*\n {4}NetworkPolicy: isolated by shop\/frontend-public/);
    const viaBaseline = await runCli(['can', 'frontend', 'reach', 'experiment:8080', '-f', EXAMPLE]);
    expect(viaBaseline.code).toBe(1);
    expect(viaBaseline.out).toContain('NetworkPolicy: no policy selects it for ingress; the baseline tier decides');
    expect(viaBaseline.out).toContain('✗ denied by BaselineAdminNetworkPolicy default ingress rule 0 "no-cross-tenant-by-default"');
  });

  it('can --format json carries the tiers', async () => {
    const r = await runCli(['can', 'prometheus', 'reach', 'ledger-db:metrics', '-f', EXAMPLE, '--format', 'json']);
    expect(r.code).toBe(0);
    const ingress = JSON.parse(r.out).results[0].ingress;
    expect(ingress.tiers.admin).toContainEqual(expect.objectContaining({ kind: 'AdminNetworkPolicy', policy: 'cluster-monitoring', priority: 20, name: 'scrape-metrics', action: 'Allow', decided: 'TCP 9187' }));
  });

  it('diff: the admin rules that open and close connections', async () => {
    const base = mkdtempSync(join(tmpdir(), 'netpol-base-'));
    for (const f of ['namespaces.yaml', 'workloads.yaml', 'network-policies.yaml']) copyFileSync(join(EXAMPLE, f), join(base, f));
    const r = await runCli(['diff', '--base', base, '--head', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('+ monitoring/prometheus[StatefulSet] => payments/ledger-db[StatefulSet] : TCP 9187\n    allowed by AdminNetworkPolicy cluster-monitoring (priority 20) ingress rule 0 "scrape-metrics": Allow');
    expect(r.out).toContain('- shop/frontend[Deployment] => sandbox/experiment[Deployment] : All Connections\n    now denied by BaselineAdminNetworkPolicy default ingress rule 0 "no-cross-tenant-by-default": Deny');
    expect(r.out).toMatch(/3 pair\(s\) gain connections, 5 pair\(s\) lose connections/);
  });

  it('a same-priority tie is a lint finding', async () => {
    const tie = (name: string) => `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: '${name}'}\nspec:\n  priority: 10\n  subject: {namespaces: {}}\n  ingress: [{action: Deny, from: [{namespaces: {}}]}]\n---\n`;
    const r = await runCli(['lint', '-f', EXAMPLE, '-f', '-'], tie('x') + tie('y'));
    expect(r.out).toContain('AdminNetworkPolicy y has priority 10, like AdminNetworkPolicy sandbox-stays-out');
    expect(r.code).toBe(1);
  });
});
