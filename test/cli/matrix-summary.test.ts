import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const matrix = (...flags: string[]) => runCli(['matrix', '-f', 'examples/three-tier', ...flags]);

describe('matrix --level namespace (issue 19, item 3)', () => {
  it('-o json: namespaces and ranges as nodes, pod pair counts per connection', async () => {
    const r = await matrix('--level', 'namespace', '-o', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ format: 'netpol-check/matrix', version: 1, complete: true, level: 'namespace' });
    expect(doc.nodes.map((n: { id: string }) => n.id)).toEqual(['0.0.0.0-255.255.255.255[External]', '203.0.113.0-203.0.113.255[External]', 'ingress-nginx', 'kube-system', 'shop']);
    expect(doc.connections).toContainEqual({ src: 'shop', dst: 'shop', all: false, text: 'TCP 5432,9000', ports: { TCP: [[5432, 5432], [9000, 9000]] }, pairs: { allowed: 2, total: 6, all: false } });
    expect(doc.connections).toContainEqual({ src: 'shop', dst: 'kube-system', all: false, text: 'TCP 53,UDP 53', ports: { TCP: [[53, 53]], UDP: [[53, 53]] }, pairs: { allowed: 3, total: 3, all: true } });
  });

  it('-n NS keeps the cells with an end in NS (as -n does for pairs), and the JSON says so', async () => {
    const whole = JSON.parse((await matrix('--level', 'namespace', '-o', 'json')).out);
    const r = await matrix('--level', 'namespace', '-n', 'kube-system', '-o', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.filters).toEqual({ namespaces: ['kube-system'] });
    const touches = (c: { src: string; dst: string }) => c.src === 'kube-system' || c.dst === 'kube-system';
    expect(doc.connections).toEqual(whole.connections.filter(touches));
    expect(doc.connections.length).toBeGreaterThan(0);
    expect(doc.nodes.map((n: { id: string }) => n.id)).toContain('kube-system');
    expect(doc.nodes.map((n: { id: string }) => n.id)).not.toContain('203.0.113.0-203.0.113.255[External]'); // no cell of kube-system uses it
    // -A undoes -n: the whole summary again.
    expect(JSON.parse((await matrix('--level', 'namespace', '-n', 'kube-system', '-A', '-o', 'json')).out).connections).toEqual(whole.connections);
  });

  it('-o csv and -o md', async () => {
    const csv = (await matrix('--level', 'namespace', '-o', 'csv')).out.split('\n');
    expect(csv[0]).toBe('src,dst,connections,allowed_pairs,pairs');
    expect(csv).toContain('shop,shop,"TCP 5432,9000",2,6');
    const md = (await matrix('--level', 'namespace', '-o', 'md')).out.split('\n');
    expect(md[0]).toBe('| src | dst | connections | pod pairs |');
    expect(md).toContain('| shop | shop | TCP 5432,9000 | some (2/6) |');
  });
});

describe('matrix --grouped (issue 19, item 3)', () => {
  it('-o json: each side a list of names can reads, with how many nodes each stands for', async () => {
    const r = await matrix('--grouped', '-o', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ format: 'netpol-check/matrix', version: 1, level: 'grouped' });
    expect(doc.lines).toContainEqual({
      sources: [{ text: 'shop/*', kind: 'namespace', nodes: 3 }],
      destinations: [{ text: 'kube-system/*', kind: 'namespace', nodes: 1 }],
      all: false,
      text: 'TCP 53,UDP 53',
      ports: { TCP: [[53, 53]], UDP: [[53, 53]] },
    });
  });

  it('-o csv and -o md', async () => {
    expect((await matrix('--grouped', '-o', 'csv')).out.split('\n')).toContain('shop/*,kube-system/*,"TCP 53,UDP 53"');
    expect((await matrix('--grouped', '-o', 'md')).out.split('\n')).toContain('| shop/\\* | kube-system/\\* | TCP 53,UDP 53 |');
  });

  it('a line can be asked about with can', async () => {
    const r = await runCli(['can', 'shop/*', 'reach', 'kube-system/*:53/udp', '-f', 'examples/three-tier']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^yes: 3 of 3 pairs allowed from all pods in namespace shop \(3 pods\) to all pods in namespace kube-system/);
  });
});

describe('summaries refuse what they do not take', () => {
  it.each([
    [['--level', 'namespace', '-o', 'dot'], /--level namespace is written as txt, json, csv, md; got -o dot/],
    [['--grouped', '-o', 'html'], /--grouped is written as txt, json, csv, md; got -o html/],
    [['--grouped', '--level', 'pod'], /--grouped groups the workload matrix; got --level pod/],
    [['--level', 'namespace', '--from', 'shop/api'], /summarises the whole matrix/],
    [['--level', 'namespace', '-l', 'app=api'], /summarises the whole matrix/],
    [['--grouped', '-n', 'shop'], /summarises the whole matrix/],
  ])('%j', async (flags, message) => {
    const r = await matrix(...flags);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('the help page names both', async () => {
    const r = await runCli(['matrix', '--help']);
    expect(r.out).toMatch(/--level LEVEL .*\| pod\n.*\| namespace/);
    expect(r.out).toContain('--grouped');
  });
});
