import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBinary, runCli } from '../helpers/run-cli.js';

/** examples/three-tier with one edit applied to one of its files. */
function variant(file: string, from: string, to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-diff-'));
  cpSync(join(ROOT, 'examples', 'three-tier'), dir, { recursive: true });
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`edit not applicable: ${from}`);
  writeFileSync(path, text.replace(from, to));
  return dir;
}

const changes = async (head: string) => {
  const r = await runCli(['diff', '--base', 'examples/three-tier', '--head', head, '--format', 'json']);
  expect(r.err).toBe('');
  return JSON.parse(r.out).changes.flatMap((c: { src: string; dst: string; added: { text: string } | null; removed: { text: string } | null }) => [
    ...(c.added ? [`+ ${c.src} => ${c.dst} : ${c.added.text}`] : []),
    ...(c.removed ? [`- ${c.src} => ${c.dst} : ${c.removed.text}`] : []),
  ]);
};

describe('netpol-check diff', () => {
  it('an added rule (both sides) opens exactly that connection', async () => {
    const head = variant(
      'policies.yaml',
      `  egress:
    - to:
        - podSelector:
            matchLabels: {app: api}
      ports:
        - port: http
`,
      `  egress:
    - to:
        - podSelector:
            matchLabels: {app: api}
      ports:
        - port: http
    - to:
        - podSelector:
            matchLabels: {app: db}
`,
    );
    // The frontend may now send to the db, but the db's ingress still only takes the api: nothing opens.
    expect(await changes(head)).toEqual([]);
    const both = join(head, 'policies.yaml');
    const from = '            matchLabels: {app: api}\n      ports:\n        - {protocol: TCP, port: 5432}\n';
    const text = readFileSync(both, 'utf8');
    expect(text.split(from)).toHaveLength(2); // the db policy's ingress rule, once
    writeFileSync(both, text.replace(from, '            matchLabels: {app: api}\n        - podSelector:\n            matchLabels: {app: frontend}\n      ports:\n        - {protocol: TCP, port: 5432}\n'));
    expect(await changes(head)).toEqual(['+ shop/frontend[Deployment] => shop/db[StatefulSet] : TCP 5432']);
  });

  it('a removed rule closes exactly its connections', async () => {
    const head = variant('policies.yaml', `    # The payment provider.
    - to:
        - ipBlock: {cidr: 203.0.113.0/24}
      ports:
        - {protocol: TCP, port: 443}
`, '');
    expect(await changes(head)).toEqual(['- shop/api[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443']);
  });

  it('a widened selector', async () => {
    const head = variant('policies.yaml', `    - from:
        - podSelector:
            matchLabels: {app: frontend}
      ports:
        - port: http`, `    - from:
        - namespaceSelector: {}
      ports:
        - port: http`);
    expect(await changes(head)).toEqual([
      '+ ingress-nginx/ingress-nginx-controller[Deployment] => shop/api[Deployment] : TCP 9000',
      '+ kube-system/coredns[Deployment] => shop/api[Deployment] : TCP 9000',
    ]);
  });

  it('a port range change', async () => {
    const head = variant('policies.yaml', `      ports:
        - {protocol: TCP, port: 443}`, `      ports:
        - {protocol: TCP, port: 443, endPort: 8443}`);
    expect(await changes(head)).toEqual(['+ shop/api[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 444-8443']);
  });

  it('a namespace label change', async () => {
    const head = variant('namespaces.yaml', 'app.kubernetes.io/name: ingress-nginx', 'app.kubernetes.io/name: nginx');
    expect(await changes(head)).toEqual(['- ingress-nginx/ingress-nginx-controller[Deployment] => shop/frontend[Deployment] : TCP 8080']);
  });

  it('names the policies responsible, in text and Markdown', async () => {
    const head = variant('namespaces.yaml', 'app.kubernetes.io/name: ingress-nginx', 'app.kubernetes.io/name: nginx');
    const text = await runCli(['diff', '--base', 'examples/three-tier', '--head', head]);
    expect(text.out).toBe(
      '- ingress-nginx/ingress-nginx-controller[Deployment] => shop/frontend[Deployment] : TCP 8080\n' +
        '    was allowed by shop/frontend ingress rule 0 (examples/three-tier/policies.yaml:40:7)\n' +
        '0 pair(s) gain connections, 1 pair(s) lose connections\n',
    );
    const md = await runCli(['diff', '--base', 'examples/three-tier', '--head', head, '--format', 'md', '--exit-code']);
    expect(md.code).toBe(1);
    expect(md.out).toContain('**netpol-check:** 0 pair(s) gain connections, 1 pair(s) lose connections');
    expect(md.out).toContain('<details><summary>Connections closed (1)</summary>');
  });

  it('no change: exit 0 even with --exit-code', async () => {
    const r = await runCli(['diff', '--base', 'examples/three-tier', '--head', 'examples/three-tier', '--exit-code']);
    expect([r.code, r.out]).toEqual([0, 'no change in connectivity\n']);
  });

  it('reads a git revision', () => {
    const repo = mkdtempSync(join(tmpdir(), 'netpol-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo, stdio: 'pipe' });
    cpSync(join(ROOT, 'examples', 'three-tier'), join(repo, 'cluster'), { recursive: true });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    const ns = join(repo, 'cluster', 'namespaces.yaml');
    writeFileSync(ns, readFileSync(ns, 'utf8').replace('app.kubernetes.io/name: ingress-nginx', 'app.kubernetes.io/name: nginx'));
    const r = runBinary(['diff', '--base', 'git:HEAD', '--head', '.', '--exit-code'], undefined, repo);
    expect(r.err).toBe('');
    expect(r.out.split('\n')[0]).toBe('- ingress-nginx/ingress-nginx-controller[Deployment] => shop/frontend[Deployment] : TCP 8080');
    expect(r.code).toBe(1);
    const sub = runBinary(['diff', '--base', 'git:HEAD:cluster', '--head', 'cluster'], undefined, repo);
    expect(sub.out).toContain('1 pair(s) lose connections');
    const bad = runBinary(['diff', '--base', 'git:no-such-rev', '--head', 'cluster'], undefined, repo);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('cannot read git revision "no-such-rev"');
  });

  it('usage errors', async () => {
    expect((await runCli(['diff', '--base', 'x'])).err).toMatch(/diff needs --base PATH and --head PATH/);
  });
});
