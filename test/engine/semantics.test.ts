import { describe, expect, it } from 'vitest';
import { analyze, ns, pod, policy } from '../helpers/analyze.js';

/**
 * The semantics of networking.k8s.io/v1, one table per rule of the documentation
 * (../shared/spec/k8s-1.29-network-policies-networking-v1.txt). Every query is answered by both
 * the bitset engine and the reference evaluator.
 */

const WEB = pod('web', { app: 'web' }, { ports: [{ name: 'http', port: 8080 }] });
const DB = pod('db', { app: 'db' }, { ports: [{ name: 'sql', port: 5432 }] });
const CLIENT = pod('client', { app: 'client' });

describe('isolation and defaults', () => {
  it('with no policy everything is allowed, in every direction and protocol', () => {
    const a = analyze(WEB, DB);
    for (const proto of ['TCP', 'UDP', 'SCTP'] as const) {
      expect(a.can('web', 'db', proto, 1)).toBe(true);
      expect(a.can('db', 'web', proto, 65535)).toBe(true);
      expect(a.can('203.0.113.9', 'web', proto, 443)).toBe(true);
      expect(a.can('web', '203.0.113.9', proto, 443)).toBe(true);
    }
  });

  it.each([
    ['no policyTypes, no egress: Ingress only', 'podSelector: {}\ningress: []', { ingress: true, egress: false }],
    ['no policyTypes, egress rules: Ingress and Egress', 'podSelector: {}\negress:\n- {}', { ingress: true, egress: true }],
    ['no policyTypes, egress: [] (no rules): Ingress only', 'podSelector: {}\negress: []', { ingress: true, egress: false }],
    ['policyTypes [Egress]', 'podSelector: {}\npolicyTypes: [Egress]', { ingress: false, egress: true }],
    ['policyTypes [Ingress, Egress]', 'podSelector: {}\npolicyTypes: [Ingress, Egress]', { ingress: true, egress: true }],
    ['empty policyTypes list: defaults', 'podSelector: {}\npolicyTypes: []', { ingress: true, egress: false }],
  ])('%s', (_title, spec, affects) => {
    const a = analyze(WEB, policy('p', 'default', spec));
    expect(a.snapshot.policies[0]!.affects).toEqual(affects);
  });

  it('an empty podSelector selects every pod of the namespace, and only of it', () => {
    const a = analyze(WEB, DB, pod('other', {}, { ns: 'other' }), policy('deny', 'default', 'podSelector: {}\npolicyTypes: [Ingress]'));
    expect(a.can('other/other', 'web')).toBe(false);
    expect(a.can('web', 'db')).toBe(false);
    expect(a.can('web', 'other/other')).toBe(true);
  });

  it('ingress: [] allows nothing, ingress: [{}] allows everything', () => {
    const deny = analyze(WEB, CLIENT, policy('p', 'default', 'podSelector: {matchLabels: {app: web}}\ningress: []'));
    expect(deny.can('client', 'web')).toBe(false);
    expect(deny.can('198.51.100.1', 'web', 'UDP', 53)).toBe(false);
    const allow = analyze(WEB, CLIENT, policy('p', 'default', 'podSelector: {matchLabels: {app: web}}\ningress:\n- {}'));
    expect(allow.can('client', 'web', 'SCTP', 9)).toBe(true);
    expect(allow.can('198.51.100.1', 'web', 'UDP', 53)).toBe(true);
  });

  it('a rule with from: [] and ports: [] matches everything (empty lists count as absent)', () => {
    const a = analyze(WEB, CLIENT, policy('p', 'default', 'podSelector: {}\ningress:\n- from: []\n  ports: []'));
    expect(a.can('client', 'web', 'UDP', 7)).toBe(true);
  });

  it('isolation is per direction: an egress policy does not isolate for ingress', () => {
    const a = analyze(WEB, CLIENT, policy('p', 'default', 'podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]'));
    expect(a.can('client', 'web')).toBe(true);
    expect(a.can('web', 'client')).toBe(false);
    expect(a.can('web', '8.8.8.8', 'UDP', 53)).toBe(false);
  });

  it('ingress rules of a policy whose policyTypes is [Egress] are ignored', () => {
    const a = analyze(WEB, CLIENT, policy('p', 'default', 'podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]\ningress:\n- {}\negress: []'));
    expect(a.can('web', 'client')).toBe(false);
    expect(a.can('client', 'web')).toBe(true);
  });

  it('a connection needs both the egress of the source and the ingress of the destination', () => {
    const egressOk = policy('e', 'default', 'podSelector: {matchLabels: {app: client}}\npolicyTypes: [Egress]\negress:\n- to: [{podSelector: {matchLabels: {app: web}}}]');
    const ingressDeny = policy('i', 'default', 'podSelector: {matchLabels: {app: web}}\npolicyTypes: [Ingress]');
    const ingressOk = policy('i2', 'default', 'podSelector: {matchLabels: {app: web}}\ningress:\n- from: [{podSelector: {matchLabels: {app: client}}}]');
    expect(analyze(WEB, CLIENT, egressOk).can('client', 'web')).toBe(true);
    expect(analyze(WEB, CLIENT, egressOk, ingressDeny).can('client', 'web')).toBe(false);
    expect(analyze(WEB, CLIENT, egressOk, ingressDeny, ingressOk).can('client', 'web')).toBe(true);
    expect(analyze(WEB, CLIENT, ingressOk, policy('d', 'default', 'podSelector: {}\npolicyTypes: [Egress]')).can('client', 'web')).toBe(false);
  });

  it('policies are additive: a second policy can only add connections', () => {
    const one = policy('one', 'default', 'podSelector: {matchLabels: {app: db}}\ningress:\n- from: [{podSelector: {matchLabels: {app: web}}}]\n  ports: [{port: 5432}]');
    const two = policy('two', 'default', 'podSelector: {matchLabels: {app: db}}\ningress:\n- from: [{podSelector: {matchLabels: {app: client}}}]');
    const a = analyze(WEB, DB, CLIENT, one, two);
    expect(a.can('web', 'db', 'TCP', 5432)).toBe(true);
    expect(a.can('web', 'db', 'TCP', 5433)).toBe(false);
    expect(a.can('client', 'db', 'TCP', 5433)).toBe(true);
  });

  it('a pod always reaches itself, even under default deny', () => {
    const a = analyze(WEB, policy('deny', 'default', 'podSelector: {}\npolicyTypes: [Ingress, Egress]'));
    expect(a.can('web', 'web', 'TCP', 8080)).toBe(true);
  });

  it('two pods of the same labels are still two pods: deny applies between them', () => {
    const a = analyze(pod('w1', { app: 'w' }), pod('w2', { app: 'w' }), policy('deny', 'default', 'podSelector: {}\npolicyTypes: [Ingress]'));
    expect(a.can('w1', 'w2')).toBe(false);
    expect(a.can('w1', 'w1')).toBe(true);
  });
});

