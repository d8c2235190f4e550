import { describe, expect, it } from 'vitest';
import { analyze, dedent, ns, pod, policy } from '../helpers/analyze.js';

/**
 * Calico's policies by the examples of its documentation (docs.tigera.io, Calico Open Source;
 * the page sources are tigera/docs calico/network-policy/…/*.mdx and
 * calico/reference/resources/*.mdx). Each case quotes the prose that says what the example
 * does; every `can` is answered by the bitset engine and by the reference evaluator, and fails if
 * they disagree.
 */
const indent = (s: string) => dedent(s).split('\n').map((l) => `  ${l}`).join('\n');
const cnp = (name: string, namespace: string, spec: string) => `apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n${indent(spec)}\n`;
const gnp = (name: string, spec: string) => `apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n${indent(spec)}\n`;
const tier = (name: string, spec: string) => `apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata:\n  name: ${name}\nspec:\n${indent(spec)}\n`;
const withSa = (doc: string, sa: string) => doc.replace('spec:\n  containers:', `spec:\n  serviceAccountName: ${sa}\n  containers:`);

const colours = [
  ns('production', { shape: 'square' }),
  ns('other', { shape: 'circle' }),
  ns('elsewhere', { shape: 'triangle' }),
  pod('red', { color: 'red' }, { ns: 'production' }),
  pod('blue', { color: 'blue' }, { ns: 'production' }),
  pod('green', { color: 'green' }, { ns: 'production' }),
  pod('blue', { color: 'blue' }, { ns: 'other' }),
  pod('blue', { color: 'blue' }, { ns: 'elsewhere' }),
];

