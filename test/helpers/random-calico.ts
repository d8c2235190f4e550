import fc from 'fast-check';
import type { CalicoAction, CalicoEntityRule, CalicoNetworkSet, CalicoPolicy, CalicoPort, CalicoRule, CalicoServiceSlice, CalicoTier } from '../../src/model/calico-policy.js';
import type { Direction, Protocol } from '../../src/model/policy.js';
import type { Pod, Service, ServiceAccount, ServicePort, Snapshot } from '../../src/model/snapshot.js';
import { formatIp } from '../../src/net/ip-address.js';
import { cidr, pluginAssumptions, randomAdminSnapshot, randomSnapshot, sampleAddresses } from './random-cluster.js';

/**
 * Random Calico objects over random-cluster.ts's vocabulary (namespaces a, b, c; labels app, tier,
 * team = x, y, z; ports http, dns, metrics; its CIDRs), mixed into its random clusters of
 * NetworkPolicies (and sometimes admin network policies): both policy kinds, up to two extra tiers
 * (one with default action Pass), colliding orders (and none), the four actions, selectors and
 * notSelectors, namespaceSelectors with all() and global(), serviceAccounts, nets and notNets,
 * network sets, protocols and notProtocol, ports, ranges, names and notPorts; ServiceAccount
 * objects (some absent) with labels, matched by `serviceAccountSelector` and
 * `serviceAccounts.selector`, and network sets that carry a `pcsa.` label. random-cluster.ts gives
 * pods no IP, one IPv4 address or one of each family, inside, outside and on the edges of these
 * nets (Calico matches pods by address: docs/calico.md), and here some keep only their IPv6 one;
 * rules get `ipVersion` 4 or 6 agreeing with their nets, which may be IPv6. Two Services, and a
 * policy whose first rules match them by `services`; a Service without selector now and then has
 * EndpointSlices (addresses of pods and outside addresses, ports that differ between slices).
 */
const src = { file: 'random', doc: 0, line: 1, col: 1 };
const NAMESPACES = ['a', 'b', 'c'];
const CIDRS = ['10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '192.168.0.0/16', '8.8.8.8/32', '172.16.5.0/24', '2001:db8:1::/48', '2001:db8::/32'];

const atom = fc.constantFrom(
  "app == 'x'",
  "app != 'y'",
  "tier == 'z'",
  'has(team)',
  '!has(app)',
  "team in {'x', 'y'}",
  "app not in {'x'}",
  "projectcalico.org/namespace == 'a'",
  "projectcalico.org/serviceaccount == 'sa1'",
  "role == 'partner'",
  "role == 'bad'",
);
const selector: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: atom },
  { weight: 1, arbitrary: fc.constant('all()') },
  { weight: 2, arbitrary: fc.tuple(atom, atom, fc.constantFrom('&&', '||')).map(([a, b, op]) => `${a} ${op} ${b}`) },
);
/** On a ServiceAccount's labels (team, app = x, y; projectcalico.org/name). */
const accountSelector = fc.constantFrom("team == 'x'", "team != 'y'", '!has(team)', "projectcalico.org/name == 'sa1'", "app in {'x', 'y'}", 'all()', "team == 'x' || projectcalico.org/name == 'default'");
const namespaceSelector = fc.constantFrom("team == 'x'", "team != 'y'", 'all()', 'global()', "projectcalico.org/name == 'b'", 'has(team)');

const port: fc.Arbitrary<CalicoPort> = fc.oneof(
  fc.record({ from: fc.constantFrom(0, 53, 80, 443, 8080, 9090), len: fc.constantFrom(0, 0, 1, 100, 65535) }).map((x): CalicoPort => ({ kind: 'range', from: x.from, to: Math.min(65535, x.from + x.len) })),
  fc.constantFrom('http', 'dns', 'metrics').map((name): CalicoPort => ({ kind: 'named', name })),
);
/** `a` one time in `oneIn`, else undefined. */
const opt = <T>(a: fc.Arbitrary<T>, oneIn = 3): fc.Arbitrary<T | undefined> => fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });

const entity = (withPorts: boolean): fc.Arbitrary<CalicoEntityRule> =>
  fc
    .record({
      nets: opt(fc.uniqueArray(fc.constantFrom(...CIDRS), { minLength: 1, maxLength: 2 }), 5),
      notNets: fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...CIDRS), { minLength: 1, maxLength: 2 }) }),
      selector: opt(selector, 3),
      notSelector: opt(selector, 5),
      namespaceSelector: opt(namespaceSelector, 5),
      serviceAccountNames: opt(fc.uniqueArray(fc.constantFrom('default', 'sa1'), { minLength: 1, maxLength: 2 }), 6),
      ports: withPorts ? opt(fc.array(port, { minLength: 1, maxLength: 2 }), 2) : fc.constant(undefined),
      notPorts: withPorts ? fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(port, { minLength: 1, maxLength: 2 }) }) : fc.constant([]),
    })
    .map((e): CalicoEntityRule => {
      const out: CalicoEntityRule = { notNets: e.notNets.map(cidr), notPorts: e.notPorts };
      if (e.nets) out.nets = e.nets.map(cidr);
      if (e.selector !== undefined) out.selector = e.selector;
      if (e.notSelector !== undefined) out.notSelector = e.notSelector;
      if (e.namespaceSelector !== undefined) out.namespaceSelector = e.namespaceSelector;
      if (e.serviceAccountNames) out.serviceAccountNames = e.serviceAccountNames;
      if (e.ports) out.ports = e.ports;
      return out;
    });

const protocols: fc.Arbitrary<Protocol[]> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Protocol[]>(['TCP', 'UDP', 'SCTP']) },
  { weight: 3, arbitrary: fc.constantFrom<Protocol[]>(['TCP'], ['UDP'], ['UDP', 'SCTP'], []) },
);

/**
 * A rule's nets and notNets kept to one family, and its ipVersion to theirs (validateRule: "rule
 * contains both IPv4 and IPv6 CIDRs", "rule IP version doesn't match CIDR version"): the IPv6
 * CIDRs are dropped from a rule that has IPv4 ones.
 */
function oneFamily(r: CalicoRule): CalicoRule {
  const all = [r.source, r.destination].flatMap((e) => [...(e.nets ?? []), ...e.notNets]);
  const family = all.some((c) => c.family === 4) ? 4 : all.length ? 6 : undefined;
  const keep = (e: CalicoEntityRule): CalicoEntityRule => {
    const nets = e.nets?.filter((c) => c.family === family);
    const { nets: _, ...rest } = e;
    return { ...rest, ...(nets?.length ? { nets } : {}), notNets: e.notNets.filter((c) => c.family === family) };
  };
  const { ipVersion, ...rule } = r;
  return { ...rule, source: keep(r.source), destination: keep(r.destination), ...(ipVersion !== undefined && (family === undefined || family === ipVersion) ? { ipVersion } : {}) };
}

const rule = (direction: Direction, index: number): fc.Arbitrary<CalicoRule> =>
  fc
    .record({ action: fc.constantFrom<CalicoAction>('Allow', 'Allow', 'Deny', 'Deny', 'Pass', 'Log'), protocols, source: entity(false), destination: entity(true), ipVersion: opt(fc.constantFrom<4 | 6>(4, 6, 6), 3) })
    .map(({ ipVersion, ...r }) => oneFamily({ direction, index, ...r, ...(ipVersion !== undefined ? { ipVersion } : {}), unmodelled: [], at: src }));

/** Up to three random rules, often followed by a catch-all Allow (so that what an earlier Deny or Pass takes is visible). */
const rules = (direction: Direction) =>
  fc.record({ n: fc.integer({ min: 0, max: 3 }), allowAll: fc.boolean() }).chain(({ n, allowAll }) =>
    (n === 0 ? fc.constant([] as CalicoRule[]) : fc.tuple(...Array.from({ length: n }, (_, i) => rule(direction, i)))).map((rs): CalicoRule[] =>
      allowAll && n > 0 ? [...rs, { direction, index: n, action: 'Allow', protocols: ['TCP', 'UDP', 'SCTP'], source: { notNets: [], notPorts: [] }, destination: { notNets: [], notPorts: [] }, unmodelled: [], at: src }] : rs,
    ),
  );