describe('peers: the selector combinations', () => {
  const cluster = [
    ns('prod', { env: 'prod' }),
    ns('dev', { env: 'dev' }),
    pod('api', { app: 'api' }, { ns: 'prod' }),
    pod('web', { app: 'web' }, { ns: 'prod' }),
    pod('job', { app: 'job' }, { ns: 'prod' }),
    pod('web', { app: 'web' }, { ns: 'dev' }),
    pod('job', { app: 'job' }, { ns: 'dev' }),
  ];
  const target = (from: string) => policy('p', 'prod', `podSelector: {matchLabels: {app: api}}\ningress:\n- from:\n${from}`);
  it.each([
    ['podSelector alone: same namespace only', '  - podSelector: {matchLabels: {app: web}}', { 'prod/web': true, 'prod/job': false, 'dev/web': false, 'dev/job': false }],
    ['podSelector {} alone: every pod of the policy namespace', '  - podSelector: {}', { 'prod/web': true, 'prod/job': true, 'dev/web': false, 'dev/job': false }],
    ['namespaceSelector alone: all pods of matching namespaces', '  - namespaceSelector: {matchLabels: {env: dev}}', { 'prod/web': false, 'prod/job': false, 'dev/web': true, 'dev/job': true }],
    ['namespaceSelector {}: every pod of every namespace', '  - namespaceSelector: {}', { 'prod/web': true, 'prod/job': true, 'dev/web': true, 'dev/job': true }],
    ['both in one item: AND', '  - namespaceSelector: {matchLabels: {env: dev}}\n    podSelector: {matchLabels: {app: web}}', { 'prod/web': false, 'prod/job': false, 'dev/web': true, 'dev/job': false }],
    ['namespaceSelector {} with podSelector: matching pods in every namespace', '  - namespaceSelector: {}\n    podSelector: {matchLabels: {app: web}}', { 'prod/web': true, 'prod/job': false, 'dev/web': true, 'dev/job': false }],
    ['namespaceSelector with podSelector {}: all pods of matching namespaces', '  - namespaceSelector: {matchLabels: {env: dev}}\n    podSelector: {}', { 'prod/web': false, 'prod/job': false, 'dev/web': true, 'dev/job': true }],
    ['two items: OR (the classic mistake)', '  - namespaceSelector: {matchLabels: {env: dev}}\n  - podSelector: {matchLabels: {app: web}}', { 'prod/web': true, 'prod/job': false, 'dev/web': true, 'dev/job': true }],
    ['namespace by name through kubernetes.io/metadata.name', "  - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dev}}", { 'prod/web': false, 'prod/job': false, 'dev/web': true, 'dev/job': true }],
  ])('%s', (_title, from, expected) => {
    const a = analyze(...cluster, target(from));
    for (const [src, allowed] of Object.entries(expected)) expect([src, a.can(src, 'prod/api')]).toEqual([src, allowed]);
  });

  it('a namespace used but not declared exists, labelled with its name', () => {
    const a = analyze(pod('x', {}, { ns: 'ghost' }), pod('api', { app: 'api' }), policy('p', 'default', "podSelector: {}\ningress:\n- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ghost}}}]"));
    expect(a.snapshot.namespaces.find((n) => n.name === 'ghost')).toMatchObject({ implicit: true, labels: { 'kubernetes.io/metadata.name': 'ghost' } });
    expect(a.can('ghost/x', 'api')).toBe(true);
  });
});

