import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/engine/endpoint.js';
import { ReferenceEvaluator } from '../../src/engine/reference.js';
import { withProfile } from '../../src/engine/with-profile.js';
import { parseFlowCsv } from '../../src/generate/csv-flows.js';
import { generateFromFlows } from '../../src/generate/from-flows.js';
import { parseHubbleFlows } from '../../src/generate/hubble-flows.js';
import { loadSnapshot, loadTexts } from '../../src/load/load-snapshot.js';
import { PROTOCOLS, type Protocol } from '../../src/model/policy.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { parseIp } from '../../src/net/ip-address.js';
import { ROOT } from '../helpers/run-cli.js';

const dir = join(ROOT, 'examples', 'three-tier');
const threeTier = () => withProfile(loadSnapshot([dir]).snapshot, 'generic');

/** The flows of the fixture (examples/three-tier/hubble-flows.jsonl), by hand: workload, or address, to workload on a port. */
const FLOWS: [string, string, Protocol, number][] = [
  ['198.51.100.23', 'ingress-nginx/ingress-nginx-controller[Deployment]', 'TCP', 80],
  ['ingress-nginx/ingress-nginx-controller[Deployment]', 'shop/frontend[Deployment]', 'TCP', 8080],
  ['shop/frontend[Deployment]', 'shop/api[Deployment]', 'TCP', 9000],
  ['shop/api[Deployment]', 'shop/db[StatefulSet]', 'TCP', 5432],
  ['shop/api[Deployment]', '203.0.113.10', 'TCP', 443],
];
const MANAGED = ['ingress-nginx', 'shop'];
const RESOLVER = 'kube-system/coredns[Deployment]';
const PORTS = [53, 79, 80, 81, 443, 5432, 8080, 9000, 9090];
const ADDRESSES = ['198.51.100.23', '198.51.100.24', '203.0.113.10', '203.0.113.11', '8.8.8.8'];

/** Every connection between the pods (a managed one at one end) and sample addresses, on sample ports: allowed exactly when a flow (or DNS) says so. */
function checkExactly(after: Snapshot, dns: boolean): string[] {
  const ref = new ReferenceEvaluator(after);
  const ends: Endpoint[] = [...after.pods.map((pod): Endpoint => ({ kind: 'pod', pod })), ...ADDRESSES.map((a): Endpoint => ({ kind: 'ip', family: 4, addr: parseIp(a)!.value }))];
  const name = (e: Endpoint) => (e.kind === 'pod' ? e.pod.id : ADDRESSES.find((a) => parseIp(a)!.value === e.addr)!);
  const managed = (e: Endpoint) => e.kind === 'pod' && MANAGED.includes(e.pod.namespace);
  const wrong: string[] = [];
  for (const src of ends) {
    for (const dst of ends) {
      if (src === dst || (src.kind === 'ip' && dst.kind === 'ip') || !(managed(src) || managed(dst))) continue;
      for (const protocol of PROTOCOLS) {
        for (const port of PORTS) {
          const required =
            FLOWS.some(([s, d, p, n]) => s === name(src) && d === name(dst) && p === protocol && n === port) ||
            (dns && managed(src) && name(dst) === RESOLVER && port === 53 && protocol !== 'SCTP');
          if (ref.allowed({ src, dst, protocol, port }) !== required) wrong.push(`${name(src)} -> ${name(dst)} ${protocol}/${port}: ${required ? 'denied' : 'allowed'}`);
        }
      }
    }
  }
  return wrong;
}