const policy = (i: number, tiers: readonly string[]): fc.Arbitrary<CalicoPolicy> =>
  fc
    .record({
      global: fc.boolean(),
      // Names sort apart from generation order (and around knp.default.*), so that ties in order are broken by name.
      prefix: fc.constantFrom('a', 'm', 'z'),
      namespace: fc.constantFrom(...NAMESPACES),
      tier: fc.constantFrom('default', 'default', ...tiers),
      order: fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: fc.constantFrom(100, 500, 500, 1000, 1000, 2000) }),
      selector: fc.oneof({ weight: 2, arbitrary: fc.constant('all()') }, { weight: 3, arbitrary: selector }),
      namespaceSelector: opt(namespaceSelector.filter((s) => s !== 'global()'), 4),
      ingress: rules('ingress'),
      egress: rules('egress'),
      types: fc.option(fc.constantFrom({ ingress: true, egress: false }, { ingress: false, egress: true }, { ingress: true, egress: true }), { nil: undefined }),
    })
    .map((p): CalicoPolicy => ({
      kind: p.global ? 'GlobalNetworkPolicy' : 'NetworkPolicy',
      apiVersion: 'projectcalico.org/v3',
      name: `${p.prefix}${i}`,
      ...(p.global ? {} : { namespace: p.namespace }),
      tier: p.tier,
      ...(p.order !== undefined ? { order: p.order } : {}),
      selector: p.selector,
      ...(p.global && p.namespaceSelector !== undefined ? { namespaceSelector: p.namespaceSelector } : {}),
      types: p.types ?? { ingress: p.ingress.length > 0 || p.egress.length === 0, egress: p.egress.length > 0 },
      ingress: p.ingress,
      egress: p.egress,
      unmodelled: [],
      selectsNoPod: false,
      source: src,
    }));

const networkSet = (i: number): fc.Arbitrary<CalicoNetworkSet> =>
  fc
    .record({ global: fc.boolean(), namespace: fc.constantFrom(...NAMESPACES), role: fc.constantFrom('partner', 'bad'), nets: fc.uniqueArray(fc.constantFrom(...CIDRS), { minLength: 1, maxLength: 2 }) })
    .map((s) => ({ kind: s.global ? 'GlobalNetworkSet' : 'NetworkSet', name: `set${i}`, ...(s.global ? {} : { namespace: s.namespace }), labels: { role: s.role }, nets: s.nets.map(cidr), source: src }));

/** ServiceAccounts default and sa1 of each namespace, each present three times in four, labelled team and app = x or y (or not). */
const serviceAccounts: fc.Arbitrary<ServiceAccount[]> = fc
  .array(fc.record({ present: fc.constantFrom(true, true, true, false), team: opt(fc.constantFrom('x', 'y'), 2), app: opt(fc.constantFrom('x', 'y'), 3) }), { minLength: NAMESPACES.length * 2, maxLength: NAMESPACES.length * 2 })
  .map((xs) =>
    xs.flatMap((x, i) => (x.present ? [{ name: i % 2 ? 'sa1' : 'default', namespace: NAMESPACES[i >> 1]!, labels: { ...(x.team ? { team: x.team } : {}), ...(x.app ? { app: x.app } : {}) }, source: src }] : [])),
  );

const tiers: fc.Arbitrary<CalicoTier[]> = fc.constantFrom<CalicoTier[]>(
  [],
  [{ name: 'security', order: 100, defaultAction: 'Deny' }],
  [{ name: 'security', order: 100, defaultAction: 'Deny' }, { name: 'platform', order: 2000, defaultAction: 'Pass' }],
  [{ name: 'platform', order: 2_000_000, defaultAction: 'Pass' }],
  [{ name: 'late', defaultAction: 'Deny' }],
);

/**
 * Now and then a broad Deny or Pass of the default tier ahead of Kubernetes NetworkPolicy
 * (order 500 < 1000), on some ports: where it sits relative to `knp.default.*` decides answers.
 */
