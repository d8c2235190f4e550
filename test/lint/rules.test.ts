import { describe, expect, it } from 'vitest';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { runLint } from '../../src/lint/run-lint.js';
import { RULES } from '../../src/lint/registry.js';

const rule = (id: string) => RULES.find((r) => r.meta.id === id)!;
const run = (id: string, yaml: string) => {
  const { snapshot } = loadTexts([{ file: 'in.yaml', text: yaml }]);
  return runLint(snapshot, [], { rules: [rule(id)] }).map((f) => [f.messageId, f.source?.line, f.source?.field]);
};
const np = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: app}\nspec:\n${spec}`;
const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: app, labels: {app: api}}\nspec:\n  containers:\n  - name: c\n    ports: [{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]\n---\n';
const NS = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: app, labels: {team: a}}\n---\n';

describe('split-namespace-pod-selector', () => {
  it.each([
    ['two items, ns then pods', '  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {team: a}}\n    - podSelector: {matchLabels: {app: api}}\n', [['split', 9, 'spec.ingress[0].from[1]']]],
    ['two items, pods then ns, in egress', '  podSelector: {}\n  egress:\n  - to:\n    - podSelector: {matchLabels: {app: api}}\n    - namespaceSelector: {}\n', [['split', 8, 'spec.egress[0].to[0]']]],
    ['one combined item', '  podSelector: {}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {team: a}}\n      podSelector: {matchLabels: {app: api}}\n', []],
    ['pods and a combined item', '  podSelector: {}\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {app: api}}\n    - namespaceSelector: {}\n      podSelector: {matchLabels: {app: x}}\n', []],
    ['ipBlock and pods', '  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: {cidr: 10.0.0.0/8}\n    - podSelector: {}\n', []],
  ])('%s', (_t, spec, expected) => {
    expect(run('split-namespace-pod-selector', np(spec))).toEqual(expected);
  });
});

describe('unknown-named-port', () => {
  it.each([
    ['ingress, exposed', '  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - ports: [{port: http}]\n', []],
    ['ingress, protocol mismatch', '  podSelector: {matchLabels: {app: api}}\n  ingress:\n  - ports: [{port: dns}]\n', [['unknown', 15, 'spec.ingress[0].ports[0]']]],
    ['egress to a peer that exposes it', '  podSelector: {}\n  egress:\n  - to: [{podSelector: {matchLabels: {app: api}}}]\n    ports: [{port: http}]\n', []],
    ['egress to a peer that does not', '  podSelector: {}\n  egress:\n  - to: [{podSelector: {matchLabels: {app: nope}}}]\n    ports: [{port: http}]\n', [['unknown', 16, 'spec.egress[0].ports[0]']]],
  ])('%s', (_t, spec, expected) => {
    expect(run('unknown-named-port', POD + np(spec))).toEqual(expected);
  });
});

describe('namespace-label-missing, allow-all, ignored-rules', () => {
  it('suggests the closest label', () => {
    const { snapshot } = loadTexts([{ file: 'x.yaml', text: NS + np('  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {matchLabels: {team: b}}}]\n') }]);
    const f = runLint(snapshot, [], { rules: [rule('namespace-label-missing')] });
    expect(f.map((x) => x.message)).toEqual(['ingress rule 0, peer 0: no namespace has the label team=b (did you mean team=a?)']);
  });

  it.each([
    ['0.0.0.0/0', '  podSelector: {}\n  ingress:\n  - from: [{ipBlock: {cidr: 0.0.0.0/0}}]\n', ['everywhere']],
    ['0.0.0.0/0 with except', '  podSelector: {}\n  ingress:\n  - from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]\n', []],
    ['::/0', '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to: [{ipBlock: {cidr: "::/0"}}]\n', ['everywhere']],
    ['an empty namespaceSelector alone', '  podSelector: {}\n  ingress:\n  - from: [{namespaceSelector: {}}]\n', ['allNamespaces']],
    ['ignored: ingress rules under policyTypes [Egress]', '  podSelector: {}\n  policyTypes: [Egress]\n  ingress:\n  - {}\n', []],
  ])('allow-all: %s', (_t, spec, expected) => {
    expect(run('allow-all', np(spec)).map((x) => x[0])).toEqual(expected);
  });

  it('ignored-rules: both directions', () => {
    expect(run('ignored-rules', np('  podSelector: {}\n  policyTypes: [Egress]\n  ingress:\n  - {}\n')).map((x) => x[0])).toEqual(['ingress']);
  });
});

describe('input problems are findings too', () => {
  it('an invalid CIDR becomes an error finding with its code', () => {
    const { snapshot, diagnostics } = loadTexts([{ file: 'x.yaml', text: np('  podSelector: {}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.0.0.0/40}}]\n') }]);
    const f = runLint(snapshot, diagnostics);
    expect(f.map((x) => [x.ruleId, x.severity, x.source?.field])).toEqual([
      ['policy-not-applied', 'error', undefined],
      ['invalid-cidr', 'error', 'spec.ingress[0].from[0].ipBlock.cidr'],
    ]);
  });
});

describe('admin-priority-tie', () => {
  const admin = (name: string, priority: number, subject: string, kind = 'AdminNetworkPolicy', extra = '') =>
    `apiVersion: policy.networking.k8s.io/v1alpha${kind === 'ClusterNetworkPolicy' ? 2 : 1}\nkind: ${kind}\nmetadata: {name: ${name}}\nspec:\n${extra}  priority: ${priority}\n  subject: ${subject}\n---\n`;
  it.each([
    ['same priority, same pods', admin('a', 5, '{namespaces: {}}') + admin('b', 5, '{namespaces: {}}'), [['tie', 20, undefined]]],
    ['same priority, disjoint subjects', admin('a', 5, '{namespaces: {matchLabels: {team: a}}}') + admin('b', 5, '{namespaces: {matchLabels: {team: b}}}'), []],
    ['different priorities', admin('a', 5, '{namespaces: {}}') + admin('b', 6, '{namespaces: {}}'), []],
    ['same priority in different tiers', admin('a', 5, '{namespaces: {}}', 'ClusterNetworkPolicy', '  tier: Admin\n') + admin('b', 5, '{namespaces: {}}', 'ClusterNetworkPolicy', '  tier: Baseline\n'), []],
    ['same priority in the Baseline tier', admin('a', 5, '{namespaces: {}}', 'ClusterNetworkPolicy', '  tier: Baseline\n') + admin('b', 5, '{namespaces: {}}', 'ClusterNetworkPolicy', '  tier: Baseline\n'), [['tie', 21, undefined]]],
  ])('%s', (_t, yaml, expected) => {
    expect(run('admin-priority-tie', NS + POD + yaml)).toEqual(expected);
  });
});

describe('ipblock-covers-pod-network: networks peers of cluster-wide policies', () => {
  const anp = (cidr: string) => `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: egress}\nspec:\n  priority: 1\n  subject: {namespaces: {}}\n  egress:\n  - {action: Deny, to: [{networks: [${cidr}]}]}\n`;
  const withIp = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: app}\nspec: {containers: [{name: c, image: i}]}\nstatus: {podIP: 10.244.1.5}\n---\n';
  it.each([
    ['0.0.0.0/0, no pod IPs known', NS + POD + anp('0.0.0.0/0'), [['networks', 20, 'spec.egress[0].to[0]']]],
    ['a range holding a pod IP', NS + withIp + anp('10.0.0.0/8'), [['networks', 18, 'spec.egress[0].to[0]']]],
    ['a range outside the pods', NS + withIp + anp('192.168.0.0/16'), []],
  ])('%s', (_t, yaml, expected) => {
    expect(run('ipblock-covers-pod-network', yaml)).toEqual(expected);
  });
});
