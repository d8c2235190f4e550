import fc from 'fast-check';
import type { AdminPeer, AdminPolicy, AdminPort, AdminRule } from '../../src/model/admin-policy.js';
import type { LabelSelector, SelectorRequirement } from '../../src/model/labels.js';
import type { Cidr, NetworkPolicy, Peer, PortSpec, Protocol, Rule } from '../../src/model/policy.js';
import type { ContainerPort, Namespace, Pod, Snapshot } from '../../src/model/snapshot.js';
import type { Endpoint } from '../../src/engine/endpoint.js';
import { parseCidr } from '../../src/net/cidr.js';
import { distinctAssumptions, type Assumptions } from '../../src/model/cni.js';

/** Random clusters over a small vocabulary, so that selectors, ports and CIDRs often collide. */
const src = { file: 'random', doc: 0, line: 1, col: 1 };
const NAMESPACES = ['a', 'b', 'c'];
const KEYS = ['app', 'tier', 'team'];
const VALUES = ['x', 'y', 'z'];
const PORT_NAMES = ['http', 'dns', 'metrics'];
const CIDRS = ['10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '192.168.0.0/16', '0.0.0.0/0', '172.16.0.0/12', '2001:db8::/32', '2001:db8:1::/48', '::/0'];
const EXCEPTS = ['10.1.0.0/16', '10.1.2.0/24', '10.1.2.128/25', '192.168.1.0/24', '172.16.5.0/24', '2001:db8:1::/48', '2001:db8:1:2::/64', '10.0.0.0/8'];

export const cidr = (t: string): Cidr => {
  const r = parseCidr(t);
  if (!r.ok) throw new Error(t);
  return r.cidr;
};

const labels = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 3 });
const protocol = fc.constantFrom<Protocol>('TCP', 'UDP', 'SCTP');

const requirement: fc.Arbitrary<SelectorRequirement> = fc.oneof(
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('In' as const, 'NotIn' as const), values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 2 }) }),
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const), values: fc.constant([]) }),
);

export const selector: fc.Arbitrary<LabelSelector> = fc.record({
  matchLabels: fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: labels }),
  matchExpressions: fc.array(requirement, { maxLength: 2 }),
});

const namespaceSelector: fc.Arbitrary<LabelSelector> = fc.oneof(
  fc.constant({ matchLabels: {}, matchExpressions: [] }),
  fc.record({ matchLabels: fc.dictionary(fc.constantFrom('team', 'kubernetes.io/metadata.name'), fc.constantFrom(...VALUES, ...NAMESPACES), { maxKeys: 1 }), matchExpressions: fc.constant([]) }),
  fc.record({ matchLabels: fc.constant({}), matchExpressions: fc.array(requirement, { minLength: 1, maxLength: 1 }) }),
);

const peer: fc.Arbitrary<Peer> = fc.oneof(
  // The seven selector combinations: podSelector absent/empty/set × namespaceSelector absent/empty/set, minus both absent.
  fc
    .record({ pod: fc.option(selector, { nil: undefined }), ns: fc.option(namespaceSelector, { nil: undefined }) })
    .filter((p) => p.pod !== undefined || p.ns !== undefined)
    .map((p): Peer => ({ kind: 'pods', ...(p.pod ? { podSelector: p.pod } : {}), ...(p.ns ? { namespaceSelector: p.ns } : {}), source: src })),
  fc.record({ c: fc.constantFrom(...CIDRS), e: fc.uniqueArray(fc.constantFrom(...EXCEPTS), { maxLength: 2 }) }).map((p): Peer => {
    const c = cidr(p.c);
    const except = p.e.map(cidr).filter((e) => e.family === c.family && c.lo <= e.lo && e.hi <= c.hi && !(e.lo === c.lo && e.hi === c.hi));
    return { kind: 'ipBlock', cidr: c, except, source: src };
  }),
);

const portSpec: fc.Arbitrary<PortSpec> = fc.oneof(
  protocol.map((p): PortSpec => ({ kind: 'all', protocol: p, source: src })),
  fc.record({ p: protocol, from: fc.constantFrom(53, 80, 443, 8080, 9090, 1, 65535), len: fc.constantFrom(0, 0, 1, 100, 1000) }).map(
    (x): PortSpec => ({ kind: 'range', protocol: x.p, from: x.from, to: Math.min(65535, x.from + x.len), source: src }),
  ),
  fc.record({ p: protocol, n: fc.constantFrom(...PORT_NAMES) }).map((x): PortSpec => ({ kind: 'named', protocol: x.p, name: x.n, source: src })),
);

const rule = (direction: 'ingress' | 'egress', index: number): fc.Arbitrary<Rule> =>
  fc.record({
    peers: fc.oneof(fc.constant('any' as const), fc.array(peer, { minLength: 1, maxLength: 3 })),
    ports: fc.oneof(fc.constant('any' as const), fc.array(portSpec, { minLength: 1, maxLength: 3 })),
  }).map((r) => ({ direction, index, ...r, source: src }));

