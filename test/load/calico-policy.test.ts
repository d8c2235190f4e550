import { describe, expect, it } from 'vitest';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { dedent } from '../helpers/analyze.js';

/**
 * Reading Calico's projectcalico.org/v3 objects. Sources: the Go types of projectcalico/calico
 * api/pkg/apis/projectcalico/v3 (their kubebuilder XValidation rules) and
 * libcalico-go/lib/validator/v3/validator.go (validateRule, validateEntityRule, validateTier,
 * validateNetworkPolicy), commit 87c15906f2; "types" defaulting from the NetworkPolicy resource
 * reference (docs.tigera.io, "Spec").
 */
const indent = (s: string) => dedent(s).split('\n').map((l) => `  ${l}`).join('\n');
const obj = (kind: string, name: string, spec: string, namespace?: string, apiVersion = 'projectcalico.org/v3') =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n${indent(spec)}\n`;

function load(...docs: string[]) {
  const r = loadTexts(docs.map((text, i) => ({ file: `doc${i}.yaml`, text })));
  const messages = r.diagnostics.map((d) => `${d.severity} ${d.source?.file}:${d.source?.line} ${d.code}: ${d.message}`);
  return { snapshot: r.snapshot, calico: r.snapshot.calico, messages };
}

describe('Calico objects: reading', () => {
  it('leaves staged policies out with a note: Calico previews them and enforces nothing (docs.tigera.io, "Staged network policies")', () => {
    const { snapshot, calico, messages } = load(
      obj('StagedNetworkPolicy', 'try-deny', `
        selector: all()
        types: [Ingress]
      `, 'prod'),
      obj('StagedGlobalNetworkPolicy', 'try-global', `
        selector: all()
      `),
    );
    expect(messages).toEqual([
      'info doc0.yaml:1 calico-staged-policy: StagedNetworkPolicy try-deny is a staged Calico policy: Calico does not enforce it (it previews a change), so it is left out of the analysis',
      'info doc1.yaml:1 calico-staged-policy: StagedGlobalNetworkPolicy try-global is a staged Calico policy: Calico does not enforce it (it previews a change), so it is left out of the analysis',
    ]);
    expect(calico?.policies ?? []).toEqual([]);
    expect(snapshot.unmodelled ?? []).toEqual([]);
  });

  it('dispatches NetworkPolicy on apiVersion: projectcalico.org/v3 is Calico, networking.k8s.io/v1 is Kubernetes', () => {
    const { snapshot, calico, messages } = load(
      obj('NetworkPolicy', 'allow-web', `
        selector: app == 'web'
        ingress:
        - action: Allow
          protocol: TCP
          destination: {ports: [80, "8000:8080", http]}
      `, 'prod'),
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: k, namespace: prod}\nspec: {podSelector: {}}\n`,
    );
    expect(messages).toEqual([]);
    expect(snapshot.policies.map((p) => p.name)).toEqual(['k']);
    const p = calico!.policies[0]!;
    expect(p).toMatchObject({ kind: 'NetworkPolicy', namespace: 'prod', tier: 'default', selector: "app == 'web'", types: { ingress: true, egress: false } });
    expect(p.ingress[0]!.destination.ports).toEqual([{ kind: 'range', from: 80, to: 80 }, { kind: 'range', from: 8000, to: 8080 }, { kind: 'named', name: 'http' }]);
    expect(p.ingress[0]!.protocols).toEqual(['TCP']);
    expect(calico!.tiers.map((t) => [t.name, t.order])).toEqual([['default', 1_000_000]]);
  });

  it('reads the crd.projectcalico.org/v1 form kubectl get prints', () => {
    const { calico } = load(obj('GlobalNetworkPolicy', 'deny-all', `
      selector: all()
      types: [Ingress, Egress]
    `, undefined, 'crd.projectcalico.org/v1'));
    expect(calico!.policies[0]).toMatchObject({ kind: 'GlobalNetworkPolicy', types: { ingress: true, egress: true }, ingress: [], egress: [] });
  });

  it.each([
    ['no rules: Ingress', '', { ingress: true, egress: false }],
    ['ingress rules only: Ingress', 'ingress: [{action: Allow}]', { ingress: true, egress: false }],
    ['egress rules only: Egress', 'egress: [{action: Allow}]', { ingress: false, egress: true }],
    ['both: Ingress, Egress', 'ingress: [{action: Allow}]\negress: [{action: Allow}]', { ingress: true, egress: true }],
  ])('types defaulting (NetworkPolicy reference, "types"): %s', (_, body, types) => {
    const { calico } = load(obj('NetworkPolicy', 'p', `selector: all()\n${body}`, 'prod'));
    expect(calico!.policies[0]!.types).toEqual(types);
  });

  it.each([
    ['an action that is not one', 'ingress: [{action: Alow}]', 'invalid-action: action "Alow" is not one of Allow, Deny, Log, Pass (did you mean Allow'],
    ['an unknown field', 'ingress: [{action: Allow, sourc: {}}]', 'unknown-field: unknown field "sourc" (did you mean source?)'],
    ['a numeric port without protocol (validateRule)', 'ingress: [{action: Allow, destination: {ports: [80]}}]', 'invalid-rule: rules with numeric port or port range must set protocol to TCP or UDP or SCTP'],
    ['ports with ICMP (validateRule)', 'ingress: [{action: Allow, protocol: ICMP, destination: {ports: [80]}}]', 'invalid-rule: rules that specify ports must set protocol to TCP or UDP or SCTP'],
    ['a reversed range (PortFromRange)', 'ingress: [{action: Allow, protocol: TCP, destination: {ports: ["90:80"]}}]', 'invalid-port: minimum port number (90) is greater than maximum port number (80) in port range'],
    ['a protocol name in lower case (protocolRegex)', 'ingress: [{action: Allow, protocol: tcp}]', 'invalid-protocol: protocol name invalid: "tcp"'],
    ['a selector that does not parse', "selector: app = 'x'", 'invalid-selector: invalid selector at character 5'],
    ['global() in a selector (EntityRule XValidation)', 'ingress: [{action: Allow, source: {selector: global()}}]', 'invalid-selector: global() can only be used in an EntityRule namespaceSelector'],
    ['global() combined in a namespaceSelector (validateEntityRule)', "ingress: [{action: Allow, source: {namespaceSelector: global() || a == 'b'}}]", 'global() cannot be combined with other selectors'],
    ['0.0.0.0/0 in notNets (validateRule)', 'ingress: [{action: Deny, source: {notNets: [0.0.0.0/0]}}]', 'catch-all CIDR in negation'],
    ['IPv4 and IPv6 nets in one rule (validateRule)', 'ingress: [{action: Deny, source: {nets: [10.0.0.0/8]}, destination: {nets: ["fd00::/8"]}}]', 'rule contains both IPv4 and IPv6 CIDRs'],
    ['a type twice (validateNetworkPolicySpec)', 'types: [Ingress, Ingress]', "'Ingress' type specified more than once"],
    ['icmp without protocol ICMP (Rule XValidation)', 'ingress: [{action: Allow, icmp: {type: 8}}]', 'ICMP fields require protocol to be ICMP or ICMPv6'],
    ['http on a Deny rule (Rule XValidation)', 'ingress: [{action: Deny, http: {methods: [GET]}}]', 'HTTP match is only valid on Allow rules'],
    ['services with a selector (EntityRule XValidation)', "egress: [{action: Allow, destination: {services: {name: svc, namespace: prod}, selector: \"a == 'b'\"}}]", 'cannot specify Selector/NotSelector and Services on the same rule'],
    ['destination services with ports (Rule XValidation)', 'egress: [{action: Allow, protocol: TCP, destination: {services: {name: svc}, ports: [80]}}]', 'ports and notPorts cannot be specified with services'],
  ])('refuses %s, with the field position, and leaves the object out', (_, body, expected) => {
    const { calico, messages } = load(obj('NetworkPolicy', 'p', `selector: all()\n${body}`, 'prod'));
    expect(calico).toBeUndefined();
    expect(messages.some((m) => m.startsWith('error doc0.yaml:') && m.includes(expected))).toBe(true);
    expect(messages.some((m) => m.includes('calico-not-applied'))).toBe(true);
  });

  it('services: an ingress source may have (source) ports (the Rule XValidation forbids ports only in a destination with services); a GlobalNetworkPolicy must name the namespace (validateGlobalNetworkPolicySpec)', () => {
    const withPorts = load(obj('NetworkPolicy', 'p', 'ingress: [{action: Allow, protocol: TCP, source: {services: {name: svc}, ports: [1024]}}]', 'prod'));
    expect(withPorts.calico!.policies).toHaveLength(1);
    expect(withPorts.messages.every((m) => m.startsWith('warning'))).toBe(true);
    const global = load(obj('GlobalNetworkPolicy', 'g', 'egress: [{action: Allow, destination: {services: {name: svc}}}]'));
    expect(global.calico).toBeUndefined();
    expect(global.messages.some((m) => m.includes('services in a GlobalNetworkPolicy must specify a namespace'))).toBe(true);
    expect(load(obj('GlobalNetworkPolicy', 'g', 'egress: [{action: Allow, destination: {services: {name: svc, namespace: prod}}}]')).calico!.policies).toHaveLength(1);
  });

  it('services: empty selector, nets and namespaceSelector may stand beside it (the EntityRule XValidation rules test size > 0); the namespace defaults to the policy\'s (ServiceMatch)', () => {
    const { calico, messages } = load(obj('NetworkPolicy', 'p', "egress: [{action: Allow, destination: {services: {name: svc}, selector: '', notSelector: '', namespaceSelector: '', nets: [], notNets: []}}]", 'prod'));
    expect(messages.filter((m) => m.startsWith('error'))).toEqual([]);
    expect(calico!.policies[0]!.egress[0]!.destination).toEqual({ notNets: [], notPorts: [], services: { name: 'svc', namespace: 'prod' } });
  });

  it('points at the line of the bad field', () => {
    const { messages } = load(obj('NetworkPolicy', 'p', `
      selector: all()
      ingress:
      - action: Allow
      - action: Dney
    `, 'prod'));
    expect(messages[0]).toBe('error doc0.yaml:10 invalid-action: action "Dney" is not one of Allow, Deny, Log, Pass (did you mean Deny?)');
  });

  it('reads protocol numbers and notProtocol onto the analysed protocols', () => {
    const { calico } = load(obj('GlobalNetworkPolicy', 'g', `
      ingress:
      - {action: Allow, protocol: 17}
      - {action: Allow, notProtocol: TCP}
      - {action: Allow, protocol: ICMP}
    `));
    expect(calico!.policies[0]!.ingress.map((r) => r.protocols)).toEqual([['UDP'], ['UDP', 'SCTP'], []]);
  });

  it('reports what is not modelled and lists the policy as unmodelled (undetermined answers)', () => {
    const { calico, snapshot, messages } = load(obj('GlobalNetworkPolicy', 'host', `
      selector: all()
      applyOnForward: true
      preDNAT: true
      ingress: [{action: Allow, protocol: TCP, http: {methods: [GET]}}]
    `));
    expect(calico!.policies[0]!.unmodelled).toEqual(['preDNAT (host endpoint policy)', 'applyOnForward (host endpoint policy)', 'http match (application layer policy)']);
    expect(snapshot.unmodelled?.map((u) => `${u.owner} ${u.kind} ${u.name}`)).toEqual(['Calico GlobalNetworkPolicy host']);
    expect(messages.filter((m) => m.includes('calico-unmodelled'))).toHaveLength(3);
  });

  it('reads NetworkSets, GlobalNetworkSets and Tiers; fixed tiers keep their order (tier.go XValidation)', () => {
    const { calico, messages } = load(
      obj('NetworkSet', 'partners', 'nets: [198.51.100.0/24, 203.0.113.7]', 'prod'),
      obj('GlobalNetworkSet', 'bad-actors', 'nets: [192.0.2.0/24]'),
      obj('Tier', 'security', 'order: 100'),
      obj('Tier', 'default', 'order: 5'),
    );
    expect(calico!.networkSets.map((s) => [s.kind, s.namespace, s.nets.map((n) => n.text)])).toEqual([
      ['NetworkSet', 'prod', ['198.51.100.0/24', '203.0.113.7/32']],
      ['GlobalNetworkSet', undefined, ['192.0.2.0/24']],
    ]);
    expect(calico!.tiers.map((t) => [t.name, t.order, t.defaultAction])).toEqual([['security', 100, 'Deny'], ['default', 1_000_000, 'Deny']]);
    expect(messages.some((m) => m.includes('default tier order must be 1000000'))).toBe(true);
  });

  it('a policy in a tier the snapshot lacks is undetermined', () => {
    const { calico, messages } = load(obj('GlobalNetworkPolicy', 'security.p', 'tier: security\nselector: all()'));
    expect(calico!.policies[0]!.unmodelled).toEqual(['tier security (not in the snapshot)']);
    expect(messages.some((m) => m.includes('calico-unknown-tier'))).toBe(true);
  });

  it('reads the pod serviceAccountName', () => {
    const { snapshot } = load('apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: prod}\nspec: {serviceAccountName: api, containers: []}\n');
    expect(snapshot.pods[0]!.serviceAccountName).toBe('api');
  });

  // ServiceAccount labels (libcalico-go k8s/conversion/conversion.go ServiceAccountToProfile) and service account selectors.
  const sa = (name: string, namespace: string, labels = '{}') => `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ${name}, namespace: ${namespace}, labels: ${labels}}\n`;
  const podWith = (name: string, account: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: prod}\nspec: {serviceAccountName: ${account}, containers: []}\n`;

  it('reads v1 ServiceAccounts (name, namespace, labels); one given twice is the later one; other apiVersions are not ServiceAccounts', () => {
    const { snapshot } = load(sa('api', 'prod', '{team: a}'), sa('api', 'prod', '{team: b}'), sa('web', 'dev'), 'apiVersion: example.com/v1\nkind: ServiceAccount\nmetadata: {name: x, namespace: prod}\n');
    expect(snapshot.serviceAccounts?.map((a) => [a.namespace, a.name, a.labels])).toEqual([['prod', 'api', { team: 'b' }], ['dev', 'web', {}]]);
  });

  it('serviceAccountSelector and serviceAccounts.selector are read, not reported; an invalid one is an error', () => {
    const { calico, messages } = load(sa('default', 'prod'), obj('NetworkPolicy', 'p', "serviceAccountSelector: team == 'a'\ningress:\n  - action: Allow\n    source:\n      serviceAccounts:\n        selector: has(team)", 'prod'));
    expect(calico!.policies[0]).toMatchObject({ serviceAccountSelector: "team == 'a'", unmodelled: [] });
    expect(calico!.policies[0]!.ingress[0]!.source.serviceAccountSelector).toBe('has(team)');
    expect(messages).toEqual([]);
    const bad = load(obj('NetworkPolicy', 'p', "serviceAccountSelector: team = 'a'", 'prod'));
    expect(bad.messages.some((m) => m.includes('invalid-selector'))).toBe(true);
  });

  it("a pod's ServiceAccount missing from the snapshot makes a policy whose service account selector may depend on it undetermined", () => {
    const policy = obj('NetworkPolicy', 'p', "serviceAccountSelector: team == 'a'", 'prod');
    const missing = load(podWith('a', 'api'), policy);
    expect(missing.calico!.policies[0]!.unmodelled).toEqual(['service account selectors (ServiceAccount prod/api not in the snapshot)']);
    expect(missing.messages.some((m) => m.includes('calico-unknown-service-account') && m.includes('prod/api'))).toBe(true);
    expect(load(podWith('a', 'api'), sa('api', 'prod'), policy).calico!.policies[0]!.unmodelled).toEqual([]);
    // all() does not depend on the labels; a pod of another namespace is not selected by a namespaced policy's own selector.
    expect(load(podWith('a', 'api'), obj('NetworkPolicy', 'p', 'serviceAccountSelector: all()', 'prod')).calico!.policies[0]!.unmodelled).toEqual([]);
    expect(load(podWith('a', 'api'), obj('NetworkPolicy', 'p', "serviceAccountSelector: team == 'a'", 'dev')).calico!.policies[0]!.unmodelled).toEqual([]);
  });
});
