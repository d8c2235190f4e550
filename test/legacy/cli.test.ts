import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const LEGACY = join(ROOT, 'examples', 'legacy-v1beta1');

describe('legacy semantics through the commands', () => {
  it('can: the explanation names the namespace annotation that isolates', async () => {
    const r = await runCli(['can', 'frontend', 'reach', 'db:5432', '-f', LEGACY]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('isolated by shop/default-deny-ingress (no such object: it stands for the net.beta.kubernetes.io/network-policy annotation of namespace shop, ');
    expect(r.err).toContain('note: semantics: legacy');
    const ok = await runCli(['can', 'prometheus', 'reach', 'db:metrics', '-f', LEGACY, '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).semantics).toBe('legacy');
  });

  it('--semantics v1 reads the same manifests as Kubernetes ≥ 1.7 would: lower-case protocols are refused', async () => {
    const r = await runCli(['can', 'frontend', 'reach', 'api:8080', '-f', LEGACY, '--semantics', 'v1']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('[invalid-protocol]');
  });

  it('--legacy-semantics forces legacy where auto would say v1', async () => {
    const policy = 'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: default}\nspec: {podSelector: {}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: i}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {containers: [{name: c, image: i}]}\n';
    expect((await runCli(['can', 'a', 'reach', 'b:80', '-f', '-'], policy)).code).toBe(1);
    const legacy = await runCli(['can', 'a', 'reach', 'b:80', '-f', '-', '--legacy-semantics'], policy);
    expect(legacy.code).toBe(0);
    expect(legacy.err).toContain('[legacy-policy-no-effect]');
    expect((await runCli(['can', 'a', 'reach', 'b', '-f', '-', '--semantics', 'old'], policy)).err).toContain('--semantics must be one of auto, v1, legacy');
  });

  it('lint reports the legacy findings under their rules', async () => {
    const r = await runCli(['lint', '-f', LEGACY, '--format', 'json']);
    const findings = JSON.parse(r.out).findings as { rule: string; messageId: string }[];
    expect(findings.filter((f) => f.rule === 'deprecated-api')).toHaveLength(5);
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'legacy-isolation', messageId: 'legacy-policy-no-effect' }));
    expect(JSON.parse(r.out).semantics).toBe('legacy');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const expectations = join(mkdtempSync(join(tmpdir(), 'netpol-legacy-')), 'expect.yaml');
    writeFileSync(expectations, 'apiVersion: netpol-check.dev/v1\nkind: Expectations\nexpectations:\n- {from: frontend, to: db, expect: deny}\n');
    const verify = await runCli(['verify', expectations, '-f', LEGACY, '--format', 'json']);
    expect(JSON.parse(verify.out)).toMatchObject({ semantics: 'legacy', passed: 1 });
    // nothing is said about the policies netpol-check made up
    expect(JSON.stringify(findings)).not.toContain('default-deny-ingress');
  });
});
