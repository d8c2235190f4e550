import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * Issue 17, case 3: policy kinds of network plugins are never skipped without a word. Every
 * command names them in its answer (text and JSON); can and verify cannot say a plain yes or
 * no for a pair such a policy may select, and exit 3.
 */
const pods = `apiVersion: v1
kind: Pod
metadata: {name: client, namespace: x, labels: {app: client}}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: "y", labels: {app: db}}
spec: {containers: [{name: c, image: pg, ports: [{containerPort: 5432}]}]}
---
`;
const KINDS = [
  // Cilium's policies are evaluated (docs/cilium.md); one with a part that is not (toFQDNs) is named like the others.
  ['CiliumNetworkPolicy', 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: lock-db, namespace: "y"}\nspec: {endpointSelector: {}, enableDefaultDeny: {egress: false}, egress: [{toFQDNs: [{matchName: api.example.com}]}]}\n', 'y/lock-db'],
  ['CiliumClusterwideNetworkPolicy', 'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: {name: lock-all}\nspec: {endpointSelector: {}, enableDefaultDeny: {egress: false}, egress: [{toFQDNs: [{matchName: api.example.com}]}]}\n', 'lock-all'],
  // Calico's policies are evaluated too (docs/calico.md); one with a part that is not (an http match) is named like the others.
  ['Calico GlobalNetworkPolicy', 'apiVersion: crd.projectcalico.org/v1\nkind: GlobalNetworkPolicy\nmetadata: {name: web-get}\nspec: {selector: all(), types: [Ingress], ingress: [{action: Allow, protocol: TCP, http: {methods: [GET]}}]}\n', 'web-get'],
  ['Calico NetworkPolicy (v3)', 'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: get-only, namespace: "y"}\nspec: {selector: all(), types: [Ingress], ingress: [{action: Allow, protocol: TCP, http: {methods: [GET]}}]}\n', 'y/get-only'],
  ['Antrea ClusterNetworkPolicy', 'apiVersion: crd.antrea.io/v1beta1\nkind: ClusterNetworkPolicy\nmetadata: {name: acnp}\nspec: {priority: 5, appliedTo: [{podSelector: {}}], ingress: [{action: Drop}]}\n', 'acnp'],
] as const;