const rules = (direction: 'ingress' | 'egress'): fc.Arbitrary<Rule[]> =>
  fc.integer({ min: 0, max: 3 }).chain((n) => (n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => rule(direction, i)))));

const policy = (i: number): fc.Arbitrary<NetworkPolicy> =>
  fc.record({
    namespace: fc.constantFrom(...NAMESPACES),
    podSelector: selector,
    ingressOn: fc.boolean(),
    egressOn: fc.boolean(),
    ingress: rules('ingress'),
    egress: rules('egress'),
  }).map((p) => ({
    name: `p${i}`,
    namespace: p.namespace,
    apiVersion: 'networking.k8s.io/v1',
    podSelector: p.podSelector,
    affects: { ingress: p.ingressOn, egress: p.egressOn },
    policyTypesGiven: true,
    ingress: p.ingress,
    egress: p.egress,
    source: src,
  }));

const containerPorts: fc.Arbitrary<ContainerPort[]> = fc.array(
  fc.record({ name: fc.constantFrom(...PORT_NAMES), port: fc.constantFrom(53, 80, 8080, 9090, 443), protocol }),
  { maxLength: 3 },
).map((ports) => ports.filter((p, i) => ports.findIndex((q) => q.name === p.name) === i)); // names are unique in a pod

// Pod IPs: none (as in manifests), or addresses inside, outside and on the edges of the CIDR
// vocabulary's ranges and excepts, so that ipBlock peers sometimes hold pods (docs/cni-profiles.md).
const POD_IPS = ['10.1.2.5', '10.1.2.200', '10.2.0.1', '10.255.255.255', '192.168.1.7', '192.168.9.9', '172.16.5.1', '172.31.0.1', '8.8.8.8', '2001:db8:1:2::5', '2001:db8:2::1', '2001:db9::1'];
const podIps: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 2, arbitrary: fc.constant([]) },
  { weight: 2, arbitrary: fc.constantFrom(...POD_IPS.filter((ip) => !ip.includes(':'))).map((ip) => [ip]) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...POD_IPS.filter((ip) => !ip.includes(':'))), fc.constantFrom(...POD_IPS.filter((ip) => ip.includes(':')))).map((t) => [...t]) },
);

const pod = (i: number): fc.Arbitrary<Pod> =>
  fc.record({ namespace: fc.constantFrom(...NAMESPACES), labels, ports: containerPorts, hostNetwork: fc.integer({ min: 0, max: 5 }).map((n) => n === 0), ips: podIps }).map((p) => ({
    id: `${p.namespace}/pod${i}`,
    name: `pod${i}`,
    namespace: p.namespace,
    labels: p.labels,
    ports: p.ports,
    ips: p.ips,
    hostNetwork: p.hostNetwork,
    owner: { kind: 'Pod', name: `pod${i}` },
    fromTemplate: false,
    replicas: 1,
    source: src,
  }));

const namespaces: fc.Arbitrary<Namespace[]> = fc.tuple(...NAMESPACES.map(() => fc.dictionary(fc.constant('team'), fc.constantFrom(...VALUES), { maxKeys: 1 }))).map((ls) =>
  NAMESPACES.map((name, i) => ({ name, labels: { ...ls[i], 'kubernetes.io/metadata.name': name }, annotations: {}, implicit: false })),
);

export const randomSnapshot: fc.Arbitrary<Snapshot> = fc
  .record({ pods: fc.integer({ min: 1, max: 7 }), policies: fc.integer({ min: 0, max: 5 }) })
  .chain((n) =>
    fc.record({
      namespaces,
      pods: fc.tuple(...Array.from({ length: n.pods }, (_, i) => pod(i))),
      policies: n.policies === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n.policies }, (_, i) => policy(i))),
    }),
  )
  .map((s) => ({ namespaces: s.namespaces, pods: s.pods, policies: s.policies, services: [] }));

/** Every combination of the plugin behaviours (docs/cni-profiles.md), with the profiles' names where they have one. */
export const pluginAssumptions: fc.Arbitrary<Assumptions> = fc.constantFrom<Assumptions>(
  ...distinctAssumptions(),
  { ipBlockSelectsPods: true, hostNetwork: 'pod', profiles: [] },
  { ipBlockSelectsPods: false, hostNetwork: 'pod', profiles: [] },
);

/** Addresses on and around every CIDR boundary of the vocabulary. */
export function sampleAddresses(): { family: 4 | 6; addr: bigint }[] {
  const out = new Map<string, { family: 4 | 6; addr: bigint }>();
  for (const t of [...CIDRS, ...EXCEPTS]) {
    const c = cidr(t);
    const max = c.family === 4 ? (1n << 32n) - 1n : (1n << 128n) - 1n;
    for (const a of [c.lo - 1n, c.lo, c.lo + 1n, c.hi - 1n, c.hi, c.hi + 1n]) if (a >= 0n && a <= max) out.set(`${c.family}/${a}`, { family: c.family, addr: a });
  }
  return [...out.values()];
}

