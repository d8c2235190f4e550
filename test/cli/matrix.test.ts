import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBinary, runCli } from '../helpers/run-cli.js';

const EXAMPLES = ['three-tier', 'multi-namespace', 'kubectl-list', 'admin-policies'];

describe('netpol-check matrix', () => {
  it.each(EXAMPLES)('examples/%s: txt output is the reviewed golden file', async (name) => {
    const r = await runCli(['matrix', '-f', join(ROOT, 'examples', name)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    await expect(r.out).toMatchFileSnapshot(`./__golden__/${name}.txt`);
  });

  it.each(['legacy-v1beta1', 'legacy-alpha'])('examples/%s: legacy semantics, said on stderr and in JSON; txt is the reviewed golden file', async (name) => {
    const r = await runCli(['matrix', '-f', join(ROOT, 'examples', name)]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^note: semantics: legacy \(Kubernetes 1\.2–1\.6/m);
    await expect(r.out).toMatchFileSnapshot(`./__golden__/${name}.txt`);
    const json = JSON.parse((await runCli(['matrix', '-f', join(ROOT, 'examples', name), '--format', 'json'])).out);
    expect(json.semantics).toBe('legacy');
    const forced = await runCli(['matrix', '-f', join(ROOT, 'examples', name), '--semantics', 'v1', '--format', 'json']);
    expect(JSON.parse(forced.out).semantics).toBe('networking.k8s.io/v1');
    expect(forced.err).toMatch(/^note: semantics: networking\.k8s\.io\/v1 — chosen with --semantics v1/m);
  });

  it.each(['json', 'csv', 'md', 'dot'])('--format %s carries the same pairs as txt', async (format) => {
    const txt = await runCli(['matrix', '-f', 'examples/three-tier']);
    const other = await runCli(['matrix', '-f', 'examples/three-tier', '--format', format]);
    expect(other.code).toBe(0);
    const pairs = txt.out.trim().split('\n').map((l) => l.split(' : ')[0]!.split(' => '));
    for (const [src, dst] of pairs) {
      expect(other.out).toContain(src!.replace('[External]', format === 'dot' ? '' : '[External]'));
      expect(other.out).toContain(dst!.replace('[External]', format === 'dot' ? '' : '[External]'));
    }
    if (format === 'csv') expect(other.out.trim().split('\n')).toHaveLength(pairs.length + 1);
    if (format === 'md') expect(other.out.trim().split('\n')).toHaveLength(pairs.length + 2);
  });

  it('JSON output has the documented shape', async () => {
    const r = await runCli(['matrix', '-f', 'examples/three-tier', '--format', 'json']);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ format: 'netpol-check/matrix', version: 1, semantics: 'networking.k8s.io/v1', level: 'workload' });
    expect(j.nodes).toContainEqual({ id: 'shop/db[StatefulSet]', kind: 'workload', namespace: 'shop', name: 'db', workloadKind: 'StatefulSet', isolated: { ingress: true, egress: true } });
    expect(j.nodes).toContainEqual({ id: '203.0.113.0-203.0.113.255[External]', kind: 'external', family: 4, first: '203.0.113.0', last: '203.0.113.255' });
    expect(j.connections).toContainEqual({ src: 'shop/api[Deployment]', dst: 'shop/db[StatefulSet]', all: false, text: 'TCP 5432', ports: { TCP: [[5432, 5432]] } });
    expect(j.connections).toContainEqual({ src: 'shop/api[Deployment]', dst: 'kube-system/coredns[Deployment]', all: false, text: 'TCP 53,UDP 53', ports: { TCP: [[53, 53]], UDP: [[53, 53]] } });
  });

  it('--level pod lists pods', async () => {
    const r = await runCli(['matrix', '-f', 'examples/kubectl-list', '--level', 'pod']);
    expect(r.out).toContain('guestbook/frontend-6c8b8f7d9-2xk4p => guestbook/redis-leader-0 : TCP 6379\n');
    // Two replicas are two pods: between them only what the policies allow (TCP 80 from anywhere).
    expect(r.out).toContain('guestbook/frontend-6c8b8f7d9-2xk4p => guestbook/frontend-6c8b8f7d9-q7wzm : TCP 80\n');
    expect(r.out).not.toContain('guestbook/frontend-6c8b8f7d9-2xk4p => guestbook/frontend-6c8b8f7d9-2xk4p');
  });

  it('reads stdin with -f - and writes --output-file FILE', async () => {
    const text = readFileSync(join(ROOT, 'examples/kubectl-list/cluster-dump.yaml'), 'utf8');
    const r = await runCli(['matrix', '-f', '-', '--output-file', 'out.txt'], text);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.files['out.txt']).toContain('guestbook/redis-leader[StatefulSet] => guestbook/redis-follower[Deployment] : TCP 6379');
  });

  it('a bad document: one-line error with file:line and field, the rest analysed, exit 2', async () => {
    const bad = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: broken, namespace: shop}
spec:
  podSelector: {}
  ingress:
  - from:
    - ipBlock: {cidr: 10.0.0.300/8}
`;
    const r = await runCli(['matrix', '-f', 'examples/three-tier', '-f', '-'], bad);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('<stdin>:8:23: error: invalid CIDR: "10.0.0.300" is not an IPv4 or IPv6 address (field spec.ingress[0].from[0].ipBlock.cidr) [invalid-cidr]');
    expect(r.err).toContain('NetworkPolicy shop/broken has errors and is left out of the analysis');
    expect(r.out).toContain('shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432');
  });

  it.each([
    [['matrix'], /no input: give -f PATH/],
    [['matrix', '-f', 'examples/three-tier', '--format', 'xml'], /--format must be one of txt, text, json, csv, md, dot, gexf, graphml, html; got "xml"/],
    [['matrix', '-f', 'examples/three-tier', '--level', 'node'], /--level must be one of workload, pod/],
    [['matrix', '--nope'], /unknown flag --nope; see --help/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('usage error %j exits 2 with a message', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it('a missing file is an error naming it', async () => {
    const r = await runCli(['matrix', '-f', 'no/such/dir']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no/such/dir: error: no such file or folder [unreadable-input]');
    expect(r.err).toContain('no pods or workloads found');
  });
});

describe('the built binary', () => {
  it('prints help and version', () => {
    const help = runBinary(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: netpol-check <command>');
    const version = runBinary(['--version']);
    expect(version.out.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(runBinary(['help', 'matrix']).out).toContain('--level LEVEL');
  });

  it('runs matrix on an example and on stdin', () => {
    const r = runBinary(['matrix', '-f', 'examples/three-tier']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('shop/frontend[Deployment] => shop/api[Deployment] : TCP 9000');
    const s = runBinary(['matrix', '-f', '-'], readFileSync(join(ROOT, 'examples/kubectl-list/cluster-dump.yaml'), 'utf8'));
    expect(s.code).toBe(0);
    expect(s.out).toContain('guestbook/frontend[Deployment] => guestbook/redis-leader[StatefulSet] : TCP 6379');
  });

  it('exits 2 without a stack trace on bad input', () => {
    const r = runBinary(['matrix', '-f', '-'], 'kind: [unclosed');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^<stdin>:1:\d+: error: invalid YAML\/JSON/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('nothing to analyse', () => {
  it('policies without pods: a note, not an empty table that looks like "nothing allowed"', async () => {
    const r = await runCli(['matrix', '-f', 'examples/three-tier/policies.yaml']);
    expect(r.out).toBe('');
    expect(r.err).toContain('note: no pods or workloads found in examples/three-tier/policies.yaml: nothing to analyse');
  });

  it('empty input', async () => {
    const r = await runCli(['matrix', '-f', '-'], '');
    expect(r.err).toContain('no pods or workloads found');
  });
});