const sweep: fc.Arbitrary<CalicoPolicy[]> = fc.oneof(
  { weight: 2, arbitrary: fc.constant([]) },
  {
    weight: 1,
    arbitrary: fc.record({ action: fc.constantFrom<CalicoAction>('Deny', 'Pass'), ingress: fc.boolean(), ports: fc.array(port, { minLength: 1, maxLength: 2 }), protocols }).map(({ action, ingress, ports, protocols }): CalicoPolicy[] => {
      const direction: Direction = ingress ? 'ingress' : 'egress';
      const rule: CalicoRule = { direction, index: 0, action, protocols, source: { notNets: [], notPorts: [] }, destination: { notNets: [], notPorts: [], ports }, unmodelled: [], at: src };
      return [{ kind: 'GlobalNetworkPolicy', apiVersion: 'projectcalico.org/v3', name: 'sweep', tier: 'default', order: 500, selector: 'all()', types: { ingress, egress: !ingress }, ingress: ingress ? [rule] : [], egress: ingress ? [] : [rule], unmodelled: [], selectsNoPod: false, source: src }];
    }),
  },
);

/**
 * The cluster's Services svc0 and svc1: each in a namespace, with a
 * selector on the pods' labels (now and then none: then `services` naming it is not resolved),
 * and ports whose targetPort is a number or one of the pods' port names, on the three protocols.
 */
const SERVICE_PORTS: ServicePort[] = [
  { port: 80, protocol: 'TCP', targetPort: 8080 },
  { port: 8080, protocol: 'TCP', targetPort: 'http' },
  { port: 53, protocol: 'UDP', targetPort: 'dns' },
  { port: 9090, protocol: 'SCTP', targetPort: 'metrics' },
  { port: 443, protocol: 'UDP', targetPort: 443 },
  { port: 90, protocol: 'TCP', targetPort: 'metrics' },
];
const services = (pods: readonly Pod[]): fc.Arbitrary<Service[]> => {
  const labelled = pods.filter((p) => Object.keys(p.labels).length > 0);
  const anyLabels = fc.record({ namespace: fc.constantFrom(...NAMESPACES), selector: fc.dictionary(fc.constantFrom('app', 'tier', 'team'), fc.constantFrom('x', 'y', 'z'), { minKeys: 1, maxKeys: 2 }) });
  // Mostly by labels some pod has (as Services are written), so that the Service has endpoints.
  const fromPod = labelled.length
    ? fc.constantFrom(...labelled).chain((pod) => fc.subarray(Object.keys(pod.labels), { minLength: 1 }).map((keys) => ({ namespace: pod.namespace, selector: Object.fromEntries(keys.map((k) => [k, pod.labels[k]!])) })))
    : anyLabels;
  const noSelector = fc.record({ namespace: fc.constantFrom(...NAMESPACES), selector: fc.constant(undefined) });
  return fc.tuple(
    ...['svc0', 'svc1'].map((name) =>
      fc
        .tuple(fc.oneof({ weight: 6, arbitrary: fromPod }, { weight: 2, arbitrary: anyLabels }, { weight: 3, arbitrary: noSelector }), fc.subarray(SERVICE_PORTS, { minLength: 1, maxLength: 3 }))
        .map(([x, ports]): Service => ({ name, namespace: x.namespace, ...(x.selector ? { selector: x.selector } : {}), ports, source: src })),
    ),
  );
};

/**
 * A rule with `services` where Calico allows it (an egress destination, an ingress source),
 * alone in its end as the validator requires, naming one of the cluster's Services (svc0, svc1)
 * or one it lacks, mostly in the Service's namespace ('' until resolved), else in any.
 */
interface ServiceRulePick {
  action: CalicoAction;
  egress: boolean;
  protocols: Protocol[];
  name: string;
  namespace: string;
  other: string | undefined;
}
const serviceRule: fc.Arbitrary<ServiceRulePick> = fc.record({
  action: fc.constantFrom<CalicoAction>('Allow', 'Deny', 'Pass'),
  egress: fc.boolean(),
  protocols: fc.oneof({ weight: 2, arbitrary: fc.constant<Protocol[]>(['TCP', 'UDP', 'SCTP']) }, { weight: 1, arbitrary: protocols }),
  name: fc.constantFrom('svc0', 'svc0', 'svc0', 'svc1', 'svc1', 'svc1', 'nosvc'),
  namespace: fc.oneof({ weight: 5, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(...NAMESPACES) }),
  // An ingress rule's other end: anything, or pods of one app.
  other: fc.constantFrom<string | undefined>(undefined, undefined, "app == 'x'"),
});

