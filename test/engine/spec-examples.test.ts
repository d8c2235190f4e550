import { describe, expect, it } from 'vitest';
import { analyze, dedent, ns, pod } from '../helpers/analyze.js';

/**
 * The examples of ../shared/spec/k8s-1.29-network-policies-networking-v1.txt, verbatim, with the
 * outcomes its prose states.
 */

const TEST_NETWORK_POLICY = dedent(`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: test-network-policy
    namespace: default
  spec:
    podSelector:
      matchLabels:
        role: db
    policyTypes:
      - Ingress
      - Egress
    ingress:
      - from:
          - ipBlock:
              cidr: 172.17.0.0/16
              except:
                - 172.17.1.0/24
          - namespaceSelector:
              matchLabels:
                project: myproject
          - podSelector:
              matchLabels:
                role: frontend
        ports:
          - protocol: TCP
            port: 6379
    egress:
      - to:
          - ipBlock:
              cidr: 10.0.0.0/24
        ports:
          - protocol: TCP
            port: 5978
`);

describe('spec: test-network-policy', () => {
  const a = analyze(
    TEST_NETWORK_POLICY,
    ns('default'),
    ns('myproject', { project: 'myproject' }),
    ns('other'),
    pod('db', { role: 'db' }),
    pod('db2', { role: 'db' }),
    pod('frontend', { role: 'frontend' }),
    pod('backend', { role: 'backend' }),
    pod('anything', { role: 'x' }, { ns: 'myproject' }),
    pod('frontend', { role: 'frontend' }, { ns: 'other' }),
  );

  it('isolates role=db pods for ingress and egress, and no other pod', () => {
    expect(a.can('backend', 'frontend')).toBe(true);
    expect(a.can('db', 'db2', 'TCP', 5978)).toBe(false);
  });

  it('allows TCP 6379 from role=frontend pods in the default namespace', () => {
    expect(a.can('frontend', 'db', 'TCP', 6379)).toBe(true);
    expect(a.can('frontend', 'db', 'TCP', 6380)).toBe(false);
    expect(a.can('frontend', 'db', 'UDP', 6379)).toBe(false);
    expect(a.can('backend', 'db', 'TCP', 6379)).toBe(false);
    expect(a.can('other/frontend', 'db', 'TCP', 6379)).toBe(false);
  });

  it('allows TCP 6379 from any pod in a namespace labelled project=myproject', () => {
    expect(a.can('myproject/anything', 'db', 'TCP', 6379)).toBe(true);
  });

  it('allows 172.17.0.0–172.17.0.255 and 172.17.2.0–172.17.255.255, not 172.17.1.0/24', () => {
    expect(a.can('172.17.0.0', 'db', 'TCP', 6379)).toBe(true);
    expect(a.can('172.17.0.255', 'db', 'TCP', 6379)).toBe(true);
    expect(a.can('172.17.1.0', 'db', 'TCP', 6379)).toBe(false);
    expect(a.can('172.17.1.255', 'db', 'TCP', 6379)).toBe(false);
    expect(a.can('172.17.2.0', 'db', 'TCP', 6379)).toBe(true);
    expect(a.can('172.17.255.255', 'db', 'TCP', 6379)).toBe(true);
    expect(a.can('172.18.0.0', 'db', 'TCP', 6379)).toBe(false);
  });

  it('allows egress from role=db only to 10.0.0.0/24 on TCP 5978', () => {
    expect(a.can('db', '10.0.0.7', 'TCP', 5978)).toBe(true);
    expect(a.can('db', '10.0.0.7', 'TCP', 5979)).toBe(false);
    expect(a.can('db', '10.0.1.7', 'TCP', 5978)).toBe(false);
    expect(a.can('db', 'frontend', 'TCP', 5978)).toBe(false);
  });
});

