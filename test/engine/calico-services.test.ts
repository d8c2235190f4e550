import { describe, expect, it } from 'vitest';
import { Explainer } from '../../src/explain/explain.js';
import { analyze, dedent, ns, pod } from '../helpers/analyze.js';

/**
 * A rule's `services` (docs/calico.md, "Services"). Calico's "Use service rules in policy" page
 * (docs.tigera.io, network-policy/policy-rules/service-policy): "Endpoint addresses and ports to
 * allow will be automatically detected from the service". Felix turns a destination `services`
 * into an IP set of (endpoint address, port, protocol) and a source one into the endpoints'
 * addresses alone (felix/calc/rule_scanner.go: `ServiceIncludePorts: true` for DstService, false
 * for SrcService; felix/serviceindex/serviceindex.go membersFromEndpointSlice), the ports being
 * the EndpointSlice's: the Service's targetPorts, a name resolved on each pod. The namespace
 * defaults to the policy's ("If left empty, the rule will match within this policy's namespace":
 * ServiceMatch, api/pkg/apis/projectcalico/v3/policy_common.go). projectcalico/calico 87c15906f2.
 */
const indent = (s: string) => dedent(s).split('\n').map((l) => `  ${l}`).join('\n');
const cnp = (name: string, namespace: string, spec: string) => `apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${indent(spec)}\n`;
const gnp = (name: string, spec: string) => `apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n${indent(spec)}\n`;
const service = (name: string, namespace: string, selector: Record<string, string> | undefined, ports: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${selector ? `  selector: ${JSON.stringify(selector)}\n` : ''}  ports:\n${ports}\n`;

const cluster = [
  ns('my-app'),
  ns('db'),
  ns('frontend'),
  pod('client', { app: 'client' }, { ns: 'my-app' }),
  pod('postgres-0', { app: 'postgres' }, { ns: 'db', ports: [{ port: 5432 }] }),
  pod('other', { app: 'other' }, { ns: 'db', ports: [{ port: 5432 }] }),
  pod('web', { app: 'web' }, { ns: 'frontend', ports: [{ name: 'http', port: 8080 }] }),
  service('postgres', 'db', { app: 'postgres' }, '  - {port: 5432, targetPort: 5432}'),
  service('web', 'frontend', { app: 'web' }, '  - {port: 80, targetPort: http}\n  - {port: 53, protocol: UDP, targetPort: 5353}'),
];

/** A policy for the client pods: Deny to the Service's endpoints, then Allow everything. */
const denyServiceThenAllow = (name: string, namespace: string) =>
  gnp('no-db', `
      selector: app == 'client'
      egress:
      - action: Deny
        destination:
          services: {name: ${name}, namespace: ${namespace}}
      - action: Allow
    `);

describe('Calico services (Use service rules in policy)', () => {
  it('"egress traffic is allowed to the kubernetes service": a destination services allows its endpoints on their target ports only', () => {
    const a = analyze(...cluster, cnp('allow-db', 'my-app', `
      selector: all()
      egress:
      - action: Allow
        destination:
          services: {name: postgres, namespace: db}
    `));
    expect(a.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(a.snapshot.unmodelled ?? []).toEqual([]);
    expect(a.can('my-app/client', 'db/postgres-0', 'TCP', 5432)).toBe(true);
    expect(a.can('my-app/client', 'db/postgres-0', 'TCP', 80)).toBe(false); // "and ports"
    expect(a.can('my-app/client', 'db/postgres-0', 'UDP', 5432)).toBe(false); // the Service port's protocol
    expect(a.can('my-app/client', 'db/other', 'TCP', 5432)).toBe(false); // not an endpoint
  });

  it('a named targetPort resolves on each endpoint pod (the EndpointSlice port), not the Service port', () => {
    const a = analyze(...cluster, cnp('allow-web', 'my-app', `
      selector: all()
      egress:
      - action: Allow
        destination:
          services: {name: web, namespace: frontend}
    `));
    expect(a.can('my-app/client', 'frontend/web', 'TCP', 8080)).toBe(true); // port 80 → targetPort http (8080)
    expect(a.can('my-app/client', 'frontend/web', 'TCP', 80)).toBe(false);
    expect(a.can('my-app/client', 'frontend/web', 'UDP', 5353)).toBe(true); // UDP port 53 → targetPort 5353
    expect(a.can('my-app/client', 'frontend/web', 'UDP', 53)).toBe(false);
    // The rule's protocol narrows what the Service gives.
    const tcp = analyze(...cluster, cnp('allow-web', 'my-app', `
      selector: all()
      egress:
      - action: Allow
        protocol: TCP
        destination:
          services: {name: web, namespace: frontend}
    `));
    expect(tcp.can('my-app/client', 'frontend/web', 'TCP', 8080)).toBe(true);
    expect(tcp.can('my-app/client', 'frontend/web', 'UDP', 5353)).toBe(false);
  });

  it('"Allow access from a specified service": a source services matches the endpoints on any port; the namespace defaults to the policy\'s', () => {
    const a = analyze(...cluster, cnp('from-web', 'frontend', `
      selector: all()
      ingress:
      - action: Allow
        source:
          services: {name: web}
    `), cnp('to-db', 'db', `
      selector: all()
      ingress:
      - action: Allow
        source:
          services: {name: web, namespace: frontend}
    `));
    expect(a.can('frontend/web', 'db/postgres-0', 'TCP', 5432)).toBe(true);
    expect(a.can('frontend/web', 'db/postgres-0', 'UDP', 9999)).toBe(true);
    expect(a.can('my-app/client', 'db/postgres-0', 'TCP', 5432)).toBe(false);
    expect(a.can('frontend/web', 'frontend/web', 'TCP', 8080)).toBe(true); // web in frontend: the policy's namespace
  });

  it('a Deny with services takes what it matches before a later Allow (rules in order)', () => {
    const a = analyze(...cluster, denyServiceThenAllow('postgres', 'db'));
    expect(a.can('my-app/client', 'db/postgres-0', 'TCP', 5432)).toBe(false);
    expect(a.can('my-app/client', 'db/postgres-0', 'TCP', 5433)).toBe(true);
    expect(a.can('my-app/client', 'db/other', 'TCP', 5432)).toBe(true);
  });

  it('a Service the snapshot lacks, or one without selector and without EndpointSlice in the snapshot, stays not modelled: a warning, and the policy makes answers undetermined', () => {
    for (const svc of [[], [service('postgres', 'db', undefined, '  - {port: 5432}')]]) {
      const a = analyze(...cluster.filter((d) => !d.includes('name: postgres, namespace: db')), ...svc, cnp('allow-db', 'my-app', `
        selector: all()
        egress:
        - action: Allow
          destination:
            services: {name: postgres, namespace: db}
      `));
      const warnings = a.diagnostics.filter((d) => d.code === 'calico-unmodelled').map((d) => d.message);
      expect(warnings).toEqual([
        svc.length
          ? 'destination services db/postgres (the Service has no selector and the snapshot no EndpointSlice of it: Calico matches the addresses of its EndpointSlices (add kubectl get endpointslices -A -o yaml)) is not modelled: answers for the endpoints this policy selects are undetermined'
          : 'destination services db/postgres (the snapshot has no such Service; the cluster may have one) is not modelled: answers for the endpoints this policy selects are undetermined',
      ]);
      expect(a.snapshot.unmodelled?.map((u) => `${u.kind} ${u.namespace}/${u.name}`)).toEqual(['NetworkPolicy my-app/allow-db']);
    }
  });

  it('the explanation names the Service and the ports it gave', () => {
    const a = analyze(...cluster, cnp('allow-web', 'my-app', `
      selector: all()
      egress:
      - action: Allow
        destination:
          services: {name: web, namespace: frontend}
    `));
    const client = a.snapshot.pods.find((p) => p.id === 'my-app/client')!;
    const web = a.snapshot.pods.find((p) => p.id === 'frontend/web')!;
    const e = new Explainer(a.snapshot).explain({ kind: 'pod', pod: client }, { kind: 'pod', pod: web });
    const step = e.egress.calico!.tiers[0]!.steps[0]!;
    expect(step).toMatchObject({ kind: 'rule', services: { destination: { namespace: 'frontend', name: 'web', ports: [{ port: 80, protocol: 'TCP', targetPort: 'http', resolved: 8080 }, { port: 53, protocol: 'UDP', targetPort: 5353, resolved: 5353 }] } } });
  });
});

/**
 * A Service without selector: Felix reads only the EndpointSlices labelled
 * `kubernetes.io/service-name: <name>` in the Service's namespace (felix/serviceindex/serviceindex.go
 * `serviceName`, `UpdateEndpointSlice`), never the Service's selector; `membersFromEndpointSlice`
 * makes, for a destination, one (address, port, protocol) member per endpoint address and slice
 * port whose `port` is set (TCP unless UDP or SCTP; a slice without ports gives none), and for a
 * source one member per address; it reads no endpoint condition (ready, serving, terminating) and
 * skips addresses that are not IPs. projectcalico/calico 87c15906f20c4ca1fda55af92295e7678b0cc0b2.
 */
describe('Calico services: a Service without selector resolves to its EndpointSlices (Felix serviceindex)', () => {
  const ipPod = (name: string, namespace: string, ip: string, labels: Record<string, string> = {}) =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${namespace}, labels: ${JSON.stringify(labels)}}\nspec: {containers: [{name: c, image: i}]}\nstatus: {podIP: ${ip}}\n`;
  const slice = (name: string, namespace: string, service: string, addressType: string, endpoints: string, ports: string) =>
    `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: ${name}, namespace: ${namespace}, labels: {kubernetes.io/service-name: ${service}}}\naddressType: ${addressType}\nendpoints:\n${endpoints}\nports: ${ports}\n`;
  const base = [
    ns('app'),
    ns('ext'),
    ipPod('client', 'app', '10.1.0.1', { app: 'client' }),
    ipPod('proxy', 'ext', '10.1.0.7'),
    ipPod('stranger', 'ext', '10.1.0.8'),
    service('db', 'ext', undefined, '  - {port: 5432}'),
    slice('db-1', 'ext', 'db', 'IPv4', '- addresses: [10.1.0.7]\n  conditions: {ready: true}\n- addresses: [192.0.2.10]\n  conditions: {ready: false}', '[{port: 5432}, {port: 53, protocol: UDP}, {name: any}]'),
    slice('db-2', 'ext', 'db', 'IPv4', '- addresses: [192.0.2.20]\n  conditions: {ready: false, serving: true, terminating: true}', '[{port: 6432}]'),
    slice('db-names', 'ext', 'db', 'FQDN', '- addresses: [db.example.com]', '[{port: 7000}]'),
    slice('other-1', 'ext', 'other', 'IPv4', '- addresses: [192.0.2.30]', '[{port: 5432}]'),
  ];
  const toDb = cnp('to-db', 'app', `
    selector: all()
    egress:
    - action: Allow
      destination:
        services: {name: db, namespace: ext}
  `);

  it('a destination services allows each address on the numbered ports of its slice, ready or not; a pod whose IP is one of them is matched', () => {
    const a = analyze(...base, toDb);
    expect(a.diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error')).toEqual([]);
    expect(a.snapshot.unmodelled ?? []).toEqual([]);
    expect(a.can('app/client', '10.1.0.7', 'TCP', 5432)).toBe(true); // IP set member (addr, 5432, tcp)
    expect(a.can('app/client', 'ext/proxy', 'TCP', 5432)).toBe(true); // the pod holding that address
    expect(a.can('app/client', 'ext/proxy', 'UDP', 53)).toBe(true); // protocol from the slice port
    expect(a.can('app/client', 'ext/proxy', 'TCP', 53)).toBe(false);
    expect(a.can('app/client', 'ext/proxy', 'TCP', 6432)).toBe(false); // db-2's port is not db-1's: members are per slice
    expect(a.can('app/client', '192.0.2.10', 'TCP', 5432)).toBe(true); // not ready: Felix reads no condition
    expect(a.can('app/client', '192.0.2.20', 'TCP', 6432)).toBe(true); // terminating: the same
    expect(a.can('app/client', '192.0.2.20', 'TCP', 5432)).toBe(false);
    expect(a.can('app/client', 'ext/stranger', 'TCP', 5432)).toBe(false); // not an address of the slices
    expect(a.can('app/client', '192.0.2.30', 'TCP', 5432)).toBe(false); // another Service's slice
    expect(a.can('app/client', '192.0.2.11', 'TCP', 5432)).toBe(false);
  });

  it('a source services matches the slices\' addresses on any port, a slice without numbered ports included', () => {
    const peer = ipPod('peer', 'app', '10.1.0.2');
    const a = analyze(...base, peer, slice('db-3', 'ext', 'db', 'IPv4', '- addresses: [10.1.0.2]', '[]'), cnp('from-db', 'app', `
      selector: all()
      ingress:
      - action: Allow
        source:
          services: {name: db, namespace: ext}
    `), cnp('self', 'app', `
      selector: all()
      egress:
      - action: Allow
    `));
    expect(a.can('ext/proxy', 'app/client', 'TCP', 9999)).toBe(true);
    expect(a.can('192.0.2.20', 'app/client', 'UDP', 1)).toBe(true);
    expect(a.can('ext/stranger', 'app/client', 'TCP', 5432)).toBe(false);
    expect(a.can('app/peer', 'app/client', 'TCP', 80)).toBe(true); // db-3 (no ports) still gives its address to a source
    // ... but no (address, port) member to a destination.
    const d = analyze(...base, peer, slice('db-3', 'ext', 'db', 'IPv4', '- addresses: [10.1.0.2]', '[]'), toDb);
    expect(d.can('app/client', 'app/peer', 'TCP', 5432)).toBe(false);
    expect(d.can('app/client', 'app/peer', 'TCP', 80)).toBe(false);
  });

  it('a Deny with a selectorless services takes its members before a later Allow', () => {
    const a = analyze(...base, denyServiceThenAllow('db', 'ext'));
    expect(a.can('app/client', 'ext/proxy', 'TCP', 5432)).toBe(false);
    expect(a.can('app/client', 'ext/proxy', 'TCP', 5433)).toBe(true);
    expect(a.can('app/client', '192.0.2.20', 'TCP', 6432)).toBe(false);
    expect(a.can('app/client', '192.0.2.30', 'TCP', 5432)).toBe(true);
  });

  it('the explanation names the Service, the EndpointSlice its address came from and the slice ports', () => {
    const a = analyze(...base, toDb);
    const client = a.snapshot.pods.find((p) => p.id === 'app/client')!;
    const proxy = a.snapshot.pods.find((p) => p.id === 'ext/proxy')!;
    const e = new Explainer(a.snapshot).explain({ kind: 'pod', pod: client }, { kind: 'pod', pod: proxy });
    const step = e.egress.calico!.tiers[0]!.steps[0]!;
    expect(step).toMatchObject({ kind: 'rule', services: { destination: { namespace: 'ext', name: 'db', endpointSlices: { names: ['db-1'], address: '10.1.0.7' }, slicePorts: [{ port: 5432, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] } } });
  });
});