describe('Get started with Calico network policy (network-policy/get-started/calico-policy/calico-network-policy)', () => {
  it('"ingress traffic to endpoints in the namespace: production with label color: red is allowed, only if it comes from a pod in the same namespace with color: blue, on port 6379"', () => {
    const a = analyze(...colours, cnp('allow-tcp-6379', 'production', `
      selector: color == 'red'
      ingress:
        - action: Allow
          protocol: TCP
          source:
            selector: color == 'blue'
          destination:
            ports:
              - 6379
    `));
    expect(a.can('production/blue', 'production/red', 'TCP', 6379)).toBe(true);
    expect(a.can('production/blue', 'production/red', 'TCP', 80)).toBe(false);
    expect(a.can('production/blue', 'production/red', 'UDP', 6379)).toBe(false);
    expect(a.can('production/green', 'production/red', 'TCP', 6379)).toBe(false);
    expect(a.can('other/blue', 'production/red', 'TCP', 6379)).toBe(false); // "in the same namespace"
    expect(a.can('production/red', 'production/green', 'TCP', 6379)).toBe(true); // the policy selects only red
  });

  it('"ingress traffic is also allowed from endpoints in namespaces that match shape == circle"', () => {
    const a = analyze(...colours, cnp('allow-tcp-6379', 'production', `
      selector: color == 'red'
      ingress:
        - action: Allow
          protocol: TCP
          source:
            selector: color == 'blue'
            namespaceSelector: shape == 'circle'
          destination:
            ports:
              - 6379
    `));
    expect(a.can('other/blue', 'production/red', 'TCP', 6379)).toBe(true);
    expect(a.can('elsewhere/blue', 'production/red', 'TCP', 6379)).toBe(false);
    // With a namespaceSelector the rule no longer means "the same namespace": production is a square.
    expect(a.can('production/blue', 'production/red', 'TCP', 6379)).toBe(false);
  });

  it('"incoming TCP traffic to any pods with label color: red is denied if it comes from a pod with color: blue" (GlobalNetworkPolicy deny-blue)', () => {
    const a = analyze(...colours, gnp('deny-blue', `
      selector: color == 'red'
      ingress:
        - action: Deny
          protocol: TCP
          source:
            selector: color == 'blue'
    `));
    expect(a.can('production/blue', 'production/red', 'TCP', 6379)).toBe(false);
    expect(a.can('other/blue', 'production/red', 'TCP', 6379)).toBe(false); // "regardless of namespace"
    // What the Deny does not match reaches the end of the default tier, which the policy applies in.
    expect(a.can('production/green', 'production/red', 'TCP', 6379)).toBe(false);
    expect(a.can('production/blue', 'production/red', 'UDP', 53)).toBe(false);
  });

  it('"you can allow or deny ingress traffic from endpoints in specific namespaces using a namespaceSelector" (deny-circle-blue)', () => {
    const a = analyze(...colours, gnp('deny-circle-blue', `
      selector: color == 'red'
      ingress:
        - action: Deny
          protocol: TCP
          source:
            selector: color == 'blue'
            namespaceSelector: shape == 'circle'
        - action: Allow
    `));
    expect(a.can('other/blue', 'production/red', 'TCP', 6379)).toBe(false);
    expect(a.can('production/blue', 'production/red', 'TCP', 6379)).toBe(true);
    expect(a.can('elsewhere/blue', 'production/red', 'TCP', 6379)).toBe(true);
  });

  it('allow-egress-external: the page says "outgoing traffic is allowed … if it goes to an IP address in the 1.2.3.4/24 CIDR block", its YAML has action: Deny for 1.2.3.0/24: the YAML is what is evaluated', () => {
    const a = analyze(...colours, cnp('allow-egress-external', 'production', `
      selector: color == 'red'
      types:
        - Egress
      egress:
        - action: Deny
          destination:
            nets:
              - 1.2.3.0/24
    `));
    expect(a.can('production/red', '1.2.3.4', 'TCP', 443)).toBe(false);
    expect(a.can('production/red', '8.8.8.8', 'TCP', 443)).toBe(false); // the end of the default tier
    expect(a.can('production/blue', '1.2.3.4', 'TCP', 443)).toBe(true); // not selected
  });

  it('"the policy allow-cluster-internal-ingress (order: 10) will be applied before the policy drop-other-ingress (order: 20)"', () => {
    const docs = [
      gnp('drop-other-ingress', "order: 20\nselector: color == 'red'\ningress:\n- action: Deny"),
      gnp('allow-cluster-internal-ingress', "order: 10\nselector: color == 'red'\ningress:\n- action: Allow\n  source: {namespaceSelector: shape == 'square'}"),
    ];
    const a = analyze(...colours, ...docs);
    expect(a.can('production/blue', 'production/red', 'TCP', 80)).toBe(true);
    expect(a.can('other/blue', 'production/red', 'TCP', 80)).toBe(false);
    const swapped = analyze(...colours, docs[0]!.replace('order: 20', 'order: 5'), docs[1]!);
    expect(swapped.can('production/blue', 'production/red', 'TCP', 80)).toBe(false);
  });

  it('"incoming TCP traffic to an application is denied, and each connection attempt is logged": Log goes on to the Deny (the page writes Metadata/Spec, which Calico refuses: fixed here)', () => {
    const a = analyze(
      ns('production'),
      pod('database', { role: 'database' }, { ns: 'production' }),
      pod('frontend', { role: 'frontend' }, { ns: 'production' }),
      cnp('allow-tcp-6379', 'production', `
        selector: role == 'database'
        types:
          - Ingress
          - Egress
        ingress:
          - action: Log
            protocol: TCP
            source:
              selector: role == 'frontend'
          - action: Deny
            protocol: TCP
            source:
              selector: role == 'frontend'
      `),
    );
    expect(a.can('production/frontend', 'production/database', 'TCP', 6379)).toBe(false);
    expect(a.can('production/database', 'production/frontend', 'TCP', 80)).toBe(false); // types: Egress with no egress rules
    const asWritten = analyze(ns('production'), 'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nMetadata:\n  name: x\n  namespace: production\nSpec:\n  selector: all()\n');
    expect(asWritten.diagnostics.map((d) => d.message)).toContain('unknown field "Metadata" (did you mean metadata?)');
  });
});

