import { describe, expect, it } from 'vitest';
import { analyze, dedent, ns, pod, policy } from '../helpers/analyze.js';

/**
 * Cilium's policies by their documented behaviour (docs.cilium.io, security/policy: "Deny
 * Policies", "Policy Enforcement Modes", "Layer 3 Policies", "Layer 4 Policies"; the Go sources
 * named per case). Every `can` is answered by the bitset engine and by the reference evaluator,
 * and fails if they disagree.
 */
const indent = (s: string) => dedent(s).split('\n').map((l) => `  ${l}`).join('\n');
const cnp = (name: string, namespace: string, spec: string) => `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${indent(spec)}\n`;
const ccnp = (name: string, spec: string) => `apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n${indent(spec)}\n`;
const withIp = (doc: string, ip: string) => `${doc}status:\n  podIP: ${ip}\n`;

const world = [
  ns('prod', { env: 'prod' }),
  ns('staging', { env: 'staging' }),
  pod('server', { app: 'server' }, { ns: 'prod', ports: [{ name: 'http', port: 8080 }, { name: 'dns', port: 53, protocol: 'UDP' }] }),
  pod('client', { app: 'client' }, { ns: 'prod' }),
  pod('other', { app: 'other' }, { ns: 'prod' }),
  pod('client', { app: 'client' }, { ns: 'staging' }),
];

describe('Deny Policies (docs.cilium.io security/policy/deny)', () => {
  // The page's table: allow policies L3 (client), L4 80/TCP and 81/TCP on the server.
  const allows = cnp('allow', 'prod', `
    endpointSelector: {matchLabels: {app: server}}
    ingress:
    - fromEndpoints: [{matchLabels: {app: client}}]
      toPorts: [{ports: [{port: "80", protocol: TCP}, {port: "81", protocol: TCP}]}]
  `);
  it('column 1: allow policies only: 80 and 81 allowed', () => {
    const a = analyze(...world, allows);
    expect(a.can('prod/client', 'prod/server', 'TCP', 80)).toBe(true);
    expect(a.can('prod/client', 'prod/server', 'TCP', 81)).toBe(true);
    expect(a.can('prod/other', 'prod/server', 'TCP', 80)).toBe(false); // default deny from the allow policy
  });
  it('column 2: a deny on 80/TCP: 81 allowed, 80 denied', () => {
    const a = analyze(...world, allows, cnp('deny-80', 'prod', `
      endpointSelector: {matchLabels: {app: server}}
      ingressDeny:
      - toPorts: [{ports: [{port: "80", protocol: TCP}]}]
    `));
    expect(a.can('prod/client', 'prod/server', 'TCP', 81)).toBe(true);
    expect(a.can('prod/client', 'prod/server', 'TCP', 80)).toBe(false);
  });
  it('column 3: a deny of the client (L3): everything denied', () => {
    const a = analyze(...world, allows, cnp('deny-client', 'prod', `
      endpointSelector: {matchLabels: {app: server}}
      ingressDeny:
      - fromEndpoints: [{matchLabels: {app: client}}]
    `));
    expect(a.can('prod/client', 'prod/server', 'TCP', 81)).toBe(false);
  });
  it('"regardless of whether they are a Cilium Network Policy, a Clusterwide … or even a Kubernetes Network Policy": a deny beats a NetworkPolicy allow', () => {
    const a = analyze(...world, policy('np-allow', 'prod', 'podSelector: {matchLabels: {app: server}}\ningress:\n- {}'), ccnp('deny-staging', `
      endpointSelector: {}
      ingressDeny:
      - fromEndpoints: [{matchLabels: {io.kubernetes.pod.namespace: staging}}]
    `));
    expect(a.can('staging/client', 'prod/server', 'TCP', 8080)).toBe(false);
    expect(a.can('prod/client', 'prod/server', 'TCP', 8080)).toBe(true);
  });
  it('a deny-only policy puts the pod in default deny too ("Pods will enter default-deny mode as soon a single policy selects it")', () => {
    const a = analyze(...world, cnp('deny-world', 'prod', `
      endpointSelector: {matchLabels: {app: server}}
      ingressDeny: [{fromEntities: [world]}]
    `));
    expect(a.can('prod/client', 'prod/server', 'TCP', 8080)).toBe(false);
  });
});