export const SAMPLE_PORTS = [1, 52, 53, 54, 79, 80, 81, 442, 443, 444, 543, 1080, 8079, 8080, 8081, 9090, 9091, 9190, 10090, 65534, 65535];

// Cluster-wide policies over the same vocabulary: both tiers, the three actions, every peer kind,
// numbered, ranged and named ports, and deliberately colliding priorities.
const adminPeer = (direction: 'ingress' | 'egress'): fc.Arbitrary<AdminPeer> =>
  fc.oneof(
    namespaceSelector.map((n): AdminPeer => ({ kind: 'namespaces', namespaceSelector: n, source: src })),
    fc.record({ n: namespaceSelector, p: selector }).map((x): AdminPeer => ({ kind: 'pods', namespaceSelector: x.n, podSelector: x.p, source: src })),
    ...(direction === 'egress'
      ? [
          fc.uniqueArray(fc.constantFrom(...CIDRS, ...EXCEPTS), { minLength: 1, maxLength: 2 }).map((cs): AdminPeer => ({ kind: 'networks', cidrs: cs.map(cidr), source: src })),
          selector.map((sel): AdminPeer => ({ kind: 'nodes', selector: sel, source: src })),
        ]
      : []),
  );

const adminPort: fc.Arbitrary<AdminPort> = fc.oneof(
  protocol.map((p): AdminPort => ({ kind: 'all', protocol: p, source: src })),
  fc.record({ p: protocol, from: fc.constantFrom(53, 80, 443, 8080, 9090, 1), len: fc.constantFrom(0, 0, 1, 100, 1000) }).map(
    (x): AdminPort => ({ kind: 'range', protocol: x.p, from: x.from, to: Math.min(65535, x.from + x.len), source: src }),
  ),
  fc.constantFrom(...PORT_NAMES).map((n): AdminPort => ({ kind: 'named', name: n, source: src })),
);

const adminRules = (direction: 'ingress' | 'egress', baseline: boolean): fc.Arbitrary<AdminRule[]> =>
  fc.array(
    fc.record({
      action: baseline ? fc.constantFrom('allow' as const, 'deny' as const) : fc.constantFrom('allow' as const, 'deny' as const, 'pass' as const),
      peers: fc.array(adminPeer(direction), { minLength: 1, maxLength: 2 }),
      ports: fc.oneof(fc.constant('any' as const), fc.array(adminPort, { minLength: 1, maxLength: 2 })),
    }),
    { maxLength: 3 },
  ).map((rs) => rs.map((r, index): AdminRule => ({ direction, index, action: r.action, actionText: r.action, peers: r.peers, ports: r.ports, source: src })));

const adminPolicy = (i: number, baseline: boolean): fc.Arbitrary<AdminPolicy> =>
  fc.record({
    priority: fc.integer({ min: 0, max: 3 }),
    ns: namespaceSelector,
    pods: fc.option(selector, { nil: undefined }),
    ingress: adminRules('ingress', baseline),
    egress: adminRules('egress', baseline),
  }).map((p) => ({
    kind: baseline ? 'BaselineAdminNetworkPolicy' : 'AdminNetworkPolicy',
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    name: baseline ? 'default' : `anp${i}`,
    tier: baseline ? 'baseline' : 'admin',
    ...(baseline ? {} : { priority: p.priority }),
    subject: { namespaceSelector: p.ns, ...(p.pods ? { podSelector: p.pods } : {}) },
    ingress: p.ingress,
    egress: p.egress,
    source: src,
  }));

/** A random snapshot with up to three AdminNetworkPolicies and maybe a BaselineAdminNetworkPolicy. */
export const randomAdminSnapshot: fc.Arbitrary<Snapshot> = fc
  .record({ s: randomSnapshot, anps: fc.integer({ min: 0, max: 3 }), banp: fc.boolean() })
  .chain((x) =>
    fc.tuple(fc.constant(x.s), x.anps === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: x.anps }, (_, i) => adminPolicy(i, false))), x.banp ? adminPolicy(0, true).map((b) => [b]) : fc.constant([])),
  )
  .map(([s, anps, banp]) => ({ ...s, adminPolicies: [...anps, ...banp] }));

/** Every ordered pod pair, and each pod with each address both ways: what the property tests check. */
export function endpointPairs(pods: readonly Pod[], addresses: readonly Endpoint[]): [Endpoint, Endpoint][] {
  const ends = pods.map((pod): Endpoint => ({ kind: 'pod', pod }));
  const pairs: [Endpoint, Endpoint][] = [];
  for (const a of ends) {
    for (const b of ends) pairs.push([a, b]);
    for (const x of addresses) pairs.push([a, x], [x, a]);
  }
  return pairs;
}