describe('Resource reference samples (reference/resources/networkpolicy, globalnetworkpolicy)', () => {
  const world = [
    ns('production'),
    ns('staging'),
    pod('database', { role: 'database' }, { ns: 'production', ports: [{ port: 6379 }] }),
    pod('frontend', { role: 'frontend' }, { ns: 'production' }),
    pod('frontend', { role: 'frontend' }, { ns: 'staging' }),
  ];
  const sample = `
    selector: role == 'database'
    types:
    - Ingress
    - Egress
    ingress:
    - action: Allow
      metadata:
        annotations:
          from: frontend
          to: database
      protocol: TCP
      source:
        selector: role == 'frontend'
      destination:
        ports:
        - 6379
    egress:
    - action: Allow
  `;
  it('NetworkPolicy: "This sample policy allows TCP traffic from frontend endpoints to port 6379 on database endpoints" (of its namespace)', () => {
    const a = analyze(...world, cnp('allow-tcp-6379', 'production', sample));
    expect(a.can('production/frontend', 'production/database', 'TCP', 6379)).toBe(true);
    expect(a.can('staging/frontend', 'production/database', 'TCP', 6379)).toBe(false);
    expect(a.can('production/frontend', 'production/database', 'TCP', 6380)).toBe(false);
    expect(a.can('production/database', '8.8.8.8', 'UDP', 53)).toBe(true); // egress: Allow
  });
  it('GlobalNetworkPolicy: the same sample, "GlobalNetworkPolicy applies to workload endpoint resources in all namespaces"', () => {
    const a = analyze(...world, gnp('allow-tcp-6379', sample));
    expect(a.can('staging/frontend', 'production/database', 'TCP', 6379)).toBe(true);
  });
});

describe('Get started with policy tiers (network-policy/policy-tiers/tiered-policy)', () => {
  const world = [
    ns('apps'),
    pod('stage-web', { env: 'stage' }, { ns: 'apps' }),
    pod('stage-db', { env: 'stage' }, { ns: 'apps' }),
    pod('prod-web', { env: 'prod' }, { ns: 'apps' }),
    pod('prod-db', { env: 'prod' }, { ns: 'apps' }),
  ];
  const stageEnv = gnp('devops.stage-env', `
    tier: devops
    order: 255
    selector: env == "stage"
    ingress:
      - action: Deny
        source:
          selector: env != "stage"
      - action: Pass
    egress:
      - action: Deny
        destination:
          selector: env != "stage"
      - action: Pass
    types:
      - Ingress
      - Egress
  `);
  it('"The policy denies ingress and egress traffic to workloads that match selector, env == "stage". To ensure that policies continue to evaluate traffic after this policy, the policy adds a Pass action"', () => {
    const a = analyze(...world, tier('devops', 'order: 300'), stageEnv);
    expect(a.can('apps/prod-web', 'apps/stage-db')).toBe(false);
    expect(a.can('apps/stage-web', 'apps/prod-db')).toBe(false);
    expect(a.can('apps/stage-web', 'apps/stage-db')).toBe(true); // passed on; no later tier selects them: the profile allows
    expect(a.can('apps/prod-web', 'apps/prod-db')).toBe(true); // the devops tier does not select them
  });
  it('"If the tier applies to the endpoint but no action is taken on the packet, the packet is dropped": without the Pass rules', () => {
    const a = analyze(...world, tier('devops', 'order: 300'), stageEnv.replace(/\n {4}- action: Pass/g, ''));
    expect(a.can('apps/stage-web', 'apps/stage-db')).toBe(false);
  });
  it('"The other option, is to update tier\'s default action to Pass to override the implicit default deny"', () => {
    const a = analyze(...world, tier('devops', 'order: 300\ndefaultAction: Pass'), stageEnv.replace(/\n {4}- action: Pass/g, ''));
    expect(a.can('apps/stage-web', 'apps/stage-db')).toBe(true);
    expect(a.can('apps/prod-web', 'apps/stage-db')).toBe(false);
  });
  it('"if no policies within a tier apply to endpoints, the tier is skipped, and the tier\'s implicit deny behavior is not executed"', () => {
    const a = analyze(...world, tier('devops', 'order: 300'), tier('platform', 'order: 400'), stageEnv, gnp('platform.only-db', 'tier: platform\nselector: has(nothing)\ningress:\n- action: Allow'), policy('web', 'apps', 'podSelector: {}\ningress:\n- from: [{podSelector: {}}]'));
    expect(a.can('apps/stage-web', 'apps/stage-db')).toBe(true); // passed, platform skipped, Kubernetes NetworkPolicy allows
  });
  it('"The default tier is where … You manage all Kubernetes network policies": a security tier ahead of it decides first, and what it passes meets the NetworkPolicy', () => {
    const a = analyze(
      ...world,
      tier('security', 'order: 300'),
      gnp('security.block-prod-db', "tier: security\nselector: env == 'prod'\ningress:\n- action: Deny\n  source: {selector: env == 'stage'}\n- action: Pass"),
      policy('db', 'apps', 'podSelector: {}\ningress:\n- from: [{podSelector: {matchLabels: {env: prod}}}]'),
    );
    expect(a.can('apps/stage-web', 'apps/prod-db')).toBe(false); // the security tier's Deny
    expect(a.can('apps/prod-web', 'apps/prod-db')).toBe(true); // passed; allowed by the NetworkPolicy
    expect(a.can('apps/stage-web', 'apps/stage-db')).toBe(false); // not selected by the security tier; the NetworkPolicy isolates it
  });
});

