import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const example = (name: string) => join(ROOT, 'examples', name);

describe('netpol-check generate: usage', () => {
  it.each([
    [['generate', '-f', example('three-tier')], 'generate needs one of --freeze'],
    [['generate', '-f', example('three-tier'), '--freeze', '--from', 'x.csv'], 'generate needs one of --freeze'],
    [['generate', '-f', example('three-tier'), '--freeze', '--no-dns'], '--no-dns goes with --from'],
    [['generate', '-f', example('three-tier'), '--freeze', '-o', 'json', '--output-dir', 'out'], '--output-dir writes YAML files'],
    [['generate', '-f', example('three-tier'), '--freeze', '--output-file', 'x.yaml'], 'generate does not take --output-file: generate writes one file per namespace'],
    [['generate', '-f', example('three-tier'), '--from', 'flows.txt'], 'cannot read --from flows.txt'],
    [['generate', '-f', example('three-tier'), '--from', join(ROOT, 'README.md')], 'name an expectations file (.yaml, .yml), a CSV of flows (.csv) or a Hubble export (.json, .jsonl)'],
    [['generate', '-f', example('three-tier'), '--freeze', '-l', 'app=web'], 'generate does not take -l/--selector'],
  ])('%j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('a bad line of the flows is an error naming file and line, exit 2', async () => {
    const r = await runCli(['generate', '-f', example('three-tier'), '--from', join(ROOT, 'test/fixtures/generate/bad-flows.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad-flows.csv:3:1');
    expect(r.out).toBe('');
  });
});

describe('netpol-check generate --freeze', () => {
  it('prints the manifests, then the report on stderr; -o json is one kind: List', async () => {
    const yaml = await runCli(['generate', '-f', example('three-tier'), '--freeze']);
    expect(yaml.code).toBe(0);
    expect(yaml.out).toMatch(/^# ingress-nginx\.yaml\napiVersion: networking\.k8s\.io\/v1\nkind: NetworkPolicy\n/);
    expect(yaml.err).toContain('required: 19 flows, all allowed; extra: 0');
    const json = await runCli(['generate', '-f', example('three-tier'), '--freeze', '-o', 'json']);
    const list = JSON.parse(json.out) as { kind: string; items: { kind: string; metadata: { name: string } }[] };
    expect(list.kind).toBe('List');
    expect(list.items.map((i) => i.metadata.name)).toContain('api-egress');
    expect(json.out.match(/"kind": "NetworkPolicy"/g)).toHaveLength(13);
  });

  it('--out-dir is --output-dir', async () => {
    const r = await runCli(['generate', '-f', example('three-tier'), '--freeze', '--out-dir', 'out']);
    expect(Object.keys(r.files).sort()).toEqual(['out/ingress-nginx.yaml', 'out/kube-system.yaml', 'out/shop.yaml']);
    expect(r.out).toContain('wrote out/ingress-nginx.yaml, out/kube-system.yaml, out/shop.yaml');
  });

  it('keeps admin and Cilium policies and says so', async () => {
    const admin = await runCli(['generate', '-f', example('admin-policies'), '--freeze']);
    expect(admin.code).toBe(0);
    expect(admin.err).toContain('keeps the 4 cluster-wide admin policies as they are: they take precedence over NetworkPolicies (the proof includes them)');
    const cilium = await runCli(['generate', '-f', example('cilium'), '--freeze', '--cni', 'cilium']);
    expect(cilium.code).toBe(0);
    expect(cilium.err).toContain('keeps the 4 Cilium policies as they are: they add to NetworkPolicies (the proof includes them)');
    expect(cilium.err).toMatch(/proven by the engine \(as cilium\)\n/);
  });
});

describe('netpol-check diff between an example and its frozen policies (issue #23 acceptance)', () => {
  // Every example whose NetworkPolicies are a file of their own: that file is swapped for the generated ones.
  it.each([
    ['three-tier', 'policies.yaml'],
    ['multi-namespace', 'policies.yaml'],
    ['admin-policies', 'network-policies.yaml'],
    ['lint-mistakes', 'policies.yaml'],
  ])('examples/%s: diff --base the example --head the generated set reports no change', async (name, policies) => {
    const head = mkdtempSync(join(tmpdir(), 'netpol-frozen-'));
    cpSync(example(name), head, { recursive: true });
    rmSync(join(head, policies));
    const g = await runCli(['generate', '-f', example(name), '--freeze', '--output-dir', 'out']);
    expect(g.code).toBe(0);
    for (const [path, text] of Object.entries(g.files)) writeFileSync(join(head, basename(path)), text);
    const d = await runCli(['diff', '--base', example(name), '--head', head, '-o', 'json']);
    expect(d.code).toBe(0);
    expect(JSON.parse(d.out).changes).toEqual([]);
  });
});