describe('Policy Enforcement Modes: default deny, enableDefaultDeny (Rule.Sanitize)', () => {
  it('`egress: [{}]` puts the pod in default deny and allows nothing (the egress-default-deny example)', () => {
    const a = analyze(...world, cnp('deny-egress', 'prod', 'endpointSelector: {matchLabels: {app: client}}\negress:\n- {}'));
    expect(a.can('prod/client', 'prod/server', 'TCP', 8080)).toBe(false);
    expect(a.can('prod/client', '203.0.113.9', 'TCP', 443)).toBe(false);
    expect(a.can('prod/other', 'prod/server', 'TCP', 8080)).toBe(true);
  });
  it('enableDefaultDeny: false: the policy adds its rules without isolating, and its denies still apply', () => {
    const a = analyze(...world, ccnp('audit', `
      endpointSelector: {}
      enableDefaultDeny: {ingress: false}
      ingress: [{fromEntities: [world]}]
      ingressDeny: [{fromEndpoints: [{matchLabels: {app: other}}]}]
    `));
    expect(a.can('prod/client', 'prod/server', 'TCP', 8080)).toBe(true);
    expect(a.can('prod/other', 'prod/server', 'TCP', 8080)).toBe(false);
  });
  it('a NetworkPolicy and a Cilium policy selecting one pod: their allows are unioned', () => {
    const a = analyze(
      ...world,
      policy('np', 'prod', 'podSelector: {matchLabels: {app: server}}\ningress:\n- from: [{podSelector: {matchLabels: {app: client}}}]'),
      cnp('cnp', 'prod', 'endpointSelector: {matchLabels: {app: server}}\ningress:\n- fromEndpoints: [{matchLabels: {app: other}}]'),
    );
    expect(a.can('prod/client', 'prod/server', 'TCP', 8080)).toBe(true);
    expect(a.can('prod/other', 'prod/server', 'TCP', 8080)).toBe(true);
    expect(a.can('staging/client', 'prod/server', 'TCP', 8080)).toBe(false);
  });
});

