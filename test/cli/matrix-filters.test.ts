import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivity, connectivityWalk, type Edge, type Level, type Node } from '../../src/engine/connectivity.js';
import { filterConnectivity, filterWalk, type EdgeFilter } from '../../src/engine/edge-filter.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { joinChunks } from '../../src/format/matrix/index.js';
import { formatTxt, txtChunks } from '../../src/format/matrix/txt.js';
import type { Protocol } from '../../src/model/policy.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { parseIp } from '../../src/net/ip-address.js';
import { parsePortFilter, resolveNodeFilter } from '../../src/query/node-filter.js';
import { cidr, randomSnapshot, SAMPLE_PORTS } from '../helpers/random-cluster.js';
import { runCli } from '../helpers/run-cli.js';

const matrix = (...flags: string[]) => runCli(['matrix', '-f', 'examples/three-tier', ...flags]);

describe('matrix --from, --to, --port, -n on examples/three-tier (issue 19, item 2)', () => {
  it('--from keeps the pairs out of the named workload', async () => {
    const r = await matrix('--from', 'frontend');
    expect(r.code).toBe(0);
    expect(r.out).toBe(['shop/frontend[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53', 'shop/frontend[Deployment] => shop/api[Deployment] : TCP 9000', ''].join('\n'));
  });

  it('--to takes a label selector, --from an address', async () => {
    expect((await matrix('--to', 'app=db')).out).toBe('shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432\n');
    expect((await matrix('--from', 'shop/api', '--to', '203.0.113.7')).out).toBe('shop/api[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443\n');
    expect((await matrix('--from', '203.0.113.0-203.0.113.255[External]')).out).toBe('');
  });

  it('--port keeps the pairs that allow the port and shows only it', async () => {
    const r = await matrix('--port', '53/udp', '--from', 'kube-system/coredns');
    expect(r.out).toBe(['kube-system/coredns[Deployment] => 0.0.0.0-255.255.255.255[External] : UDP 53', 'kube-system/coredns[Deployment] => ingress-nginx/ingress-nginx-controller[Deployment] : UDP 53', ''].join('\n'));
    // Unisolated workloads allow every port, so they stay, shown with that port only.
    expect((await matrix('--port', '5432')).out).toBe(
      [
        '0.0.0.0-255.255.255.255[External] => ingress-nginx/ingress-nginx-controller[Deployment] : TCP 5432',
        '0.0.0.0-255.255.255.255[External] => kube-system/coredns[Deployment] : TCP 5432',
        'ingress-nginx/ingress-nginx-controller[Deployment] => 0.0.0.0-255.255.255.255[External] : TCP 5432',
        'ingress-nginx/ingress-nginx-controller[Deployment] => kube-system/coredns[Deployment] : TCP 5432',
        'kube-system/coredns[Deployment] => 0.0.0.0-255.255.255.255[External] : TCP 5432',
        'kube-system/coredns[Deployment] => ingress-nginx/ingress-nginx-controller[Deployment] : TCP 5432',
        'shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432',
        '',
      ].join('\n'),
    );
    expect((await matrix('--port', '5432', '-n', 'shop')).out).toBe('shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432\n');
  });

  it('-n NS keeps the pairs with an end in NS; -A keeps all', async () => {
    const r = await matrix('-n', 'shop');
    expect(r.out).toBe(
      [
        'ingress-nginx/ingress-nginx-controller[Deployment] => shop/frontend[Deployment] : TCP 8080',
        'shop/api[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
        'shop/api[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
        'shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432',
        'shop/db[StatefulSet] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
        'shop/frontend[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
        'shop/frontend[Deployment] => shop/api[Deployment] : TCP 9000',
        '',
      ].join('\n'),
    );
    expect((await matrix('-n', 'shop', '-A')).out).toBe((await matrix()).out);
    expect((await matrix('-n', 'shop', '--all-namespaces')).out).toBe((await matrix()).out);
  });

  it('JSON says which filters applied and lists only the nodes of the kept pairs', async () => {
    const j = JSON.parse((await matrix('--format', 'json', '-n', 'shop', '--to', 'db', '--port', '5432')).out);
    expect(j.filters).toEqual({ to: 'db', port: 'TCP 5432', namespaces: ['shop'] });
    expect(j.nodes.map((n: { id: string }) => n.id)).toEqual(['shop/api[Deployment]', 'shop/db[StatefulSet]']);
    expect(j.connections).toEqual([{ src: 'shop/api[Deployment]', dst: 'shop/db[StatefulSet]', all: false, text: 'TCP 5432', ports: { TCP: [[5432, 5432]] } }]);
    expect(JSON.parse((await matrix('--format', 'json')).out).filters).toBeUndefined();
  });

  it.each(['csv', 'md', 'dot', 'gexf', 'graphml'])('--format %s is filtered too', async (format) => {
    const out = (await matrix('--format', format, '--from', 'frontend', '--to', 'api')).out;
    expect(out).toContain('shop/api[Deployment]');
    expect(out).not.toContain('shop/db[StatefulSet]');
    expect(out).not.toContain('coredns');
  });

  it('a name that fits nothing, a port in the name, a bad port: usage errors (exit 2)', async () => {
    for (const flags of [['--from', 'nope'], ['--to', 'db:5432'], ['--port', 'http'], ['--port', '70000'], ['--port', '53/icmp']]) {
      const r = await matrix(...flags);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.err, flags.join(' ')).toMatch(/netpol-check: .*(--from|--to|--port)/);
    }
  });
});

