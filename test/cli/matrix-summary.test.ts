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

describe('the summaries take the filters of the pairs (--from, --to, --port, -n, -l)', () => {
  it('--level namespace --from: only the pairs from that source are counted, and the JSON says so', async () => {
    const doc = JSON.parse((await matrix('--level', 'namespace', '--from', 'tier=web', '-o', 'json')).out);
    expect(doc.filters).toEqual({ from: 'tier=web' });
    expect(doc.nodes.map((n: { id: string }) => n.id)).toEqual(['kube-system', 'shop']); // the ends of the counted lines, as the workload level lists the ends of the kept pairs
    // frontend, one pod: to api (TCP 9000) and db (nothing) in shop; to coredns for DNS.
    expect(doc.connections.map((c: { src: string; dst: string; text: string; pairs: object }) => [c.src, c.dst, c.text, c.pairs])).toEqual([
      ['shop', 'kube-system', 'TCP 53,UDP 53', { allowed: 1, total: 1, all: true }],
      ['shop', 'shop', 'TCP 9000', { allowed: 1, total: 2, all: false }],
    ]);
  });

  it('--level namespace --port: connections cut to the port; pairs that allow nothing else still count in the total', async () => {
    const doc = JSON.parse((await matrix('--level', 'namespace', '--port', '5432', '-o', 'json')).out);
    expect(doc.filters).toEqual({ port: 'TCP 5432' });
    expect(doc.connections).toContainEqual({ src: 'shop', dst: 'shop', all: false, text: 'TCP 5432', ports: { TCP: [[5432, 5432]] }, pairs: { allowed: 1, total: 6, all: false } });
    expect(doc.connections.find((c: { src: string; dst: string }) => c.src === 'shop' && c.dst === 'kube-system')).toBeUndefined(); // DNS only
  });

  it('--grouped --to and -l: the lines cover exactly those pairs, and the JSON says which filters', async () => {
    expect((await matrix('--grouped', '--to', 'app=api')).out).toBe('tier=web => app=api : TCP 9000\n');
    const doc = JSON.parse((await matrix('--grouped', '-n', 'shop', '-l', 'app=db', '-o', 'json')).out);
    expect(doc.filters).toEqual({ namespaces: ['shop'], selector: 'app=db' });
    expect(doc.lines.map((l: { sources: { text: string }[]; destinations: { text: string }[]; text: string }) => `${l.sources.map((s) => s.text).join(' + ')} => ${l.destinations.map((d) => d.text).join(' + ')} : ${l.text}`)).toEqual([
      'app=api => app=db : TCP 5432',
      'app=db => kube-system/* : TCP 53,UDP 53',
    ]);
  });

  it('a --from that names nothing is refused as at the workload level', async () => {
    const r = await matrix('--grouped', '--from', 'nosuch');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--from nosuch');
  });
});

describe('summaries refuse what they do not take', () => {
  it.each([
    [['--level', 'namespace', '-o', 'dot'], /--level namespace is written as txt, json, csv, md; got -o dot/],
    [['--grouped', '-o', 'html'], /--grouped is written as txt, json, csv, md; got -o html/],
    [['--grouped', '--level', 'pod'], /--grouped groups the workload matrix; got --level pod/],
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
