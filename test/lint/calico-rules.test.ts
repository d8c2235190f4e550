import { describe, expect, it } from 'vitest';
import { runLint } from '../../src/lint/run-lint.js';
import { loadTexts } from '../../src/load/load-snapshot.js';

/**
 * The Calico lint rules (src/lint/rules/calico-*.ts), case by case with positions. Sources:
 * Calico's NetworkPolicy reference ("Selectors", "order", "Action"), "Get started with Calico
 * network policy", libcalico-go updateprocessors/rules.go (rule selectors confined to a
 * NetworkPolicy's namespace); docs/calico.md.
 */
const PODS = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web, env: prod}}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: shop, labels: {app: db}}
---
apiVersion: v1
kind: Pod
metadata: {name: prom, namespace: monitoring, labels: {app: prometheus}}
---
apiVersion: projectcalico.org/v3
kind: GlobalNetworkSet
metadata: {name: partners, labels: {role: partner}}
spec: {nets: [198.51.100.0/24]}
`;
const PODS_LINES = PODS.split('\n').length - 1;

function lint(ruleId: string, policies: string): { messageId: string; line: number | undefined; message: string }[] {
  const { snapshot, diagnostics } = loadTexts([{ file: 'c.yaml', text: `${PODS}---\n${policies}` }]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return runLint(snapshot, diagnostics)
    .filter((f) => f.ruleId === ruleId)
    .map((f) => ({ messageId: f.messageId, line: f.source?.line !== undefined ? f.source.line - PODS_LINES - 1 : undefined, message: f.message }));
}
/** The ServiceAccount of shop's pods, so that shop's service account labels are known. */
const SHOP_ACCOUNT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: shop, labels: {role: web}}\n';
const gnp = (name: string, spec: string) => `apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: ${name}}\nspec:\n${spec}`;
const np = (name: string, spec: string) => `apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${spec}`;

describe('calico-selects-nothing', () => {
  it.each([
    ['a policy selector with a typo', np('p', "  selector: app == 'wbe'\n  ingress: [{action: Allow}]\n"), [['subject', 1]]],
    ["a NetworkPolicy's rule selector meant for another namespace (rules.go: confined without a namespaceSelector)", np('p', "  selector: app == 'db'\n  ingress:\n  - action: Allow\n    source: {selector: app == 'prometheus'}\n"), [['peer', 7]]],
    ['a destination selector that matches nothing anywhere', gnp('p', "  selector: all()\n  egress:\n  - action: Allow\n    destination: {selector: role == 'nothing'}\n"), [['peer', 7]]],
    ["a serviceAccountSelector that no ServiceAccount of the namespace matches (all of them in the snapshot; Calico matches it on the ServiceAccount's labels)", `${SHOP_ACCOUNT}---\n${np('p', "  selector: all()\n  serviceAccountSelector: role == 'nothing'\n  ingress: [{action: Allow}]\n")}`, [['subject', 5]]],
  ])('reports %s', (_, policy, expected) => {
    expect(lint('calico-selects-nothing', policy).map((f) => [f.messageId, f.line])).toEqual(expected);
  });
  it.each([
    ['a namespaceSelector reaches the other namespace', np('p', "  selector: app == 'db'\n  ingress:\n  - action: Allow\n    source: {selector: app == 'prometheus', namespaceSelector: projectcalico.org/name == 'monitoring'}\n")],
    ['a selector that matches a network set', gnp('p', "  selector: all()\n  ingress:\n  - action: Deny\n    source: {selector: role == 'partner'}\n")],
    ['a serviceAccountSelector that the ServiceAccount of shop\'s pods matches', `${SHOP_ACCOUNT}---\n${np('p', "  selector: all()\n  serviceAccountSelector: role == 'web'\n  ingress: [{action: Allow}]\n")}`],
    ['nets only (no selector)', gnp('p', '  selector: all()\n  ingress:\n  - action: Deny\n    source: {nets: [192.0.2.0/24]}\n')],
    // Calico matches service account selectors on the ServiceAccount's labels (docs/calico.md); without the objects they are unknown.
    ['a serviceAccountSelector over ServiceAccounts the snapshot lacks', np('p', "  selector: all()\n  serviceAccountSelector: role == 'api'\n  ingress: [{action: Allow}]\n")],
    ['a rule\'s serviceAccounts selector over ServiceAccounts the snapshot lacks', gnp('p', "  selector: all()\n  ingress:\n  - action: Allow\n    source: {serviceAccounts: {selector: role == 'api'}}\n")],
  ])('is quiet when %s', (_, policy) => {
    expect(lint('calico-selects-nothing', policy)).toEqual([]);
  });
});

describe('calico-shadowed-rule', () => {
  it.each([
    ['an Allow after a Deny of the same protocol', "  selector: all()\n  ingress:\n  - action: Deny\n    protocol: TCP\n  - action: Allow\n    protocol: TCP\n    destination: {ports: [80]}\n", [['shadowed', 9]]],
    ['a port inside the Deny range', "  selector: all()\n  egress:\n  - action: Deny\n    protocol: UDP\n    destination: {ports: ['1:1000']}\n  - action: Allow\n    protocol: UDP\n    destination: {ports: [53]}\n", [['shadowed', 10]]],
    ['an Allow for IPv4 after a Deny for IPv4', '  selector: all()\n  ingress:\n  - action: Deny\n    ipVersion: 4\n  - action: Allow\n    ipVersion: 4\n    protocol: TCP\n', [['shadowed', 9]]],
    ['a Deny with no match at all shadows everything after it', '  selector: all()\n  ingress:\n  - action: Deny\n  - action: Pass\n  - action: Allow\n', [['shadowed', 8], ['shadowed', 9]]],
    // Nets are address ranges of bigints: compared as written (it stopped lint with an internal error before).
    ['an Allow to the same nets after a Deny to them', '  selector: all()\n  egress:\n  - action: Deny\n    destination: {nets: [10.0.0.0/8]}\n  - action: Allow\n    destination: {nets: [10.0.0.0/8]}\n', [['shadowed', 9]]],
  ])('reports %s', (_, spec, expected) => {
    expect(lint('calico-shadowed-rule', gnp('p', spec)).map((f) => [f.messageId, f.line])).toEqual(expected);
  });
  it.each([
    ['the exception comes first', "  selector: all()\n  ingress:\n  - action: Allow\n    protocol: TCP\n    destination: {ports: [80]}\n  - action: Deny\n    protocol: TCP\n"],
    ['the Deny is narrower (a source selector)', "  selector: all()\n  ingress:\n  - action: Deny\n    source: {selector: app == 'web'}\n  - action: Allow\n"],
    ['the Deny is for TCP, the Allow for any protocol', '  selector: all()\n  ingress:\n  - action: Deny\n    protocol: TCP\n  - action: Allow\n'],
    ['an earlier Allow (not a Deny) covers it', '  selector: all()\n  ingress:\n  - action: Allow\n  - action: Deny\n'],
    ['the Deny is for IPv6 only (ipVersion)', '  selector: all()\n  ingress:\n  - action: Deny\n    ipVersion: 6\n  - action: Allow\n'],
    ['the Deny is narrower (a service account selector)', "  selector: all()\n  ingress:\n  - action: Deny\n    source: {serviceAccounts: {selector: team == 'x'}}\n  - action: Allow\n"],
    ['the Deny is for other nets', '  selector: all()\n  egress:\n  - action: Deny\n    destination: {nets: [10.0.0.0/8]}\n  - action: Allow\n    destination: {nets: [192.168.0.0/16]}\n'],
    ['the Deny is narrower (a Service\'s endpoints: services)', '  selector: all()\n  egress:\n  - action: Deny\n    destination: {services: {name: db, namespace: shop}}\n  - action: Allow\n'],
  ])('is quiet when %s', (_, spec) => {
    expect(lint('calico-shadowed-rule', gnp('p', spec))).toEqual([]);
  });
});

describe('calico-order-tie', () => {
  it('reports two policies of one tier with the same order, naming which comes first', () => {
    const f = lint('calico-order-tie', `${gnp('b-deny', '  order: 100\n  selector: all()\n  ingress: [{action: Deny}]\n')}---\n${gnp('a-allow', '  order: 100\n  selector: all()\n  ingress: [{action: Allow}]\n')}`);
    expect(f.map((x) => x.messageId)).toEqual(['tie']);
    expect(f[0]!.message).toBe('GlobalNetworkPolicy b-deny and GlobalNetworkPolicy a-allow have the same order 100 in tier default: Calico evaluates them by name (a-allow first)');
  });
  it.each([
    ['different orders', `${gnp('a', '  order: 100\n  selector: all()\n')}---\n${gnp('b', '  order: 200\n  selector: all()\n')}`],
    ['one for ingress, one for egress', `${gnp('a', '  order: 100\n  selector: all()\n  types: [Ingress]\n')}---\n${gnp('b', '  order: 100\n  selector: all()\n  types: [Egress]\n')}`],
    ['NetworkPolicies of different namespaces', `${np('a', '  order: 100\n')}---\n${np('b', '  order: 100\n').replace('namespace: shop', 'namespace: monitoring')}`],
  ])('is quiet for %s', (_, docs) => {
    expect(lint('calico-order-tie', docs)).toEqual([]);
  });
});

describe('calico-log-last', () => {
  it('reports a Log rule at the end of a policy, at its line', () => {
    expect(lint('calico-log-last', gnp('p', '  selector: all()\n  egress:\n  - action: Allow\n    protocol: UDP\n  - action: Log\n')).map((f) => [f.messageId, f.line])).toEqual([['last', 9]]);
  });
  it('is quiet for Log then Deny ("Generate logs for specific traffic")', () => {
    expect(lint('calico-log-last', gnp('p', "  selector: all()\n  ingress:\n  - action: Log\n    source: {selector: app == 'web'}\n  - action: Deny\n    source: {selector: app == 'web'}\n"))).toEqual([]);
  });
});

describe('calico-not-equals-unlabelled', () => {
  it.each([
    ["a source selector env != 'prod'", gnp('p', "  selector: app == 'db'\n  ingress:\n  - action: Allow\n    source: {selector: env != 'prod'}\n"), ["ingress rule 0 source selector: env != \"prod\" also matches endpoints without label env"]],
    ['a policy selector with not in, among other terms', gnp('p', "  selector: app == 'db' && tier not in {'a', 'b'}\n"), ['selector: tier not in {"a", "b"} also matches endpoints without label tier']],
  ])('reports %s', (_, policy, messages) => {
    expect(lint('calico-not-equals-unlabelled', policy).map((f) => f.message)).toEqual(messages);
  });
  it.each([
    ['a has() beside it', gnp('p', "  selector: has(env) && env != 'prod'\n")],
    ['under an ||, where absence may be meant', gnp('p', "  selector: \"!has(env) || env != 'prod'\"\n")],
    ['!has() alone', gnp('p', "  selector: '!has(env)'\n")],
  ])('is quiet with %s', (_, policy) => {
    expect(lint('calico-not-equals-unlabelled', policy)).toEqual([]);
  });
});

describe('egress-without-dns counts a Calico default deny', () => {
  it('a GlobalNetworkPolicy default deny for egress without DNS: every pod it selects is reported', () => {
    const f = lint('egress-without-dns', gnp('default-deny', '  selector: all()\n  types: [Egress]\n'));
    expect(f.map((x) => x.message)).toEqual([
      'shop/web[Pod] is isolated for egress and cannot reach any pod or address on UDP 53 or TCP 53',
      'shop/db[Pod] is isolated for egress and cannot reach any pod or address on UDP 53 or TCP 53',
      'monitoring/prom[Pod] is isolated for egress and cannot reach any pod or address on UDP 53 or TCP 53',
    ]);
  });
  it('and none when the policy allows DNS', () => {
    expect(lint('egress-without-dns', gnp('default-deny', "  selector: all()\n  types: [Egress]\n  egress:\n  - action: Allow\n    protocol: UDP\n    destination: {ports: [53]}\n"))).toEqual([]);
  });
});
