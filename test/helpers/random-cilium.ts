import fc from 'fast-check';
import { CILIUM_ENTITIES, type CiliumEntity, type CiliumPeer, type CiliumServiceBackend, type CiliumPolicy, type CiliumPort, type CiliumRule, type CiliumSection } from '../../src/model/cilium-policy.js';
import type { LabelSelector } from '../../src/model/labels.js';
import type { Pod, Snapshot } from '../../src/model/snapshot.js';
import { cidr, pluginAssumptions, randomAdminSnapshot, randomSnapshot, selector } from './random-cluster.js';

/**
 * Random Cilium policies over random-cluster.ts's vocabulary (namespaces a, b, c; labels app,
 * tier, team = x, y, z; ports http, dns, metrics; its CIDRs), mixed into its random clusters of
 * NetworkPolicies (and sometimes AdminNetworkPolicies): both kinds, the four sections, every peer
 * kind of the slice (toServices resolved to Services in egress rules), ports with ANY and names, and enableDefaultDeny either way.
 */
const src = { file: 'random', doc: 0, line: 1, col: 1 };
const NAMESPACES = ['a', 'b', 'c'];
const CIDRS = ['10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '192.168.0.0/16', '0.0.0.0/0', '2001:db8::/32', '::/0', '8.8.8.8/32'];
const EXCEPTS = ['10.1.0.0/16', '10.1.2.0/24', '192.168.1.0/24', '2001:db8:1::/48'];

/** Selectors on pod labels, sometimes naming the namespace (by name or by the namespace's labels). */
const ciliumSelector: fc.Arbitrary<LabelSelector> = fc.oneof(
  { weight: 3, arbitrary: selector },
  { weight: 1, arbitrary: fc.tuple(selector, fc.constantFrom(...NAMESPACES)).map(([s, ns]) => ({ ...s, matchLabels: { ...s.matchLabels, 'io.kubernetes.pod.namespace': ns } })) },
  { weight: 1, arbitrary: fc.tuple(selector, fc.constantFrom('x', 'y')).map(([s, v]) => ({ ...s, matchLabels: { ...s.matchLabels, 'io.cilium.k8s.namespace.labels.team': v } })) },
);
const namesNamespace = (s: LabelSelector) => [...Object.keys(s.matchLabels), ...s.matchExpressions.map((e) => e.key)].some((k) => k === 'io.kubernetes.pod.namespace' || k.startsWith('io.cilium.k8s.namespace.labels.'));

/**
 * A `toServices` item resolved against Services (what the loader leaves of it,
 * src/load/resolve-cilium-services.ts): one or two Services, each selecting pods of its namespace,
 * mostly by labels some pod of the cluster has (as Services are written), else by any labels; or
 * without a selector, its EndpointSlices' addresses.
 */
const serviceBackend = (pods: readonly Pod[]): fc.Arbitrary<CiliumServiceBackend> => {
  const labelled = pods.filter((p) => Object.keys(p.labels).length > 0);
  const anyLabels = fc.record({ namespace: fc.constantFrom(...NAMESPACES), selector: fc.dictionary(fc.constantFrom('app', 'tier', 'team'), fc.constantFrom('x', 'y', 'z'), { minKeys: 1, maxKeys: 2 }) });
  const fromPod = labelled.length
    ? fc.constantFrom(...labelled).chain((pod) => fc.subarray(Object.keys(pod.labels), { minLength: 1 }).map((keys) => ({ namespace: pod.namespace, selector: Object.fromEntries(keys.map((k) => [k, pod.labels[k]!])) })))
    : anyLabels;
  // A Service without a selector: its EndpointSlices' addresses, as the loader resolves them (some are pods' IPs: CIDRs do not select pods).
  const addressed = fc.record({ namespace: fc.constantFrom(...NAMESPACES), addresses: fc.uniqueArray(fc.constantFrom('10.1.2.5/32', '10.2.0.1/32', '192.168.1.7/32', '8.8.8.8/32', '2001:db8:1:2::5/128'), { maxLength: 3 }).map((l) => l.map(cidr)) });
  return fc.oneof({ weight: 3, arbitrary: fromPod }, { weight: 1, arbitrary: anyLabels }, { weight: 1, arbitrary: addressed }).map((b): CiliumServiceBackend => ({ name: 'svc', ...b }));
};
const servicePeer = (pods: readonly Pod[]): fc.Arbitrary<CiliumPeer> =>
  fc.array(serviceBackend(pods), { minLength: 1, maxLength: 2 }).map((services): CiliumPeer => ({
    kind: 'service',
    query: { by: 'labels', selector: { matchLabels: { svc: 'yes' }, matchExpressions: [] } },
    services: services.map((b, i) => ({ ...b, name: `svc${i}` })),
    source: src,
  }));

const peer = (namespace: string | undefined, section: CiliumSection, pods: readonly Pod[]): fc.Arbitrary<CiliumPeer> =>
  fc.oneof(
    // toServices is resolved in egress allow rules only (processRule walks rule.Egress).
    { weight: section === 'egress' ? 4 : 0, arbitrary: servicePeer(pods) },
    { weight: 3, arbitrary: ciliumSelector.map((s): CiliumPeer => ({ kind: 'endpoints', selector: s, ...(namespace !== undefined && !namesNamespace(s) ? { namespace } : {}), source: src })) },
    { weight: 2, arbitrary: fc.constantFrom<CiliumEntity>(...CILIUM_ENTITIES).map((entity): CiliumPeer => ({ kind: 'entity', entity, source: src })) },
    {
      weight: 2,
      arbitrary: fc.record({ c: fc.constantFrom(...CIDRS), e: fc.uniqueArray(fc.constantFrom(...EXCEPTS), { maxLength: 2 }) }).map((x): CiliumPeer => {
        const c = cidr(x.c);
        const except = x.e.map(cidr).filter((e) => e.family === c.family && c.lo <= e.lo && e.hi <= c.hi);
        return { kind: 'cidr', cidr: c, except, source: src };
      }),
    },
    { weight: 1, arbitrary: fc.constant<CiliumPeer>({ kind: 'unmodelled', what: 'toFQDNs', source: src }) },
  );

const protocol = fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const, 'ANY' as const);
const port: fc.Arbitrary<CiliumPort> = fc.oneof(
  fc.record({ p: protocol, from: fc.constantFrom(1, 53, 80, 443, 8080, 9090), len: fc.constantFrom(0, 0, 1, 100, 65534) }).map(
    (x): CiliumPort => ({ kind: 'range', protocol: x.p, from: x.from, to: Math.min(65535, x.from + x.len), source: src }),
  ),
  fc.record({ p: protocol, n: fc.constantFrom('http', 'dns', 'metrics') }).map((x): CiliumPort => ({ kind: 'named', protocol: x.p, name: x.n, source: src })),
);