describe('Enable default deny for Kubernetes pods (network-policy/get-started/kubernetes-default-deny)', () => {
  const world = [
    ns('engineering'),
    ns('kube-system'),
    pod('web', { app: 'web' }, { ns: 'engineering' }),
    pod('api', { app: 'api' }, { ns: 'engineering' }),
    pod('coredns', { 'k8s-app': 'kube-dns' }, { ns: 'kube-system', ports: [{ port: 53, protocol: 'UDP' }] }),
  ];
  it('"The following example applies to all workloads … in all namespaces" (default-deny, selector all())', () => {
    const a = analyze(...world, gnp('default-deny', 'selector: all()\ntypes:\n  - Ingress\n  - Egress'));
    expect(a.can('engineering/web', 'engineering/api')).toBe(false);
    expect(a.can('engineering/web', 'kube-system/coredns', 'UDP', 53)).toBe(false);
  });
  it('"applies a default-deny behaviour to all non-system pods. The policy also allows access kube-dns" (deny-app-policy)', () => {
    const a = analyze(...world, gnp('deny-app-policy', `
      namespaceSelector: has(projectcalico.org/name) && projectcalico.org/name not in {"kube-system", "calico-system", "calico-apiserver"}
      types:
      - Ingress
      - Egress
      egress:
      - action: Allow
        protocol: UDP
        destination:
          selector: 'k8s-app == "kube-dns"'
          ports:
          - 53
      - action: Allow
        protocol: TCP
        destination:
          selector: 'k8s-app == "kube-dns"'
          ports:
          - 53
    `));
    expect(a.can('engineering/web', 'kube-system/coredns', 'UDP', 53)).toBe(true);
    expect(a.can('engineering/web', 'kube-system/coredns', 'TCP', 53)).toBe(true);
    expect(a.can('engineering/web', 'engineering/api')).toBe(false);
    expect(a.can('kube-system/coredns', 'engineering/web')).toBe(false); // web's ingress is denied
    expect(a.can('kube-system/coredns', '8.8.8.8', 'UDP', 53)).toBe(true); // "deliberately excludes the kube-system … namespaces"
  });
  it('"we enable a default deny NetworkPolicy for all workloads in the namespace, engineering"', () => {
    const a = analyze(...world, cnp('default-deny', 'engineering', 'selector: all()\ntypes:\n  - Ingress\n  - Egress'));
    expect(a.can('engineering/web', 'engineering/api')).toBe(false);
    expect(a.can('kube-system/coredns', '8.8.8.8', 'UDP', 53)).toBe(true);
  });
});