describe.each(KINDS)('%s in the snapshot', (_kind, object, name) => {
  const input = pods + object;
  it('can: undetermined, not a plain yes, exit 3; JSON says determined: false', async () => {
    const r = await runCli(['can', 'x/client', 'reach', 'y/db:5432', '-f', '-'], input);
    expect(r.out).toMatch(/^NOT EVALUATED: 1 object this answer may depend on:\n/);
    expect(r.out).toMatch(/\nundetermined \(NetworkPolicies alone: yes\): x\/client can reach y\/db on TCP 5432\n/);
    expect(r.out).toContain(name);
    expect(r.code).toBe(3);
    const j = JSON.parse((await runCli(['can', 'x/client', 'reach', 'y/db:5432', '-f', '-', '--format', 'json'], input)).out) as { determined: boolean; unmodelled: unknown[]; results: { undeterminedBy?: unknown[] }[] };
    expect(j.determined).toBe(false);
    expect(j.unmodelled).toHaveLength(1);
    expect(j.results[0]!.undeterminedBy).toHaveLength(1);
  });

  it('verify: undetermined, exit 3', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'netpol-')), 'e.yaml');
    writeFileSync(file, 'expectations:\n- {name: client to db, from: x/client, to: y/db:5432, expect: allow}\n');
    const r = await runCli(['verify', file, '-f', '-'], input);
    expect(r.out).toContain('UNDETERMINED (NetworkPolicies alone: pass) client to db');
    expect(r.out).toContain('0 passed, 0 failed, 1 undetermined');
    expect(r.code).toBe(3);
  });

  it.each([['txt'], ['dot']])('matrix --format %s names it', async (format) => {
    const r = await runCli(['matrix', '-f', '-', '--format', format], input);
    expect(r.out).toContain('NOT EVALUATED: 1 object');
  });

  it('matrix --format md counts it (Markdown may be a PR comment: no names from the input)', async () => {
    const r = await runCli(['matrix', '-f', '-', '--format', 'md'], input);
    expect(r.out).toMatch(/^> \*\*Not evaluated:\*\* 1 object/);
  });

  it('matrix --format json carries it', async () => {
    const r = await runCli(['matrix', '-f', '-', '--format', 'json'], input);
    expect((JSON.parse(r.out) as { unmodelled: unknown[] }).unmodelled).toHaveLength(1);
  });

  it('lint reports it as a finding, in text and JSON', async () => {
    const r = await runCli(['lint', '-f', '-'], input);
    expect(r.out).toContain('[unmodelled-object]');
    const j = JSON.parse((await runCli(['lint', '-f', '-', '--format', 'json'], input)).out) as { unmodelled: unknown[]; findings: { rule: string }[] };
    expect(j.findings.map((f) => f.rule)).toContain('unmodelled-object');
    expect(j.unmodelled).toHaveLength(1);
  });

  it('diff names it (text, JSON and the Markdown of a PR comment)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-'));
    writeFileSync(join(dir, 'base.yaml'), pods);
    writeFileSync(join(dir, 'head.yaml'), input);
    const text = await runCli(['diff', '--base', join(dir, 'base.yaml'), '--head', join(dir, 'head.yaml')]);
    expect(text.out).toContain('NOT EVALUATED: 1 object');
    const md = await runCli(['diff', '--base', join(dir, 'base.yaml'), '--head', join(dir, 'head.yaml'), '--format', 'md']);
    expect(md.out).toMatch(/^> \*\*Not evaluated:\*\* 1 object/);
    const json = await runCli(['diff', '--base', join(dir, 'base.yaml'), '--head', join(dir, 'head.yaml'), '--format', 'json']);
    expect((JSON.parse(json.out) as { unmodelled: unknown[] }).unmodelled).toHaveLength(1);
  });

  it('report lists it among the findings of the page', async () => {
    const r = await runCli(['report', '-f', '-', '--output-file', 'page.html'], input);
    expect(r.files['page.html']).toContain('unmodelled-object');
    expect(r.files['page.html']).toMatch(/<pre id="notices"[^>]*>NOT EVALUATED: 1 object/);
    expect(r.files['page.html']).toContain(name.split('/').pop());
  });

  it('path and reach-from name it', async () => {
    expect((await runCli(['path', 'x/client', 'y/db', '-f', '-'], input)).out).toContain('NOT EVALUATED: 1 object');
    expect((await runCli(['reach-from', 'x/client', '-f', '-'], input)).out).toContain('NOT EVALUATED: 1 object');
  });
});

describe('explore says it in its header', () => {
  it('counts what is left out, not evaluated, or plugin-dependent', async () => {
    const { explorerNotice } = await import('../../cli/commands/explore.js');
    expect(explorerNotice({ complete: true, errors: [] })).toBe('');
    const notice = explorerNotice({
      complete: false,
      errors: [{ code: 'yaml-syntax', message: 'x' }],
      unmodelled: [{ kind: 'CiliumNetworkPolicy', apiVersion: 'cilium.io/v2', name: 'a', namespace: 'y', effect: 'policy', owner: 'Cilium' }],
    });
    expect(notice).toBe('PARTIAL: 1 input error left out · NOT EVALUATED: 1 plugin or operator object (details on stderr when it started)');
  });
});

describe('operators’ resources', () => {
  it('a Prometheus is named, with how to include its pods; answers about other pods stay determined', async () => {
    const input = `${pods}apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: monitoring}\n`;
    const r = await runCli(['can', 'x/client', 'reach', 'y/db:5432', '-f', '-'], input);
    expect(r.out).toContain('Prometheus monitoring/k8s: its operator (Prometheus Operator) runs pods the snapshot does not hold: add them with kubectl get pods -o yaml');
    expect(r.out).toMatch(/\nyes: x\/client can reach y\/db/);
    expect(r.code).toBe(0);
  });
});