describe('label selectors', () => {
  const pods = [pod('a', { tier: 'fe', env: 'prod' }), pod('b', { tier: 'be' }), pod('c', {}), pod('src', { role: 'src' })];
  const sel = (s: string) => analyze(...pods, policy('p', 'default', `podSelector: ${s}\npolicyTypes: [Ingress]`));
  const isolated = (s: string) => {
    const a = sel(s);
    return ['a', 'b', 'c'].filter((p) => !a.can('src', p));
  };
  it.each([
    ['{}', ['a', 'b', 'c']],
    ['{matchLabels: {tier: fe}}', ['a']],
    ['{matchLabels: {tier: fe, env: dev}}', []],
    ['{matchExpressions: [{key: tier, operator: In, values: [fe, be]}]}', ['a', 'b']],
    ['{matchExpressions: [{key: tier, operator: NotIn, values: [fe]}]}', ['b', 'c']],
    ['{matchExpressions: [{key: tier, operator: Exists}]}', ['a', 'b']],
    ['{matchExpressions: [{key: tier, operator: DoesNotExist}]}', ['c']],
    ['{matchLabels: {env: prod}, matchExpressions: [{key: tier, operator: In, values: [fe]}]}', ['a']],
    ['{matchLabels: {env: prod}, matchExpressions: [{key: tier, operator: In, values: [be]}]}', []],
  ])('%s selects %j', (s, expected) => {
    expect(isolated(s)).toEqual(expected);
  });
});

describe('ports', () => {
  const ingress = (ports: string) =>
    analyze(WEB, CLIENT, pod('multi', { app: 'web' }, { ports: [{ name: 'http', port: 9090 }, { name: 'dns', port: 53, protocol: 'UDP' }] }), policy('p', 'default', `podSelector: {matchLabels: {app: web}}\ningress:\n- ports: ${ports}`));
  it.each([
    ['[{port: 80}] defaults to TCP', '[{port: 80}]', [['TCP', 80, true], ['UDP', 80, false], ['SCTP', 80, false], ['TCP', 81, false]]],
    ['[{protocol: UDP}] is every UDP port', '[{protocol: UDP}]', [['UDP', 1, true], ['UDP', 65535, true], ['TCP', 53, false]]],
    ['SCTP', '[{protocol: SCTP, port: 9}]', [['SCTP', 9, true], ['TCP', 9, false]]],
    ['endPort makes a range, inclusive', '[{port: 32000, endPort: 32768}]', [['TCP', 31999, false], ['TCP', 32000, true], ['TCP', 32768, true], ['TCP', 32769, false]]],
    ['several items are ORed', '[{port: 80}, {protocol: UDP, port: 53}]', [['TCP', 80, true], ['UDP', 53, true], ['UDP', 80, false]]],
  ])('%s', (_t, ports, checks) => {
    const a = ingress(ports);
    for (const [proto, port, allowed] of checks as [('TCP' | 'UDP' | 'SCTP'), number, boolean][]) {
      expect([proto, port, a.can('client', 'web', proto, port)]).toEqual([proto, port, allowed]);
    }
  });

  it('a named port resolves against each destination pod: one name, two numbers', () => {
    const a = ingress('[{port: http}]');
    expect(a.can('client', 'web', 'TCP', 8080)).toBe(true);
    expect(a.can('client', 'web', 'TCP', 9090)).toBe(false);
    expect(a.can('client', 'multi', 'TCP', 9090)).toBe(true);
    expect(a.can('client', 'multi', 'TCP', 8080)).toBe(false);
  });

  it('a named port must match the protocol of the container port', () => {
    const a = ingress('[{port: dns}]'); // TCP by default, but dns is a UDP port
    expect(a.can('client', 'multi', 'TCP', 53)).toBe(false);
    expect(a.can('client', 'multi', 'UDP', 53)).toBe(false);
    expect(ingress('[{port: dns, protocol: UDP}]').can('client', 'multi', 'UDP', 53)).toBe(true);
  });

  it('a named port no pod exposes allows nothing', () => {
    const a = ingress('[{port: grpc}]');
    expect(a.can('client', 'web', 'TCP', 8080)).toBe(false);
  });

  it('egress named ports resolve against the destination pod too, never against an address', () => {
    const a = analyze(WEB, DB, CLIENT, policy('p', 'default', 'podSelector: {matchLabels: {app: client}}\npolicyTypes: [Egress]\negress:\n- ports: [{port: http}, {port: sql}]'));
    expect(a.can('client', 'web', 'TCP', 8080)).toBe(true);
    expect(a.can('client', 'web', 'TCP', 5432)).toBe(false);
    expect(a.can('client', 'db', 'TCP', 5432)).toBe(true);
    expect(a.can('client', '203.0.113.1', 'TCP', 8080)).toBe(false);
  });
});

