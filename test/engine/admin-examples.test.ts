import { describe, expect, it } from 'vitest';
import { Explainer } from '../../src/explain/explain.js';
import { analyze, dedent, ns, pod, policy } from '../helpers/analyze.js';

/**
 * The cluster-wide policy API (kubernetes-sigs/network-policy-api) by its documented behaviour:
 * AdminNetworkPolicy / BaselineAdminNetworkPolicy (v1alpha1) and ClusterNetworkPolicy
 * (v1alpha2). Every `can` is answered by the engine and the reference evaluator, and fails if
 * they disagree.
 */
const cluster = (kind: string, apiVersion: string, name: string, spec: string) =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${dedent(spec).split('\n').map((l) => `  ${l}`).join('\n')}\n`;
const anp = (name: string, spec: string) => cluster('AdminNetworkPolicy', 'policy.networking.k8s.io/v1alpha1', name, spec);
const banp = (spec: string) => cluster('BaselineAdminNetworkPolicy', 'policy.networking.k8s.io/v1alpha1', 'default', spec);
const cnp = (name: string, spec: string) => cluster('ClusterNetworkPolicy', 'policy.networking.k8s.io/v1alpha2', name, spec);

const world = [
  ns('prod', { env: 'prod' }),
  ns('sandbox', { env: 'sandbox' }),
  ns('monitoring', { purpose: 'monitoring' }),
  pod('web', { app: 'web' }, { ns: 'prod', ports: [{ name: 'http', port: 8080 }, { name: 'metrics', port: 9100 }, { name: 'dns', port: 53, protocol: 'UDP' }] }),
  pod('db', { app: 'db' }, { ns: 'prod', ports: [{ name: 'pg', port: 5432 }] }),
  pod('toy', { app: 'toy' }, { ns: 'sandbox' }),
  pod('prom', { app: 'prom' }, { ns: 'monitoring' }),
];
const allowAllIngress = policy('allow-all', 'prod', 'podSelector: {}\ningress:\n- {}');

describe('AdminNetworkPolicy (v1alpha1)', () => {
  it('Deny overrides a NetworkPolicy that allows ("admin rules cannot be overridden")', () => {
    const a = analyze(...world, allowAllIngress, anp('no-sandbox', `
      priority: 10
      subject: {namespaces: {matchLabels: {env: prod}}}
      ingress:
      - {name: deny-sandbox, action: Deny, from: [{namespaces: {matchLabels: {env: sandbox}}}]}
    `));
    expect(a.can('sandbox/toy', 'prod/web', 'TCP', 8080)).toBe(false);
    expect(a.can('monitoring/prom', 'prod/web', 'TCP', 8080)).toBe(true);
    expect(a.can('prod/db', 'prod/web', 'UDP', 53)).toBe(true);
  });

  it('Allow overrides a NetworkPolicy that denies, on the named port only', () => {
    const a = analyze(...world, policy('deny-all', 'prod', 'podSelector: {}\npolicyTypes: [Ingress]'), anp('monitoring', `
      priority: 5
      subject: {namespaces: {}}
      ingress:
      - {action: Allow, from: [{namespaces: {matchLabels: {purpose: monitoring}}}], ports: [{namedPort: metrics}]}
    `));
    expect(a.can('monitoring/prom', 'prod/web', 'TCP', 9100)).toBe(true);
    expect(a.can('monitoring/prom', 'prod/web', 'TCP', 8080)).toBe(false);
    expect(a.can('monitoring/prom', 'prod/db', 'TCP', 9100)).toBe(false); // db has no port named metrics
  });

  it('Pass hands the connection to NetworkPolicy, then to the baseline when no NetworkPolicy selects the pod', () => {
    const docs = [...world, anp('pass-within-prod', `
      priority: 1
      subject: {namespaces: {matchLabels: {env: prod}}}
      ingress:
      - {action: Pass, from: [{namespaces: {}}]}
      - {action: Allow, from: [{namespaces: {}}]}
    `), banp(`
      subject: {namespaces: {matchLabels: {env: prod}}}
      ingress:
      - {action: Deny, from: [{namespaces: {matchLabels: {env: sandbox}}}]}
    `)];
    const open = analyze(...docs);
    // The Allow after the Pass never applies; the baseline denies the sandbox, allows the rest.
    expect(open.can('sandbox/toy', 'prod/web', 'TCP', 8080)).toBe(false);
    expect(open.can('monitoring/prom', 'prod/web', 'TCP', 8080)).toBe(true);
    // With a NetworkPolicy selecting web, NetworkPolicy decides, and the baseline is not consulted.
    const np = analyze(...docs, policy('web-from-sandbox', 'prod', 'podSelector: {matchLabels: {app: web}}\ningress:\n- from: [{namespaceSelector: {matchLabels: {env: sandbox}}}]'));
    expect(np.can('sandbox/toy', 'prod/web', 'TCP', 8080)).toBe(true);
    expect(np.can('monitoring/prom', 'prod/web', 'TCP', 8080)).toBe(false);
    expect(np.can('sandbox/toy', 'prod/db', 'TCP', 5432)).toBe(false);
  });

  it('a lower priority number wins, whatever the names', () => {
    const a = analyze(...world, anp('a-allow', `
      priority: 20
      subject: {namespaces: {}}
      ingress: [{action: Allow, from: [{namespaces: {}}]}]
    `), anp('z-deny', `
      priority: 3
      subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: db}}}}
      ingress: [{action: Deny, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: toy}}}}]}]
    `));
    expect(a.can('sandbox/toy', 'prod/db', 'TCP', 5432)).toBe(false);
    expect(a.can('sandbox/toy', 'prod/web', 'TCP', 8080)).toBe(true);
    expect(a.can('prod/web', 'prod/db', 'TCP', 5432)).toBe(true);
  });

  it('egress to networks: the first matching rule decides, port ranges included', () => {
    const a = analyze(...world, anp('egress-control', `
      priority: 7
      subject: {namespaces: {matchLabels: {env: prod}}}
      egress:
      - {action: Allow, to: [{networks: [10.0.0.0/8]}], ports: [{portRange: {protocol: TCP, start: 443, end: 8443}}]}
      - {action: Deny, to: [{networks: [0.0.0.0/0]}]}
    `));
    expect(a.can('prod/web', '10.1.2.3', 'TCP', 443)).toBe(true);
    expect(a.can('prod/web', '10.1.2.3', 'TCP', 8444)).toBe(false);
    expect(a.can('prod/web', '8.8.8.8', 'TCP', 443)).toBe(false);
    // networks name addresses outside the cluster: pod-to-pod traffic is not matched
    expect(a.can('prod/web', 'sandbox/toy', 'TCP', 80)).toBe(true);
    expect(a.can('sandbox/toy', '8.8.8.8', 'TCP', 443)).toBe(true);
  });
});

describe('host-networked pods', () => {
  it('"are not included in subject selection", nor in namespaces and pods peers', () => {
    const host = 'apiVersion: v1\nkind: Pod\nmetadata: {name: node-agent, namespace: prod, labels: {app: agent}}\nspec: {hostNetwork: true, containers: [{name: c, image: i}]}\n';
    const a = analyze(...world, host, anp('deny-all-in-prod', `
      priority: 1
      subject: {namespaces: {matchLabels: {env: prod}}}
      ingress: [{action: Deny, from: [{namespaces: {}}]}]
      egress: [{action: Deny, to: [{namespaces: {}}]}]
    `));
    expect(a.can('sandbox/toy', 'prod/web', 'TCP', 8080)).toBe(false);
    expect(a.can('sandbox/toy', 'prod/node-agent', 'TCP', 8080)).toBe(true); // not a subject
    expect(a.can('prod/node-agent', 'sandbox/toy', 'TCP', 80)).toBe(true); // its egress is not a subject either
    expect(a.can('prod/web', 'prod/node-agent', 'TCP', 80)).toBe(true); // prod/web's egress rule does not see it as a pod peer
  });
});

describe('BaselineAdminNetworkPolicy (v1alpha1)', () => {
  it('denies what no NetworkPolicy decides, and a NetworkPolicy overrides it', () => {
    const base = banp(`
      subject: {namespaces: {}}
      ingress: [{name: default-deny-cross-namespace, action: Deny, from: [{namespaces: {}}]}]
    `);
    const a = analyze(...world, base);
    expect(a.can('sandbox/toy', 'prod/web', 'TCP', 8080)).toBe(false);
    expect(a.can('prod/db', 'prod/web', 'TCP', 8080)).toBe(false);
    expect(a.can('203.0.113.5', 'prod/web', 'TCP', 8080)).toBe(true); // namespaces peers are pods, not addresses
    const b = analyze(...world, base, allowAllIngress);
    expect(b.can('sandbox/toy', 'prod/web', 'TCP', 8080)).toBe(true);
    expect(b.can('prod/web', 'sandbox/toy', 'TCP', 8080)).toBe(false);
  });

  it('must be named default', () => {
    const a = analyze(...world, cluster('BaselineAdminNetworkPolicy', 'policy.networking.k8s.io/v1alpha1', 'other', 'subject: {namespaces: {}}\ningress: [{action: Deny, from: [{namespaces: {}}]}]'));
    expect(a.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['invalid-name', 'policy-not-applied']));
    expect(a.can('sandbox/toy', 'prod/web', 'TCP', 8080)).toBe(true);
  });
});

describe('ClusterNetworkPolicy (v1alpha2): tiers Admin and Baseline', () => {
  it('Admin Accept beats a NetworkPolicy deny; Baseline Deny applies only where no NetworkPolicy selects', () => {
    const a = analyze(...world, policy('deny-all', 'prod', 'podSelector: {matchLabels: {app: db}}\npolicyTypes: [Ingress]'), cnp('admin-accept', `
      tier: Admin
      priority: 10
      subject: {pods: {namespaceSelector: {matchLabels: {env: prod}}, podSelector: {}}}
      ingress:
      - name: web-to-db
        action: Accept
        from: [{pods: {namespaceSelector: {matchLabels: {env: prod}}, podSelector: {matchLabels: {app: web}}}}]
        protocols: [{tcp: {destinationPort: {number: 5432}}}]
    `), cnp('baseline-deny', `
      tier: Baseline
      priority: 10
      subject: {namespaces: {}}
      ingress:
      - {action: Deny, from: [{namespaces: {matchLabels: {env: sandbox}}}]}
    `));
    expect(a.can('prod/web', 'prod/db', 'TCP', 5432)).toBe(true);
    expect(a.can('prod/web', 'prod/db', 'TCP', 5433)).toBe(false);
    expect(a.can('sandbox/toy', 'prod/web', 'TCP', 8080)).toBe(false);
    expect(a.can('sandbox/toy', 'monitoring/prom', 'UDP', 53)).toBe(false);
    expect(a.can('monitoring/prom', 'sandbox/toy', 'UDP', 53)).toBe(true);
  });

  it('priority orders each tier; Pass skips the rest of the Admin tier; ranges and named ports', () => {
    const a = analyze(...world, cnp('pass-dns', `
      tier: Admin
      priority: 1
      subject: {namespaces: {}}
      egress:
      - {action: Pass, to: [{namespaces: {}}], protocols: [{destinationNamedPort: dns}]}
    `), cnp('deny-high-ports', `
      tier: Admin
      priority: 2
      subject: {namespaces: {}}
      egress:
      - {action: Deny, to: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {range: {start: 1024, end: 65535}}}}, {udp: {}}]}
    `));
    expect(a.can('sandbox/toy', 'prod/web', 'UDP', 53)).toBe(true); // passed before the deny of all UDP
    expect(a.can('sandbox/toy', 'prod/web', 'UDP', 54)).toBe(false);
    expect(a.can('sandbox/toy', 'prod/web', 'TCP', 8080)).toBe(false);
    expect(a.can('sandbox/toy', 'prod/web', 'TCP', 443)).toBe(true);
    expect(a.can('sandbox/toy', '8.8.8.8', 'UDP', 53)).toBe(true); // namespaces peers do not match addresses
  });

  it('reads the v1alpha2 field names and refuses the v1alpha1 ones', () => {
    const a = analyze(...world, cnp('mixed-up', `
      tier: Admin
      priority: 1
      subject: {namespaces: {}}
      ingress: [{action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {port: 80}}]}]
    `));
    expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['unknown-field', 'invalid-action', 'policy-not-applied']);
    expect(a.snapshot.adminPolicies ?? []).toEqual([]);
  });
});

describe('the explanation names the tier that decided', () => {
  it('rule, action, priority and position', () => {
    const a = analyze(...world, allowAllIngress, anp('no-sandbox', `
      priority: 10
      subject: {namespaces: {matchLabels: {env: prod}}}
      ingress:
      - {name: deny-sandbox, action: Deny, from: [{namespaces: {matchLabels: {env: sandbox}}}]}
    `));
    const toy = a.snapshot.pods.find((p) => p.name === 'toy')!;
    const web = a.snapshot.pods.find((p) => p.name === 'web')!;
    const e = new Explainer(a.snapshot).explain({ kind: 'pod', pod: toy }, { kind: 'pod', pod: web });
    expect(e.connections.isEmpty()).toBe(true);
    const rule = e.ingress.tiers!.admin[0]!;
    expect(rule).toMatchObject({ matchedPeer: 0, policy: { name: 'no-sandbox', priority: 10 }, rule: { name: 'deny-sandbox', action: 'deny' } });
    expect(rule.decided.toString()).toBe('All Connections');
    expect(e.ingress.tiers!.toNetworkPolicy.isEmpty()).toBe(true);
  });
});
