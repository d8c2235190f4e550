import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderKustomize } from '../../src/load/rendered-sources.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Issue 17, case 4: a kustomize folder is read rendered (-k, with kubectl's built-in kustomize,
 * as kubectl -k does), never as raw files; a Helm chart met through -f is refused with how to
 * render it. CI installs kubectl (.ci/run); without it the rendering test is skipped here.
 */
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
if (!hasKubectl && !process.env.CI) console.log('kubectl not installed: the -k rendering test is skipped here (CI runs it)');

function base(): string {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-kz-'));
  writeFileSync(join(dir, 'kustomization.yaml'), 'namespace: shop\nresources:\n- app.yaml\n');
  writeFileSync(
    join(dir, 'app.yaml'),
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny}
spec: {podSelector: {}}
`,
  );
  return dir;
}

describe('kustomize and Helm sources', () => {
  it.skipIf(!hasKubectl && !process.env.CI)('-k DIR reads the folder as kubectl kustomize renders it: the kustomization namespace applies', async () => {
    const dir = base();
    const r = await runCli(['matrix', '-k', dir]);
    expect(r.err).toBe('');
    expect(r.out).toBe('shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections\n');
    expect(r.code).toBe(0);
  });

  it('-f on a kustomize folder: refused, with the -k to use, exit 2', async () => {
    const dir = base();
    const r = await runCli(['matrix', '-f', dir]);
    expect(r.err).toContain(`${dir} is a kustomize folder: its files are not read as they are`);
    expect(r.err).toContain(`read it rendered with -k ${dir}`);
    expect(r.out).toMatch(/^PARTIAL: 1 input error/);
    expect(r.code).toBe(2);
  });

  it('-f on one file of a kustomize folder: read, with a warning that the kustomization is not applied', async () => {
    const dir = base();
    const r = await runCli(['matrix', '-f', join(dir, 'app.yaml')]);
    expect(r.err).toContain(`belongs to the kustomize folder ${dir}`);
    expect(r.out).toContain('default/web[Deployment]');
  });

  it('a Helm chart: refused with how to render it; a template file: refused as a Go template', async () => {
    const chart = mkdtempSync(join(tmpdir(), 'netpol-chart-'));
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: app\nversion: 0.1.0\n');
    mkdirSync(join(chart, 'templates'));
    const template = join(chart, 'templates', 'deny.yaml');
    writeFileSync(template, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  podSelector: {}\n');
    const r = await runCli(['lint', '-f', chart]);
    expect(r.out).toContain(`${chart} is a Helm chart: render it first (helm template RELEASE ${chart} > rendered.yaml)`);
    expect(r.code).toBe(2);
    const t = await runCli(['lint', '-f', template]);
    expect(t.out).toContain(`${template} is a Go template (a Helm chart's), not a manifest`);
    expect(t.out + t.err).not.toMatch(/object Object|yaml-syntax/);
  });

  it('without kubectl or kustomize the error says what to install', () => {
    const missing = Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' });
    const r = renderKustomize('/some/dir', () => {
      throw missing;
    });
    expect(r.error).toBe("cannot render /some/dir: kubectl is not installed, kustomize is not installed (install kubectl, e.g. Debian's kubernetes-client, or kustomize)");
  });
});
