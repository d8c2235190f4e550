import { describe, expect, it } from 'vitest';
import { runLint } from '../../src/lint/run-lint.js';
import { loadTexts } from '../../src/load/load-snapshot.js';

/**
 * The NetworkPolicy lint rules that also read Cilium policies (issue 21: "lint gains the Cilium
 * mistakes people make"; before, they saw NetworkPolicy only). Each case cites the Cilium rule
 * it rests on; docs/cilium.md gives the sources.
 */
const PODS = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  containers:
  - name: c
    ports: [{name: http, containerPort: 8080}]
status: {podIP: 10.244.1.5}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
spec:
  containers:
  - name: c
    ports: [{name: pg, containerPort: 5432}]
status: {podIP: 10.244.1.6}
`;

const cnp = (spec: string, kind = 'CiliumNetworkPolicy'): string =>
  `apiVersion: cilium.io/v2\nkind: ${kind}\nmetadata: {name: p${kind === 'CiliumNetworkPolicy' ? ', namespace: shop' : ''}}\nspec:\n${spec}`;

function findings(ruleId: string, ...docs: string[]): { messageId: string; line?: number; field?: string; object?: string }[] {
  const { snapshot, diagnostics } = loadTexts([{ file: 'c.yaml', text: [PODS, ...docs].join('---\n') }]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return runLint(snapshot, diagnostics)
    .filter((f) => f.ruleId === ruleId)
    .map((f) => ({ messageId: f.messageId, ...(f.source?.line ? { line: f.source.line } : {}), ...(f.source?.field ? { field: f.source.field } : {}), ...(f.object ? { object: f.object } : {}) }));
}

describe('unprotected-pods counts Cilium default deny ("Policy Enforcement Modes": selected endpoints permit only allowed traffic)', () => {
  it('db protected by a NetworkPolicy, web by a CiliumNetworkPolicy only: quiet', () => {
    const np = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: db}}\n';
    expect(findings('unprotected-pods', np, cnp('  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: db}}]\n'))).toEqual([]);
  });

  it('a Cilium policy with enableDefaultDeny ingress false protects nothing: web is open', () => {
    const policy = cnp('  endpointSelector: {matchLabels: {app: web}}\n  enableDefaultDeny: {ingress: false}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: db}}]\n');
    const db = cnp('  endpointSelector: {matchLabels: {app: db}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: web}}]\n').replace('name: p,', 'name: db,');
    expect(findings('unprotected-pods', policy, db).map((f) => [f.messageId, f.object])).toEqual([['open', 'Pod shop/web']]);
  });
});

describe('allow-all reads Cilium allow rules', () => {
  it.each([
    // Layer 4 Policies: "Layer 4 policy can be specified in addition to layer 3 policies or independently"
    ['toPorts without an L3 field (an L4-only rule)', "  endpointSelector: {}\n  ingress:\n  - toPorts: [{ports: [{port: '80'}]}]\n", [{ messageId: 'ciliumAnyPeer', line: 25, field: 'spec.ingress[0]' }]],
    // Entities Based: all, world, cluster
    ['fromEntities all', '  endpointSelector: {}\n  ingress:\n  - fromEntities: [all]\n', [{ messageId: 'ciliumEverywhere', line: 25, field: 'spec.ingress[0].fromEntities[0]' }]],
    ['toEntities world and cluster', '  endpointSelector: {}\n  egress:\n  - toEntities: [world, cluster]\n', [
      { messageId: 'ciliumEverywhere', line: 25, field: 'spec.egress[0].toEntities[0]' },
      { messageId: 'ciliumEverywhere', line: 25, field: 'spec.egress[0].toEntities[1]' },
    ]],
    ['toCIDR 0.0.0.0/0', '  endpointSelector: {}\n  egress:\n  - toCIDR: [0.0.0.0/0]\n', [{ messageId: 'ciliumEverywhere', line: 25, field: 'spec.egress[0].toCIDR[0]' }]],
    ['toCIDRSet 0.0.0.0/0 with except: narrower', '  endpointSelector: {}\n  egress:\n  - toCIDRSet: [{cidr: 0.0.0.0/0, except: [10.0.0.0/8]}]\n', []],
    ['a deny rule opens nothing', '  endpointSelector: {}\n  ingressDeny:\n  - fromEntities: [all]\n', []],
    ['fromEndpoints {} of a namespaced policy: its own namespace only', '  endpointSelector: {}\n  ingress:\n  - fromEndpoints: [{}]\n', []],
  ])('%s', (_t, spec, expected) => {
    expect(findings('allow-all', cnp(spec)).map(({ object: _o, ...f }) => f)).toEqual(expected);
  });

  it('fromEndpoints {} of a CiliumClusterwideNetworkPolicy is every pod of every namespace', () => {
    expect(findings('allow-all', cnp('  endpointSelector: {}\n  ingress:\n  - fromEndpoints: [{}]\n', 'CiliumClusterwideNetworkPolicy'))).toEqual([
      { messageId: 'ciliumEverywhere', line: 25, field: 'spec.ingress[0].fromEndpoints[0]', object: 'CiliumClusterwideNetworkPolicy p' },
    ]);
  });
});

describe('ipblock-covers-pod-network reads Cilium CIDR peers (the CRD: "Only connections destined for outside of the cluster and not targeting the host will be subject to CIDR rules")', () => {
  it.each([
    ['toCIDR over the pod network', '  endpointSelector: {matchLabels: {app: web}}\n  egress:\n  - toCIDR: [10.244.0.0/16]\n', [{ messageId: 'ciliumCidr', line: 25, field: 'spec.egress[0].toCIDR[0]', object: 'CiliumNetworkPolicy shop/p' }]],
    ['fromCIDRSet with the pod network cut out', '  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - fromCIDRSet: [{cidr: 10.0.0.0/8, except: [10.244.0.0/16]}]\n', []],
    ['an ingressDeny CIDR over a pod IP', '  endpointSelector: {matchLabels: {app: web}}\n  ingressDeny:\n  - fromCIDR: [10.244.1.6]\n', [{ messageId: 'ciliumCidr', line: 25, field: 'spec.ingressDeny[0].fromCIDR[0]', object: 'CiliumNetworkPolicy shop/p' }]],
  ])('%s', (_t, spec, expected) => {
    expect(findings('ipblock-covers-pod-network', cnp(spec))).toEqual(expected);
  });
});

describe('unknown-named-port reads Cilium toPorts (docs/cilium.md Ports: a name is the destination pod\'s container port)', () => {
  it.each([
    ['ingress, web exposes http', "  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - toPorts: [{ports: [{port: http, protocol: TCP}]}]\n", []],
    ['ingress, a typo', "  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - toPorts: [{ports: [{port: htp, protocol: TCP}]}]\n", [{ messageId: 'cilium', line: 25, field: 'spec.ingress[0].toPorts[0].ports[0]', object: 'CiliumNetworkPolicy shop/p' }]],
    ['ingress, protocol UDP where the port is TCP', "  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - toPorts: [{ports: [{port: http, protocol: UDP}]}]\n", [{ messageId: 'cilium', line: 25, field: 'spec.ingress[0].toPorts[0].ports[0]', object: 'CiliumNetworkPolicy shop/p' }]],
    ['egress to db by its port name, protocol ANY', "  endpointSelector: {matchLabels: {app: web}}\n  egress:\n  - toEndpoints: [{matchLabels: {app: db}}]\n    toPorts: [{ports: [{port: pg}]}]\n", []],
    ['egress to db on a name only web exposes', "  endpointSelector: {matchLabels: {app: web}}\n  egress:\n  - toEndpoints: [{matchLabels: {app: db}}]\n    toPorts: [{ports: [{port: http}]}]\n", [{ messageId: 'cilium', line: 26, field: 'spec.egress[0].toPorts[0].ports[0]', object: 'CiliumNetworkPolicy shop/p' }]],
  ])('%s', (_t, spec, expected) => {
    expect(findings('unknown-named-port', cnp(spec))).toEqual(expected);
  });

  // toServices with toPorts (Cilium 1.17+, docs/cilium.md "Services"): the destinations are the Service's pods.
  const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: shop}\nspec: {selector: {app: db}, ports: [{port: 5432}]}\n';
  it.each([
    ['toServices to db by its port name', "  endpointSelector: {matchLabels: {app: web}}\n  egress:\n  - toServices: [{k8sService: {serviceName: db, namespace: shop}}]\n    toPorts: [{ports: [{port: pg, protocol: TCP}]}]\n", []],
    ['toServices to db on a name only web exposes', "  endpointSelector: {matchLabels: {app: web}}\n  egress:\n  - toServices: [{k8sService: {serviceName: db, namespace: shop}}]\n    toPorts: [{ports: [{port: http, protocol: TCP}]}]\n", [{ messageId: 'cilium', line: 26, field: 'spec.egress[0].toPorts[0].ports[0]', object: 'CiliumNetworkPolicy shop/p' }]],
  ])('%s', (_t, spec, expected) => {
    expect(findings('unknown-named-port', cnp(spec), service)).toEqual(expected);
  });
});

describe('redundant-rule reads Cilium rules (computed with the engine, as for NetworkPolicy)', () => {
  it('a second Cilium allow rule inside the first: reported; the first is not', () => {
    const spec = "  endpointSelector: {matchLabels: {app: db}}\n  ingress:\n  - fromEndpoints: [{}]\n  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: '5432', protocol: TCP}]}]\n";
    expect(findings('redundant-rule', cnp(spec))).toEqual([{ messageId: 'ciliumRule', line: 26, field: 'spec.ingress[1]', object: 'CiliumNetworkPolicy shop/p' }]);
  });

  // Deny Policies: "Deny policies take precedence over allow policies": the allow rule on 5432 is dead. Deny rules are guardrails
  // against allows to come (the deny on 22 that nothing allows today): never reported.
  it('an allow that a deny overrides is redundant; deny rules never are', () => {
    const spec = "  endpointSelector: {matchLabels: {app: db}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: '5432', protocol: TCP}]}]\n  ingressDeny:\n  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: '22', protocol: TCP}]}]\n  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: '5432', protocol: TCP}]}]\n";
    expect(findings('redundant-rule', cnp(spec)).map((f) => f.field)).toEqual(['spec.ingress[0]']);
  });

  it('a rule with parts outside the model (L7 rules) is never called redundant', () => {
    const spec = "  endpointSelector: {matchLabels: {app: db}}\n  ingress:\n  - fromEndpoints: [{}]\n  - fromEndpoints: [{matchLabels: {app: web}}]\n    toPorts: [{ports: [{port: '5432', protocol: TCP}], rules: {http: [{method: GET}]}}]\n";
    expect(findings('redundant-rule', cnp(spec))).toEqual([]);
  });
});

describe('unmodelled-object says which parts of a Cilium policy are not modelled (docs/cilium.md "Not modelled")', () => {
  it('an L7 rule: the policy is evaluated except its L7 rules', () => {
    const { snapshot, diagnostics } = loadTexts([{ file: 'c.yaml', text: `${PODS}---\n${cnp("  endpointSelector: {matchLabels: {app: db}}\n  ingress:\n  - toPorts: [{ports: [{port: '5432'}], rules: {http: [{method: GET}]}}]\n")}` }]);
    const f = runLint(snapshot, diagnostics).filter((x) => x.ruleId === 'unmodelled-object');
    expect(f.map((x) => [x.messageId, x.message])).toEqual([
      ['parts', 'CiliumNetworkPolicy shop/p is evaluated except L7 rules (they restrict requests on the allowed connections), which netpol-check does not model: answers for pods in namespace shop are undetermined'],
    ]);
  });
});