const rule = (section: CiliumSection, index: number, namespace: string | undefined, pods: readonly Pod[]): fc.Arbitrary<CiliumRule> =>
  fc.record({
    peers: fc.oneof(fc.constant('any' as const), fc.constant([]), fc.array(peer(namespace, section, pods), { minLength: 1, maxLength: 2 })),
    ports: fc.oneof(fc.constant('any' as const), fc.array(port, { minLength: 1, maxLength: 2 })),
  }).map((r) => ({ section, direction: section.startsWith('ingress') ? 'ingress' : 'egress', deny: section.endsWith('Deny'), index, ...r, unmodelled: [], source: src }));

const section = (s: CiliumSection, namespace: string | undefined, pods: readonly Pod[]) =>
  fc.integer({ min: 0, max: 2 }).chain((n) => (n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => rule(s, i, namespace, pods)))));

const policy = (i: number, pods: readonly Pod[]): fc.Arbitrary<CiliumPolicy> =>
  fc
    .record({ clusterwide: fc.boolean(), namespace: fc.constantFrom(...NAMESPACES) })
    .chain(({ clusterwide, namespace }) => {
      const ns = clusterwide ? undefined : namespace;
      return fc.record({
        ns: fc.constant(ns),
        endpointSelector: ciliumSelector,
        ingress: section('ingress', ns, pods),
        ingressDeny: section('ingressDeny', ns, pods),
        egress: section('egress', ns, pods),
        egressDeny: section('egressDeny', ns, pods),
        given: fc.record({ ingress: fc.option(fc.boolean(), { nil: undefined }), egress: fc.option(fc.boolean(), { nil: undefined }) }),
        // A host policy (nodeSelector) or a reserved: endpointSelector, now and then.
        selectsNoPod: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      });
    })
    .map((p): CiliumPolicy => {
      const rules = [...p.ingress, ...p.ingressDeny, ...p.egress, ...p.egressDeny];
      const has = (d: 'ingress' | 'egress') => rules.some((r) => r.direction === d);
      return {
        kind: p.ns === undefined ? 'CiliumClusterwideNetworkPolicy' : 'CiliumNetworkPolicy',
        apiVersion: 'cilium.io/v2',
        name: `cnp${i}`,
        ...(p.ns !== undefined ? { namespace: p.ns } : {}),
        specPath: 'spec',
        endpointSelector: p.endpointSelector,
        selectsNoPod: p.selectsNoPod,
        rules,
        defaultDeny: { ingress: p.given.ingress ?? has('ingress'), egress: p.given.egress ?? has('egress') },
        unmodelled: [],
        source: src,
      };
    });

/**
 * A random cluster with NetworkPolicies, up to four Cilium policies, sometimes admin network
 * policies, and any of the plugin behaviours (docs/cni-profiles.md) for its NetworkPolicies.
 */
export const randomCiliumSnapshot: fc.Arbitrary<Snapshot> = fc
  .record({ base: fc.oneof({ weight: 4, arbitrary: randomSnapshot }, { weight: 1, arbitrary: randomAdminSnapshot }), n: fc.integer({ min: 1, max: 4 }), assumptions: fc.option(pluginAssumptions, { nil: undefined }) })
  .chain((x) => fc.tuple(fc.constant(x.base), fc.constant(x.assumptions), fc.tuple(...Array.from({ length: x.n }, (_, i) => policy(i, x.base.pods)))))
  .map(([base, assumptions, ciliumPolicies]) => ({ ...base, ...(assumptions ? { assumptions } : {}), ciliumPolicies }));
