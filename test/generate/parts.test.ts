import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { chooseSelector } from '../../src/generate/choose-selector.js';
import { freeze } from '../../src/generate/generate.js';
import { ipBlocksFor, rangeCidrs } from '../../src/generate/ip-blocks.js';
import { podClasses } from '../../src/generate/pod-classes.js';
import { dnsName, NameAllocator } from '../../src/generate/policy-names.js';
import { portItems } from '../../src/generate/port-items.js';
import { isVolatileLabel, stableLabels } from '../../src/generate/stable-labels.js';
import type { Labels } from '../../src/model/labels.js';
import type { ContainerPort, Pod, Snapshot } from '../../src/model/snapshot.js';
import { ConnectionSet } from '../../src/net/connection-set.js';
import { parseIp } from '../../src/net/ip-address.js';
import { PortSet } from '../../src/net/port-set.js';

const src = { file: 't', doc: 0, line: 1, col: 1 };
const pod = (name: string, labels: Labels, ports: ContainerPort[] = [], namespace = 'ns'): Pod => ({
  id: `${namespace}/${name}`, name, namespace, labels, ports, ips: [], hostNetwork: false, owner: { kind: 'Pod', name }, fromTemplate: false, replicas: 1, source: src,
});

describe('stable labels (docs: Deployment pod-template-hash, StatefulSet/DaemonSet controller-revision-hash, Job controller-uid)', () => {
  it.each(['pod-template-hash', 'controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'batch.kubernetes.io/controller-uid', 'controller-uid', 'example.com/config-hash'])('%s is volatile', (k) => expect(isVolatileLabel(k)).toBe(true));
  it.each(['app', 'app.kubernetes.io/name', 'tier', 'hashicorp.com/vault'])('%s is stable', (k) => expect(isVolatileLabel(k)).toBe(false));
  it('drops the volatile ones', () => expect(stableLabels({ app: 'web', 'pod-template-hash': '7f9c' })).toEqual({ app: 'web' }));
});

describe('the selector of a class within its namespace', () => {
  const select = (target: Labels, ...others: Labels[]) => {
    const classes = podClasses([pod('t', target), ...others.map((l, i) => pod(`o${i}`, l))]);
    const t = classes.find((c) => c.owners[0] === 'ns/t[Pod]')!;
    return chooseSelector(t, classes);
  };
  it.each<[string, Labels, Labels[], object, object[]]>([
    ['the recommended name first', { 'app.kubernetes.io/name': 'web', app: 'web', tier: 'x' }, [{ app: 'db' }], { 'app.kubernetes.io/name': 'web' }, []],
    ['app before other keys', { tier: 'front', app: 'web' }, [{ app: 'db', tier: 'back' }], { app: 'web' }, []],
    ['one more label only when needed', { app: 'web', track: 'canary' }, [{ app: 'web', track: 'stable' }], { app: 'web', track: 'canary' }, []],
    ['DoesNotExist when another class has every label and more', { app: 'web' }, [{ app: 'web', track: 'canary' }], { app: 'web' }, [{ key: 'track', operator: 'DoesNotExist', values: [] }]],
    ['a class without labels', {}, [{ app: 'db' }], {}, [{ key: 'app', operator: 'DoesNotExist', values: [] }]],
    ['never a hash', { app: 'web', 'pod-template-hash': 'abc' }, [{ app: 'db' }], { app: 'web' }, []],
  ])('%s', (_, target, others, matchLabels, matchExpressions) => {
    expect(select(target, ...others)).toEqual({ matchLabels, matchExpressions });
  });
});

describe('address ranges as ipBlocks', () => {
  const v4 = (t: string) => parseIp(t)!.value;
  it.each([
    ['10.0.0.0', '10.0.0.255', ['10.0.0.0/24']],
    ['10.0.0.1', '10.0.0.6', ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32']],
    ['0.0.0.0', '255.255.255.255', ['0.0.0.0/0']],
  ])('%s-%s', (lo, hi, cidrs) => expect(rangeCidrs(4, v4(lo), v4(hi))).toEqual(cidrs));
  it('a CIDR with excepts when the holes take fewer CIDRs (0.0.0.0/0 except 10.0.0.0/8)', () => {
    expect(ipBlocksFor(4, [[0n, v4('9.255.255.255')], [v4('11.0.0.0'), v4('255.255.255.255')]])).toEqual([{ cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] }]);
  });
  it('plain CIDRs otherwise', () => expect(ipBlocksFor(4, [[v4('203.0.113.0'), v4('203.0.113.255')]])).toEqual([{ cidr: '203.0.113.0/24', except: [] }]));
});

describe('ports', () => {
  const web = pod('w', {}, [{ name: 'http', port: 8080, protocol: 'TCP' }]);
  it('by the name every destination pod gives the port', () => expect(portItems(ConnectionSet.of({ TCP: PortSet.range(8080) }), [web])).toEqual([{ protocol: 'TCP', port: 'http' }]));
  it('by number when a pod names it otherwise', () =>
    expect(portItems(ConnectionSet.of({ TCP: PortSet.range(8080) }), [web, pod('v', {}, [{ name: 'web', port: 8080, protocol: 'TCP' }])])).toEqual([{ protocol: 'TCP', port: 8080 }]));
  it('ranges with endPort, whole protocols bare, everything as no ports', () => {
    expect(portItems(ConnectionSet.of({ TCP: PortSet.range(1000, 2000), UDP: PortSet.ALL }), [])).toEqual([{ protocol: 'TCP', port: 1000, endPort: 2000 }, { protocol: 'UDP' }]);
    expect(portItems(ConnectionSet.ALL, [])).toBeUndefined();
  });
});

describe('hostile names and labels', () => {
  it('policy names are DNS subdomains, unique in a namespace', () => {
    expect(dnsName('../../etc/Passwd')).toBe('etc-passwd');
    expect(dnsName('\u001b[31m')).toBe('31m');
    const names = new NameAllocator();
    expect([names.take('api', '-ingress'), names.take('api', '-ingress')]).toEqual(['api-ingress', 'api-ingress-2']);
  });

  it('labels reach the YAML only through the emitter: written and read back unchanged, YAML 1.1 words quoted', () => {
    const values = ['y', 'on', 'no', '0x1F', '010', 'null', '~', '- a', 'a: b', '#x', '"q"', "'s'", 'a\nb', '\u001b[2J', '*ref', '&a', '{x}', '[1]'];
    const pods = values.map((v, i) => pod(`p${i}`, { app: v }));
    const snapshot: Snapshot = { namespaces: [{ name: 'ns', labels: { 'kubernetes.io/metadata.name': 'ns' }, annotations: {}, implicit: false }], pods, policies: [], services: [] };
    const g = freeze(snapshot);
    const docs = g.files[0]!.text.split(/^---$/m).map((d) => parseYaml(d, { version: '1.1' }) as { spec: { podSelector: { matchLabels?: Labels } } });
    const selected = docs.map((d) => d.spec.podSelector.matchLabels?.app).filter((v) => v !== undefined);
    expect(new Set(selected)).toEqual(new Set(values));
    expect(g.files[0]!.text).not.toContain('\u001b');
  });
});
