import { describe, expect, it } from 'vitest';
import { externalBlocks, mentionsIpv6 } from '../../src/engine/external-blocks.js';
import { buildPodIndex } from '../../src/engine/pod-index.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { pod, policy } from '../helpers/analyze.js';

const load = (...docs: string[]) => loadTexts(docs.map((text, i) => ({ file: `d${i}.yaml`, text }))).snapshot;

describe('pod classes', () => {
  it('pods alike in namespace, labels and named ports share a class; anything else splits them', () => {
    const s = load(
      pod('a1', { app: 'a' }, { ports: [{ name: 'http', port: 80 }, { port: 9 }] }),
      pod('a2', { app: 'a' }, { ports: [{ name: 'http', port: 80 }] }), // unnamed ports do not matter
      pod('a3', { app: 'a' }, { ports: [{ name: 'http', port: 81 }] }), // same name, other number
      pod('a4', { app: 'a' }, { ns: 'other', ports: [{ name: 'http', port: 80 }] }),
      pod('b1', { app: 'b' }),
      pod('b2', { app: 'b', x: '' }),
    );
    const idx = buildPodIndex(s);
    const cls = (name: string) => idx.classOf.get(s.pods.find((p) => p.name === name)!);
    expect(cls('a1')).toBe(cls('a2'));
    expect(new Set(['a1', 'a3', 'a4', 'b1', 'b2'].map(cls)).size).toBe(5);
    expect(idx.classes[cls('a1')!]!.pods.map((p) => p.name)).toEqual(['a1', 'a2']);
    expect(idx.classes[cls('a1')!]!.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    expect(idx.namespaceLabels.get('other')).toEqual({ 'kubernetes.io/metadata.name': 'other' });
  });
});

describe('external blocks', () => {
  const egress = (cidr: string) => policy('p', 'default', `podSelector: {}\npolicyTypes: [Egress]\negress:\n- to: [{ipBlock: {cidr: "${cidr}"}}]`);

  it('IPv6 is shown when an ipBlock or a pod address uses it', () => {
    expect(mentionsIpv6(load(pod('a')))).toBe(false);
    expect(mentionsIpv6(load(pod('a'), egress('10.0.0.0/8')))).toBe(false);
    expect(mentionsIpv6(load(pod('a'), egress('2001:db8::/32')))).toBe(true);
    expect(mentionsIpv6(load('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nstatus: {podIPs: [{ip: 10.1.1.1}, {ip: "fd00::1"}]}\n'))).toBe(true);
  });

  it('cuts both families at every boundary, and a /0 adds no cut past the end', () => {
    const v4 = (s: ReturnType<typeof load>) => externalBlocks(s).filter((b) => b.family === 4).map((b) => [b.lo, b.hi]);
    expect(v4(load(pod('a')))).toEqual([[0n, 4294967295n]]);
    expect(v4(load(pod('a'), egress('0.0.0.0/0')))).toEqual([[0n, 4294967295n]]);
    expect(v4(load(pod('a'), egress('255.255.255.0/24')))).toEqual([[0n, 4294967039n], [4294967040n, 4294967295n]]);
    expect(v4(load(pod('a'), egress('10.0.0.0/8')))).toEqual([[0n, 167772159n], [167772160n, 184549375n], [184549376n, 4294967295n]]);
    expect(externalBlocks(load(pod('a'))).filter((b) => b.family === 6)).toHaveLength(1);
  });
});