describe('generate --from a Hubble export (issue #23 acceptance)', () => {
  const text = readFileSync(join(dir, 'hubble-flows.jsonl'), 'utf8');

  it('reads the flows Hubble prints and leaves out replies, drops, node traffic, ICMP and repeats', () => {
    const r = parseHubbleFlows('hubble-flows.jsonl', text);
    expect(r.problems).toEqual([]);
    expect(r.lines.map((l) => `${l.src} -> ${l.dst}`)).toEqual([
      '198.51.100.23 -> ingress-nginx/Deployment/ingress-nginx-controller:80/tcp',
      'ingress-nginx/Deployment/ingress-nginx-controller -> shop/Deployment/frontend:8080/tcp',
      'shop/Deployment/frontend -> kube-system/Deployment/coredns:53/udp',
      'shop/Deployment/frontend -> shop/Deployment/api:9000/tcp',
      'shop/Deployment/api -> kube-system/Deployment/coredns:53/udp',
      'shop/Deployment/api -> shop/StatefulSet/db:5432/tcp',
      'shop/Deployment/api -> 203.0.113.10:443/tcp',
    ]);
    expect(r.lines.map((l) => l.source.line)).toEqual([1, 2, 5, 6, 7, 8, 9]);
    expect(Object.fromEntries(r.skipped)).toEqual({
      'seen before (the same flow at another observation point, or again)': 1,
      reply: 1,
      'verdict DROPPED': 1,
      'source: node or Cilium-internal traffic (reserved:host, remote-node, health, ingress), which NetworkPolicy does not select': 1,
      'no TCP, UDP or SCTP destination port (ICMP, or no layer 4)': 1,
    });
  });

  it('writes policies that allow exactly the flows in it, and DNS (by the reference evaluator, not the proof)', () => {
    const made = generateFromFlows(threeTier(), parseHubbleFlows('f', text).lines);
    expect(made.problems).toEqual([]);
    const g = made.generation!;
    expect(g.proof).toMatchObject({ missing: [], extra: [], required: 9 });
    expect(g.managed).toEqual(MANAGED);
    expect(checkExactly(g.after, true)).toEqual([]);
  });

  it.each(['cilium', 'calico'] as const)('as %s policies (--policy-kind): exactly the flows and DNS, read back and applied by hand, under that plugin', (kind) => {
    const s = withProfile(loadSnapshot([dir]).snapshot, kind);
    const g = generateFromFlows(s, parseHubbleFlows('f', text).lines, { kind }).generation!;
    expect(g.reloadProblems).toEqual([]);
    expect(g.proof).toMatchObject({ missing: [], extra: [], required: 9 });
    const read = loadTexts(g.files.map((f) => ({ file: `${f.namespace}.yaml`, text: f.text })));
    expect(read.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const policies = s.policies.filter((p) => !MANAGED.includes(p.namespace));
    const after: Snapshot = kind === 'cilium' ? { ...s, policies, ciliumPolicies: read.declared.ciliumPolicies! } : { ...s, policies, calico: read.declared.calico! };
    expect(checkExactly(after, true)).toEqual([]);
  });

  it('a snapshot without the resolver, nor its namespace: DNS to the stand-in is allowed, the namespace inferred (not "kept policies")', () => {
    const s = withProfile(loadSnapshot([join(ROOT, 'examples', 'multi-namespace')]).snapshot, 'generic');
    expect(s.namespaces.some((n) => n.name === 'kube-system')).toBe(false);
    const csv = parseFlowCsv('f.csv', 'payments/Deployment/checkout,payments/Deployment/ledger,50051/tcp\n');
    const g = generateFromFlows(s, csv.lines).generation!;
    expect(g.proof).toMatchObject({ missing: [], extra: [], required: 3 });
    expect(g.notes).toContain('the snapshot has no cluster resolver: DNS is allowed to kube-system pods labelled k8s-app=kube-dns');
  });

  it('without DNS when told (--no-dns), from flows that have none (the CSV)', () => {
    const csv = parseFlowCsv('flows.csv', readFileSync(join(dir, 'flows.csv'), 'utf8'));
    const g = generateFromFlows(threeTier(), csv.lines, { dns: false }).generation!;
    expect(g.proof).toMatchObject({ missing: [], extra: [], required: 5 });
    expect(checkExactly(g.after, false)).toEqual([]);
    expect(g.files.map((f) => f.text).join('')).not.toContain('kube-dns');
  });

  it('the same flows written as CSV give the same manifests', () => {
    const csv = parseFlowCsv('flows.csv', readFileSync(join(dir, 'flows.csv'), 'utf8'));
    expect(csv.problems).toEqual([]);
    const fromCsv = generateFromFlows(threeTier(), csv.lines).generation!;
    const fromHubble = generateFromFlows(threeTier(), parseHubbleFlows('f', text).lines).generation!;
    expect(fromCsv.files.map((f) => f.text)).toEqual(fromHubble.files.map((f) => f.text));
  });

  it('names bad lines by file and line', () => {
    const r = parseHubbleFlows('x.jsonl', '{"flow":{"verdict":"FORWARDED"}}\nnot json\n[1]\n');
    expect(r.problems.map((p) => [p.source?.line, p.message.split(':')[0]])).toEqual([
      [2, 'not JSON'],
      [3, 'expected a JSON object per line (hubble observe -o json)'],
    ]);
  });
});

describe('flows as CSV', () => {
  it.each([
    // RFC 4180: quoted fields hold commas (a selector) and doubled quotes.
    ['"app=a,tier=b",db,5432/tcp', ['app=a,tier=b', 'db', 5432, 'TCP']],
    ['shop/api , shop/db , postgres', ['shop/api', 'shop/db', 'postgres', 'TCP']],
    ['a,b,53/udp', ['a', 'b', 53, 'UDP']],
    ['a,b', ['a', 'b', undefined, undefined]],
  ])('%s', (line, [src, dst, port, protocol]) => {
    const r = parseFlowCsv('f.csv', `src,dst,port/proto\n${line}\n`);
    expect(r.problems).toEqual([]);
    expect(r.lines).toHaveLength(1);
    expect([r.lines[0]!.src, r.lines[0]!.dst, r.lines[0]!.port?.port, r.lines[0]!.port?.protocol]).toEqual([src, dst, port, protocol]);
  });

  it.each([
    ['a,b,c,d', 'expected src,dst,port/proto (2 or 3 fields), got 4'],
    ['a,b,70000', 'port 70000 is not between 1 and 65535'],
    ['a,b,80/icmp', 'protocol "icmp" is not tcp, udp or sctp'],
    ['"a,b', 'a quoted field is not closed'],
    [',b,80', 'an empty source or destination'],
  ])('refuses %s with its line', (line, message) => {
    const r = parseFlowCsv('f.csv', `# comment\n\n${line}\n`);
    expect(r.problems).toEqual([expect.objectContaining({ message, source: expect.objectContaining({ file: 'f.csv', line: 3 }) })]);
  });

  it('a name that matches nothing is a problem at its line, with candidates', () => {
    const made = generateFromFlows(threeTier(), parseFlowCsv('f.csv', 'shop/frontend,shop/apx,80\n').lines);
    expect(made.generation).toBeUndefined();
    expect(made.problems).toEqual([expect.objectContaining({ message: expect.stringContaining('no workload, pod or service named "apx" in namespace shop'), source: expect.objectContaining({ line: 1 }) })]);
  });
});