describe('Use external IPs or networks rules in policy (network-policy/policy-rules/external-ips-policy)', () => {
  it('"a Calico NetworkPolicy allows egress traffic from pods with the label color: red, if it goes to an IP address in the 192.0.2.0/24 CIDR block"', () => {
    const a = analyze(...colours, cnp('allow-egress-external', 'production', "selector: color == 'red'\ntypes:\n  - Egress\negress:\n  - action: Allow\n    destination:\n      nets:\n        - 192.0.2.0/24"));
    expect(a.can('production/red', '192.0.2.10', 'TCP', 443)).toBe(true);
    expect(a.can('production/red', '198.51.100.1', 'TCP', 443)).toBe(false);
  });
  it('"a Calico GlobalNetworkSet deny-lists the CIDR ranges 192.0.2.55/32 and 203.0.113.0/24", selected by label from a GlobalNetworkPolicy (doNotTrack and applyOnForward: host policies, so undetermined; the same rules without them)', () => {
    const set = "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkSet\nmetadata:\n  name: ip-protect\n  labels:\n    ip-deny-list: 'true'\nspec:\n  nets:\n    - 192.0.2.55/32\n    - 203.0.113.0/24\n";
    const docs = [
      gnp('forward-default-allow', "selector: apply-ip-protect == 'true'\norder: 1000\ntypes:\n  - Ingress\ningress:\n  - action: Allow"),
      gnp('ip-protect', "selector: apply-ip-protect == 'true'\norder: 0\ntypes:\n  - Ingress\ningress:\n  - action: Deny\n    source:\n      selector: ip-deny-list == 'true' && !has(projectcalico.org/namespace)"),
    ];
    const a = analyze(ns('prod'), pod('edge', { 'apply-ip-protect': 'true' }, { ns: 'prod' }), set, ...docs);
    expect(a.can('192.0.2.55', 'prod/edge', 'TCP', 443)).toBe(false);
    expect(a.can('203.0.113.9', 'prod/edge', 'TCP', 443)).toBe(false);
    expect(a.can('192.0.2.56', 'prod/edge', 'TCP', 443)).toBe(true);
    const asWritten = analyze(ns('prod'), pod('edge', { 'apply-ip-protect': 'true' }, { ns: 'prod' }), set, ...docs.map((d) => d.replace('spec:\n', 'spec:\n  doNotTrack: true\n  applyOnForward: true\n')));
    expect(asWritten.snapshot.unmodelled?.map((u) => u.name)).toEqual(['forward-default-allow', 'ip-protect']);
  });
});