/** The oracle: the full matrix's edges, kept by predicates written over ids, labels and addresses. */
interface Choice {
  from?: string;
  to?: string;
  port?: [number, Protocol];
  namespace?: string;
}

function endMatches(snapshot: Snapshot, n: Node, spec: string): boolean {
  if (n.id === spec) return true;
  if (spec.includes('=')) {
    const [k, v] = spec.split('=');
    return podsOf(snapshot, n).some((p) => p.labels[k!] === v);
  }
  if (spec.includes('.') || spec.includes(':')) {
    const c = cidr(spec);
    if (n.kind === 'external') return n.family === c.family && n.lo <= c.hi && c.lo <= n.hi;
    return podsOf(snapshot, n).some((p) => p.ips.some((ip) => { const a = parseIp(ip); return !!a && a.family === c.family && c.lo <= a.value && a.value <= c.hi; }));
  }
  return podsOf(snapshot, n).some((p) => p.name === spec);
}

function podsOf(snapshot: Snapshot, n: Node) {
  if (n.kind === 'external') return [];
  return snapshot.pods.filter((p) => (n.kind === 'pod' ? p === n.pod : n.pods.includes(p)));
}

function expectedLine(snapshot: Snapshot, e: Edge, c: Choice): string | undefined {
  if (c.from && !endMatches(snapshot, e.src, c.from)) return undefined;
  if (c.to && !endMatches(snapshot, e.dst, c.to)) return undefined;
  const ns = (n: Node) => n.kind !== 'external' && n.namespace === c.namespace;
  if (c.namespace && !ns(e.src) && !ns(e.dst)) return undefined;
  if (c.port && !e.connections.has(c.port[1], c.port[0])) return undefined;
  return `${e.src.id} => ${e.dst.id} : ${c.port ? `${c.port[1]} ${c.port[0]}` : e.connections.toString()}\n`;
}

const spec = fc.oneof(
  fc.constantFrom('app=x', 'tier=y', 'team=z', '10.1.0.0/16', '192.168.0.0/16', '2001:db8::/32'),
  fc.integer({ min: 0, max: 6 }).map((i) => `pod${i}`),
);
const choice: fc.Arbitrary<Choice> = fc.record(
  { from: spec, to: spec, port: fc.tuple(fc.constantFrom(...SAMPLE_PORTS), fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP')), namespace: fc.constantFrom('a', 'b', 'c') },
  { requiredKeys: [] },
);

describe('a filtered matrix is the full matrix with the lines the filter keeps', () => {
  it('on random clusters, both levels, streamed and whole', () => {
    fc.assert(
      fc.property(randomSnapshot, fc.constantFrom<Level>('workload', 'pod'), choice, (snapshot, level, c) => {
        const m = computeMatrix(snapshot);
        const f: EdgeFilter = { applied: {} };
        for (const [end, key] of [['from', 'src'], ['to', 'dst']] as const) {
          const text = c[end];
          if (text === undefined) continue;
          const r = resolveNodeFilter(snapshot, text);
          const any = snapshot.pods.some((p) => !text.includes('=') || p.labels[text.split('=')[0]!] === text.split('=')[1]);
          const named = /^pod\d$/.test(text) ? snapshot.pods.some((p) => p.name === text) : any;
          expect(r.ok).toBe(named); // a selector or name that fits no pod is an error; an address never is
          if (!r.ok) return;
          f[key] = r.matches;
        }
        if (c.port) {
          const p = parsePortFilter(`${c.port[0]}/${c.port[1].toLowerCase()}`);
          if (!p.ok) throw new Error(p.reason);
          f.connections = p.connections;
        }
        if (c.namespace) f.namespaces = new Set([c.namespace]);
        const full = connectivity(m, level);
        const expected = full.edges.map((e) => expectedLine(snapshot, e, c) ?? '').join('');
        const walk = filterWalk(connectivityWalk(m, level), f);
        expect(joinChunks(txtChunks(walk))).toBe(expected);
        const whole = filterConnectivity(full, f);
        expect(formatTxt(whole)).toBe(expected);
        // The walk's rows are renumbered to its own node list: the ends of the kept pairs.
        expect(walk.nodes.map((n) => n.id)).toEqual(whole.nodes.map((n) => n.id));
        expect([...walk.edges].map((e) => `${e.src.id} ${e.dst.id} ${e.connections.toString()}`)).toEqual(whole.edges.map((e) => `${e.src.id} ${e.dst.id} ${e.connections.toString()}`));
      }),
      { numRuns: 300 },
    );
  });
});