describe('ipBlock', () => {
  const egressTo = (to: string) => analyze(CLIENT, WEB, policy('p', 'default', `podSelector: {matchLabels: {app: client}}\npolicyTypes: [Egress]\negress:\n- to:\n${to}`));
  it('cidr minus except', () => {
    const a = egressTo('  - ipBlock: {cidr: 172.17.0.0/16, except: [172.17.1.0/24]}');
    expect(a.can('client', '172.17.0.255')).toBe(true);
    expect(a.can('client', '172.17.1.0')).toBe(false);
    expect(a.can('client', '172.17.1.255')).toBe(false);
    expect(a.can('client', '172.17.2.0')).toBe(true);
    expect(a.can('client', '172.18.0.0')).toBe(false);
  });

  it('IPv6 blocks with except', () => {
    const a = egressTo('  - ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}');
    expect(a.can('client', '2001:db8::1')).toBe(true);
    expect(a.can('client', '2001:db8:1::1')).toBe(false);
    expect(a.can('client', '2001:db9::1')).toBe(false);
    expect(a.can('client', '10.0.0.1')).toBe(false);
  });

  it('ipBlocks do not select pods (they name cluster-external addresses)', () => {
    const a = egressTo('  - ipBlock: {cidr: 0.0.0.0/0}');
    expect(a.can('client', 'web')).toBe(false);
    expect(a.can('client', '1.1.1.1', 'UDP', 53)).toBe(true);
  });

  it('a cidr with host bits set is read as its network, with a warning', () => {
    const a = egressTo('  - ipBlock: {cidr: 10.1.2.3/16}');
    expect(a.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'cidr-host-bits' })]);
    expect(a.can('client', '10.1.255.255')).toBe(true);
    expect(a.can('client', '10.2.0.0')).toBe(false);
  });

  it.each([
    ['10.0.0.0/33', 'invalid-cidr'],
    ['10.0.0/8', 'invalid-cidr'],
    ['banana', 'invalid-cidr'],
    ['"2001:db8::/129"', 'invalid-cidr'],
  ])('invalid cidr %s is an error and the policy is left out', (cidr, code) => {
    const a = egressTo(`  - ipBlock: {cidr: ${cidr}}`);
    expect(a.diagnostics.map((d) => d.code)).toEqual([code, 'policy-not-applied']);
    expect(a.snapshot.policies).toHaveLength(0);
  });

  it('an except outside its cidr is an error', () => {
    const a = egressTo('  - ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24]}');
    expect(a.diagnostics.map((d) => d.code)).toEqual(['except-outside-cidr', 'policy-not-applied']);
  });

  it('outside addresses reach a pod that is not isolated for ingress, and the matrix says so', () => {
    const a = egressTo('  - ipBlock: {cidr: 10.0.0.0/8}');
    expect(a.can('8.8.8.8', 'client')).toBe(true);
    expect(a.can('8.8.8.8', 'web')).toBe(true);
  });
});