describe('Layer 3: endpoints, entities, CIDR', () => {
  it('a CiliumNetworkPolicy\'s fromEndpoints stay in its namespace unless they name one (ParseToCiliumRule)', () => {
    const a = analyze(...world, cnp('p', 'prod', `
      endpointSelector: {matchLabels: {app: server}}
      ingress:
      - fromEndpoints: [{matchLabels: {app: client}}]
    `));
    expect(a.can('prod/client', 'prod/server', 'TCP', 8080)).toBe(true);
    expect(a.can('staging/client', 'prod/server', 'TCP', 8080)).toBe(false);
    const b = analyze(...world, cnp('p', 'prod', `
      endpointSelector: {matchLabels: {app: server}}
      ingress:
      - fromEndpoints: [{matchLabels: {app: client, 'k8s:io.kubernetes.pod.namespace': staging}}]
    `));
    expect(b.can('staging/client', 'prod/server', 'TCP', 8080)).toBe(true);
    expect(b.can('prod/client', 'prod/server', 'TCP', 8080)).toBe(false);
  });
  it('namespace labels select through io.cilium.k8s.namespace.labels', () => {
    const a = analyze(...world, cnp('p', 'prod', `
      endpointSelector: {}
      ingress:
      - fromEndpoints: [{matchLabels: {'io.cilium.k8s.namespace.labels.env': staging}}]
    `));
    expect(a.can('staging/client', 'prod/server', 'TCP', 8080)).toBe(true);
    expect(a.can('prod/client', 'prod/server', 'TCP', 8080)).toBe(false);
  });
  it('a CiliumClusterwideNetworkPolicy: `{}` is every pod of the cluster', () => {
    const a = analyze(...world, ccnp('c', 'endpointSelector: {matchLabels: {app: server}}\ningress:\n- fromEndpoints: [{}]'));
    expect(a.can('staging/client', 'prod/server', 'TCP', 8080)).toBe(true);
    expect(a.can('203.0.113.9', 'prod/server', 'TCP', 8080)).toBe(false);
  });
  it('entities: world is outside the cluster, cluster is its pods, all is both (Entities based)', () => {
    const eg = (entity: string) => analyze(...world, cnp('e', 'prod', `endpointSelector: {matchLabels: {app: client}}\negress:\n- toEntities: [${entity}]`));
    expect(eg('world').can('prod/client', '203.0.113.9', 'TCP', 443)).toBe(true);
    expect(eg('world').can('prod/client', 'prod/server', 'TCP', 8080)).toBe(false);
    expect(eg('cluster').can('prod/client', 'prod/server', 'TCP', 8080)).toBe(true);
    expect(eg('cluster').can('prod/client', '203.0.113.9', 'TCP', 443)).toBe(false);
    expect(eg('all').can('prod/client', '203.0.113.9', 'TCP', 443)).toBe(true);
    expect(eg('world-ipv6').can('prod/client', '203.0.113.9', 'TCP', 443)).toBe(false);
    expect(eg('host').can('prod/client', 'prod/server', 'TCP', 8080)).toBe(false); // not modelled: matches no pod
  });
  it('CIDR rules select addresses outside the cluster, not pods, even when the pod IP is inside (CIDR based; toCIDR field description)', () => {
    const a = analyze(...world.slice(0, 2), withIp(pod('server', { app: 'server' }, { ns: 'prod' }), '10.1.2.5'), pod('client', { app: 'client' }, { ns: 'prod' }), cnp('c', 'prod', `
      endpointSelector: {matchLabels: {app: client}}
      egress:
      - toCIDRSet: [{cidr: 10.0.0.0/8, except: [10.9.0.0/16]}]
    `));
    expect(a.can('prod/client', 'prod/server', 'TCP', 80)).toBe(false);
    expect(a.can('prod/client', '10.1.2.5', 'TCP', 80)).toBe(true);
    expect(a.can('prod/client', '10.9.0.1', 'TCP', 80)).toBe(false);
  });
});

describe('Layer 4: toPorts', () => {
  it('toPorts alone allows every peer on those ports; ANY is every protocol; a named port is the destination\'s', () => {
    const a = analyze(...world, cnp('l4', 'prod', `
      endpointSelector: {matchLabels: {app: server}}
      ingress:
      - toPorts: [{ports: [{port: http, protocol: TCP}, {port: "53"}]}]
    `));
    expect(a.can('staging/client', 'prod/server', 'TCP', 8080)).toBe(true);
    expect(a.can('203.0.113.9', 'prod/server', 'TCP', 8080)).toBe(true);
    expect(a.can('staging/client', 'prod/server', 'UDP', 53)).toBe(true);
    expect(a.can('staging/client', 'prod/server', 'SCTP', 53)).toBe(true);
    expect(a.can('staging/client', 'prod/server', 'TCP', 9000)).toBe(false);
  });
  it('an egress deny to a CIDR range on a port range (without enableDefaultDeny: false it would deny everything else too)', () => {
    const a = analyze(...world, cnp('d', 'prod', `
      endpointSelector: {matchLabels: {app: client}}
      enableDefaultDeny: {egress: false}
      egressDeny:
      - toCIDR: [198.51.100.0/24]
        toPorts: [{ports: [{port: "8000", endPort: 8100, protocol: TCP}]}]
    `));
    expect(a.can('prod/client', '198.51.100.7', 'TCP', 8050)).toBe(false);
    expect(a.can('prod/client', '198.51.100.7', 'TCP', 8101)).toBe(true);
    expect(a.can('prod/client', '198.51.101.7', 'TCP', 8050)).toBe(true);
  });
});