describe('spec: namespaceSelector and podSelector in one item versus two', () => {
  const cluster = [ns('alice', { user: 'alice' }), ns('bob', { user: 'bob' }), ns('local'), pod('server', { app: 'server' }, { ns: 'local' }), pod('client', { role: 'client' }, { ns: 'alice' }), pod('other', { role: 'other' }, { ns: 'alice' }), pod('client', { role: 'client' }, { ns: 'bob' }), pod('client', { role: 'client' }, { ns: 'local' })];
  const wrap = (ingress: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: local}\nspec:\n  podSelector: {matchLabels: {app: server}}\n${ingress}`;
  const combined = wrap(`  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          user: alice
      podSelector:
        matchLabels:
          role: client
`);
  const separate = wrap(`  ingress:
  - from:
    - namespaceSelector:
        matchLabels:
          user: alice
    - podSelector:
        matchLabels:
          role: client
`);
  it('a single element: pods with role=client in namespaces with user=alice', () => {
    const a = analyze(...cluster, combined);
    expect(a.can('alice/client', 'local/server')).toBe(true);
    expect(a.can('alice/other', 'local/server')).toBe(false);
    expect(a.can('bob/client', 'local/server')).toBe(false);
    expect(a.can('local/client', 'local/server')).toBe(false);
  });
  it('two elements: role=client pods in the local namespace, or any pod in user=alice namespaces', () => {
    const a = analyze(...cluster, separate);
    expect(a.can('alice/client', 'local/server')).toBe(true);
    expect(a.can('alice/other', 'local/server')).toBe(true);
    expect(a.can('bob/client', 'local/server')).toBe(false);
    expect(a.can('local/client', 'local/server')).toBe(true);
  });
});

describe('spec: default policies (no namespace in metadata: the default namespace)', () => {
  const p = (text: string) => dedent(text);
  const DENY_INGRESS = p(`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: default-deny-ingress
    spec:
      podSelector: {}
      policyTypes:
      - Ingress
  `);
  const ALLOW_INGRESS = p(`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: allow-all-ingress
    spec:
      podSelector: {}
      ingress:
      - {}
      policyTypes:
      - Ingress
  `);
  const DENY_EGRESS = p(`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: default-deny-egress
    spec:
      podSelector: {}
      policyTypes:
      - Egress
  `);
  const ALLOW_EGRESS = p(`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: allow-all-egress
    spec:
      podSelector: {}
      egress:
      - {}
      policyTypes:
      - Egress
  `);
  const DENY_ALL = p(`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: default-deny-all
    spec:
      podSelector: {}
      policyTypes:
      - Ingress
      - Egress
  `);
  const pods = [pod('a', { app: 'a' }), pod('b', { app: 'b' }), pod('x', { app: 'x' }, { ns: 'elsewhere' })];

  it('default-deny-ingress isolates every pod of the namespace for ingress, not for egress', () => {
    const a = analyze(...pods, DENY_INGRESS);
    expect(a.can('a', 'b')).toBe(false);
    expect(a.can('elsewhere/x', 'a')).toBe(false);
    expect(a.can('a', 'elsewhere/x')).toBe(true);
    expect(a.can('a', '1.2.3.4')).toBe(true);
  });

  it('allow-all-ingress: no other policy can deny an incoming connection', () => {
    const a = analyze(...pods, DENY_INGRESS, ALLOW_INGRESS);
    expect(a.can('elsewhere/x', 'a', 'UDP', 5)).toBe(true);
    expect(a.can('1.2.3.4', 'a')).toBe(true);
  });

  it('default-deny-egress blocks all egress, and not ingress', () => {
    const a = analyze(...pods, DENY_EGRESS);
    expect(a.can('a', 'b')).toBe(false);
    expect(a.can('a', '1.2.3.4', 'UDP', 53)).toBe(false);
    expect(a.can('elsewhere/x', 'a')).toBe(true);
  });

  it('allow-all-egress: no other policy can deny an outgoing connection', () => {
    const a = analyze(...pods, DENY_EGRESS, ALLOW_EGRESS);
    expect(a.can('a', 'elsewhere/x')).toBe(true);
    expect(a.can('a', '1.2.3.4', 'SCTP', 1)).toBe(true);
  });

  it('default-deny-all blocks both directions', () => {
    const a = analyze(...pods, DENY_ALL);
    expect(a.can('a', 'b')).toBe(false);
    expect(a.can('a', 'elsewhere/x')).toBe(false);
    expect(a.can('elsewhere/x', 'a')).toBe(false);
    expect(a.can('elsewhere/x', '1.2.3.4')).toBe(true);
  });
});

describe('spec: targeting a range of ports (endPort)', () => {
  const MULTI_PORT = dedent(`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: multi-port-egress
      namespace: default
    spec:
      podSelector:
        matchLabels:
          role: db
      policyTypes:
        - Egress
      egress:
        - to:
            - ipBlock:
                cidr: 10.0.0.0/24
          ports:
            - protocol: TCP
              port: 32000
              endPort: 32768
  `);
  it('allows role=db to 10.0.0.0/24 over TCP 32000–32768 only', () => {
    const a = analyze(MULTI_PORT, pod('db', { role: 'db' }));
    expect(a.can('db', '10.0.0.1', 'TCP', 31999)).toBe(false);
    expect(a.can('db', '10.0.0.1', 'TCP', 32000)).toBe(true);
    expect(a.can('db', '10.0.0.255', 'TCP', 32768)).toBe(true);
    expect(a.can('db', '10.0.0.1', 'TCP', 32769)).toBe(false);
    expect(a.can('db', '10.0.1.1', 'TCP', 32000)).toBe(false);
    expect(a.can('db', '10.0.0.1', 'UDP', 32000)).toBe(false);
  });

  it.each([
    ['endPort below port', '{port: 32000, endPort: 31000}', 'invalid-port-range', 'spec.egress[0].ports[0].endPort'],
    ['endPort without port', '{endPort: 31000}', 'invalid-port-range', 'spec.egress[0].ports[0].endPort'],
    ['endPort with a named port', '{port: http, endPort: 31000}', 'invalid-port-range', 'spec.egress[0].ports[0].endPort'],
    ['port out of range', '{port: 70000}', 'invalid-port', 'spec.egress[0].ports[0].port'],
    ['a quoted number is not a port name', '{port: "80"}', 'invalid-port', 'spec.egress[0].ports[0].port'],
    ['lower-case protocol', '{protocol: tcp, port: 80}', 'invalid-protocol', 'spec.egress[0].ports[0].protocol'],
  ])('%s is rejected, with file, line and field', (_t, port, code, field) => {
    const text = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: bad}
spec:
  podSelector: {}
  egress:
    - ports:
        - ${port}
`;
    const a = analyze(text, pod('db', { role: 'db' }));
    expect(a.diagnostics[0]).toMatchObject({ severity: 'error', code, source: { file: 'doc0.yaml', line: 8, field } });
    expect(a.diagnostics[1]).toMatchObject({ code: 'policy-not-applied' });
    expect(a.snapshot.policies).toHaveLength(0);
  });
});

describe('spec: targeting multiple namespaces by label', () => {
  const EGRESS_NAMESPACES = dedent(`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: egress-namespaces
    spec:
      podSelector:
        matchLabels:
          app: myapp
      policyTypes:
      - Egress
      egress:
      - to:
        - namespaceSelector:
            matchExpressions:
            - key: namespace
              operator: In
              values: ["frontend", "backend"]
  `);
  it('myapp may reach pods in namespaces labelled namespace=frontend or backend, nothing else', () => {
    const a = analyze(
      EGRESS_NAMESPACES,
      ns('frontend', { namespace: 'frontend' }),
      ns('backend', { namespace: 'backend' }),
      ns('ops'),
      pod('myapp', { app: 'myapp' }),
      pod('fe', {}, { ns: 'frontend' }),
      pod('be', {}, { ns: 'backend' }),
      pod('mon', {}, { ns: 'ops' }),
    );
    expect(a.can('myapp', 'frontend/fe', 'TCP', 443)).toBe(true);
    expect(a.can('myapp', 'backend/be', 'UDP', 53)).toBe(true);
    expect(a.can('myapp', 'ops/mon')).toBe(false);
    expect(a.can('myapp', '8.8.8.8', 'UDP', 53)).toBe(false);
  });
});