/**
 * Three times in four, a GlobalNetworkPolicy `services` of the default tier selecting every pod, with
 * one to three such rules first (so that they decide), then now and then a catch-all Pass.
 */
const servicePolicy = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.record({ order: fc.constantFrom<number | undefined>(undefined, 100, 1500), rules: fc.array(serviceRule, { minLength: 1, maxLength: 3 }), pass: fc.boolean() }) },
);

/**
 * EndpointSlices of svc0 and svc1 (used when the Service has no selector), as Felix reads them
 * (felix/serviceindex/serviceindex.go membersFromEndpointSlice): per Service none (then `services`
 * naming it is not resolved) or one or two slices, each with one to three addresses (mostly pods'
 * IPs, else outside addresses the test may ask about) and zero to three numbered ports.
 */
const SLICE_PORTS = [
  { port: 80, protocol: 'TCP' as const },
  { port: 53, protocol: 'UDP' as const },
  { port: 9090, protocol: 'SCTP' as const },
  { port: 443, protocol: 'TCP' as const },
  { port: 8080, protocol: 'TCP' as const },
];
const serviceSlices = (pods: readonly Pod[]): fc.Arbitrary<(CalicoServiceSlice[] | undefined)[]> => {
  // Mostly the pods' IPs (the test asks about every pod, only a few outside addresses).
  const podIps = [...new Set(pods.flatMap((p) => p.ips))];
  const outside = sampleAddresses().map((a) => formatIp(a.family, a.addr));
  const address = podIps.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...podIps) }, { weight: 1, arbitrary: fc.constantFrom(...outside) }) : fc.constantFrom(...outside);
  const slice = (i: number) =>
    fc.tuple(fc.uniqueArray(address, { minLength: 1, maxLength: 3 }), fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 4, arbitrary: fc.subarray(SLICE_PORTS, { minLength: 1, maxLength: 3 }) })).map(([addrs, ports]): CalicoServiceSlice => ({
      name: `slice${i}`,
      source: src,
      addresses: addrs.map((a) => cidr(`${a}/${a.includes(':') ? 128 : 32}`)),
      ports,
    }));
  const slices = fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 2 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => slice(i)))) });
  return fc.tuple(slices, slices);
};

/** The drawn services policy, its rules resolved against the cluster's Services (and svc0's, svc1's EndpointSlices) as src/load/resolve-calico-services.ts does (unresolved ones are left without a backend). */
function servicesPolicy(drawn: { order: number | undefined; rules: ServiceRulePick[]; pass: boolean } | undefined, svcs: readonly Service[], slices: readonly (CalicoServiceSlice[] | undefined)[]): CalicoPolicy[] {
  if (!drawn) return [];
  const ingress: CalicoRule[] = [];
  const egress: CalicoRule[] = [];
  for (const pick of drawn.rules) {
    const namespace = pick.namespace || (svcs.find((x) => x.name === pick.name)?.namespace ?? 'a');
    const svc = svcs.find((x) => x.name === pick.name && x.namespace === namespace);
    const own = svc && !svc.selector ? slices[svcs.indexOf(svc)] : undefined;
    const backend = svc?.selector ? { kind: 'selector' as const, selector: svc.selector, ports: svc.ports } : own ? { kind: 'slices' as const, slices: own } : undefined;
    const services = { name: pick.name, namespace, ...(backend ? { backend } : {}) };
    const other: CalicoEntityRule = { notNets: [], notPorts: [], ...(pick.other ? { selector: pick.other } : {}) };
    const list = pick.egress ? egress : ingress;
    list.push({ direction: pick.egress ? 'egress' : 'ingress', index: list.length, action: pick.action, protocols: pick.protocols, source: pick.egress ? other : { notNets: [], notPorts: [], services }, destination: pick.egress ? { notNets: [], notPorts: [], services } : other, unmodelled: [], at: src });
  }
  if (drawn.pass) for (const list of [ingress, egress]) if (list.length) list.push({ ...list[0]!, index: list.length, action: 'Pass', protocols: ['TCP', 'UDP', 'SCTP'], source: { notNets: [], notPorts: [] }, destination: { notNets: [], notPorts: [] } });
  return [{ kind: 'GlobalNetworkPolicy', apiVersion: 'projectcalico.org/v3', name: 'services', tier: 'default', ...(drawn.order !== undefined ? { order: drawn.order } : {}), selector: 'all()', types: { ingress: ingress.length > 0, egress: egress.length > 0 }, ingress, egress, unmodelled: [], selectsNoPod: false, source: src }];
}