describe('Use service accounts rules in policy (network-policy/policy-rules/service-accounts)', () => {
  it('"ingress traffic is allowed from any workload whose service account matches the names api-service or user-auth-service"', () => {
    const a = analyze(
      ns('prod-engineering'),
      pod('db', { app: 'db' }, { ns: 'prod-engineering' }),
      withSa(pod('api', {}, { ns: 'prod-engineering' }), 'api-service'),
      withSa(pod('auth', {}, { ns: 'prod-engineering' }), 'user-auth-service'),
      pod('other', {}, { ns: 'prod-engineering' }),
      cnp('demo-calico', 'prod-engineering', "ingress:\n  - action: Allow\n    source:\n      serviceAccounts:\n        names:\n          - api-service\n          - user-auth-service\nselector: 'app == \"db\"'"),
    );
    expect(a.can('prod-engineering/api', 'prod-engineering/db')).toBe(true);
    expect(a.can('prod-engineering/auth', 'prod-engineering/db')).toBe(true);
    expect(a.can('prod-engineering/other', 'prod-engineering/db')).toBe(false); // the default service account
  });
  // The profile ksa.<namespace>.<name> carries the ServiceAccount's labels, prefixed pcsa., and pcsa.projectcalico.org/name
  // (libcalico-go k8s/conversion/conversion.go ServiceAccountToProfile); the selector is prefixed to match them
  // (updateprocessors/rules.go parseServiceAccounts, selectors.go parseSelectorAttachPrefix).
  const account = (name: string, namespace: string, labels: Record<string, string> = {}) =>
    `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n${Object.keys(labels).length ? `  labels:\n${Object.entries(labels).map(([k, v]) => `    ${k}: '${v}'`).join('\n')}\n` : ''}`;
  const frontendPolicy = cnp('allow-web-frontend', 'prod-engineering', "ingress:\n  - action: Allow\n    source:\n      serviceAccounts:\n        selector: 'app == \"web-frontend\"'\nselector: 'app == \"db\"'");
  const engineering = [
    ns('prod-engineering'),
    pod('db', { app: 'db' }, { ns: 'prod-engineering' }),
    withSa(pod('web', {}, { ns: 'prod-engineering' }), 'web'),
    withSa(pod('batch', { app: 'web-frontend' }, { ns: 'prod-engineering' }), 'batch'),
    account('web', 'prod-engineering', { app: 'web-frontend' }),
    account('batch', 'prod-engineering', { app: 'batch' }),
    account('default', 'prod-engineering'),
  ];
  it('"ingress traffic is allowed from any workload whose service account matches the label selector, app == web-frontend"', () => {
    const a = analyze(...engineering, frontendPolicy);
    expect(a.snapshot.unmodelled).toBeUndefined();
    expect(a.can('prod-engineering/web', 'prod-engineering/db')).toBe(true);
    expect(a.can('prod-engineering/batch', 'prod-engineering/db')).toBe(false); // the pod's own label app=web-frontend is not its account's
  });
  it('a pod label with the pcsa. prefix does not pass for a ServiceAccount label (workloadendpointprocessor.go drops it)', () => {
    const a = analyze(...engineering, withSa(pod('sneaky', { 'pcsa.app': 'web-frontend' }, { ns: 'prod-engineering' }), 'batch'), frontendPolicy);
    expect(a.can('prod-engineering/sneaky', 'prod-engineering/db')).toBe(false);
  });
  it('a ServiceAccount the snapshot lacks: its labels are unknown, so the policy is undetermined; unless the selector does not depend on them (all())', () => {
    const a = analyze(...engineering, withSa(pod('new', {}, { ns: 'prod-engineering' }), 'unlisted'), frontendPolicy);
    expect(a.snapshot.unmodelled?.map((u) => u.name)).toEqual(['allow-web-frontend']);
    expect(a.diagnostics.some((d) => d.code === 'calico-unknown-service-account' && d.message.includes('prod-engineering/unlisted'))).toBe(true);
    const any = analyze(...engineering, withSa(pod('new', {}, { ns: 'prod-engineering' }), 'unlisted'), frontendPolicy.replace('app == "web-frontend"', 'all()'));
    expect(any.snapshot.unmodelled).toBeUndefined();
    expect(any.can('prod-engineering/new', 'prod-engineering/db')).toBe(true);
  });
  it('serviceAccountSelector: "select all service accounts in the cluster with a specific name using the projectcalico.org/name label" (GlobalNetworkPolicy reference)', () => {
    const deny = gnp('deny-batch', "serviceAccountSelector: projectcalico.org/name == 'batch'\ntypes:\n  - Egress\negress:\n  - action: Deny");
    const a = analyze(...engineering, deny);
    expect(a.can('prod-engineering/batch', 'prod-engineering/db')).toBe(false);
    expect(a.can('prod-engineering/web', 'prod-engineering/db')).toBe(true); // not selected: no Calico policy, allowed by the profile
    const byLabel = analyze(...engineering, deny.replace("projectcalico.org/name == 'batch'", "app == 'web-frontend'"));
    expect(byLabel.can('prod-engineering/web', 'prod-engineering/db')).toBe(false);
    expect(byLabel.can('prod-engineering/batch', 'prod-engineering/db')).toBe(true);
  });
});