/** Service account selectors drawn per cluster: one per policy and one per rule end, in order (more than five policies of four rules each need). */
const ACCOUNT_PICKS = 48;

/** Puts the drawn service account selectors on the policies (`serviceAccountSelector`) and on their rules' ends (`serviceAccounts.selector`), in order. */
function withAccountSelectors(policies: CalicoPolicy[], picks: readonly (string | undefined)[]): CalicoPolicy[] {
  let next = 0;
  const pick = () => picks[next++ % picks.length];
  const end = (e: CalicoEntityRule): CalicoEntityRule => {
    const s = pick();
    return s === undefined ? e : { ...e, serviceAccountSelector: s };
  };
  const rule = (r: CalicoRule): CalicoRule => ({ ...r, source: end(r.source), destination: end(r.destination) });
  return policies.map((p) => {
    const s = pick();
    return { ...p, ...(s !== undefined ? { serviceAccountSelector: s } : {}), ingress: p.ingress.map(rule), egress: p.egress.map(rule) };
  });
}

/** A random cluster with NetworkPolicies, sometimes admin network policies, and one to four Calico policies in random tiers; pods get service accounts. */
export const randomCalicoSnapshot: fc.Arbitrary<Snapshot> = fc
  .record({ base: fc.oneof({ weight: 3, arbitrary: randomSnapshot }, { weight: 2, arbitrary: randomAdminSnapshot }), tiers, n: fc.integer({ min: 1, max: 4 }), sets: fc.integer({ min: 0, max: 2 }), assumptions: fc.option(pluginAssumptions, { nil: undefined }) })
  .chain((x) => {
    const names = ['default', ...x.tiers.map((t) => t.name)];
    return fc.tuple(
      fc.constant(x),
      fc.tuple(fc.tuple(...Array.from({ length: x.n }, (_, i) => policy(i, names))), sweep).map(([ps, sw]) => [...ps, ...sw]),
      x.sets ? fc.tuple(...Array.from({ length: x.sets }, (_, i) => networkSet(i))) : fc.constant([]),
      fc.array(fc.constantFrom('default', 'sa1', undefined), { minLength: 7, maxLength: 7 }),
      // Drawn last, so that the rest of the cluster is what it was before service account selectors were drawn.
      serviceAccounts,
      fc.array(opt(accountSelector, 5), { minLength: ACCOUNT_PICKS, maxLength: ACCOUNT_PICKS }),
      fc.array(opt(fc.constantFrom('x', 'y'), 3), { minLength: 2, maxLength: 2 }),
      services(x.base.pods),
      servicePolicy,
      // Some pods with an address of each family keep only the IPv6 one (IPv6-only pods).
      fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
      serviceSlices(x.base.pods),
    );
  })
  .map(([x, policies, networkSets, accounts, serviceAccountObjects, picks, setTeams, svcs, servicePicks, v6only, slices]) => ({
    ...x.base,
    services: svcs,
    serviceAccounts: serviceAccountObjects,
    pods: x.base.pods.map((p, i) => ({ ...p, ...(accounts[i] ? { serviceAccountName: accounts[i] } : {}), ...(v6only[i] && p.ips.length > 1 ? { ips: p.ips.filter((ip) => ip.includes(':')) } : {}) })),
    ...(x.assumptions ? { assumptions: x.assumptions } : {}),
    calico: {
      policies: [...withAccountSelectors(policies, picks), ...servicesPolicy(servicePicks, svcs, slices)],
      networkSets: networkSets.map((s, i) => (setTeams[i] ? { ...s, labels: { ...s.labels, 'pcsa.team': setTeams[i]! } } : s)),
      tiers: [...x.tiers, { name: 'default', order: 1_000_000, defaultAction: 'Deny' as const }],
    },
  }));
