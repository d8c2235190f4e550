import { describe, expect, it } from 'vitest';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Manifests as they are published and applied on real clusters (issue 16), each asked the
 * question a user asked, with the cluster's answer: values as kubectl's YAML reader
 * (sigs.k8s.io/yaml, go-yaml v2) reads them, objects as the API server (Kubernetes 1.32
 * validation) accepts or refuses them.
 */

const pods = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: default, labels: {app: web}}
spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: test, namespace: foo, labels: {app: test}}
spec: {containers: [{name: c, image: busybox}]}
`;

async function can(question: string, manifests: string): Promise<{ code: number; out: string; err: string }> {
  const [src, dst] = question.split(' reach ') as [string, string];
  return runCli(['can', src, 'reach', dst, '-f', '-'], manifests);
}

describe('published manifests read as the cluster reads them', () => {
  // The network-policy recipes collection, a vendor's samples and a workshop lab write
  // `matchLabels:` with nothing after it. The API server reads null as absent: an empty selector.
  it('matchLabels with no value (null): the deny-all policy applies to every pod', async () => {
    const policy = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-deny-all, namespace: default}
spec:
  podSelector:
    matchLabels:
  ingress: []
`;
    const r = await can('foo/test reach default/web', pods + policy);
    expect(r.err).not.toMatch(/error/);
    expect(r.out).toMatch(/^no: foo\/test cannot reach default\/web/);
    expect(r.out).toContain('isolated by default/web-deny-all');
    expect(r.code).toBe(1);
  });

  // go-yaml v2 resolve.go: a plain scalar with a leading 0 is octal. 017620 is 8080.
  it('port: 017620 is octal 8080, as kubectl reads it', async () => {
    const policy = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-from-test, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from: [{namespaceSelector: {}}]
    ports:
    - port: 017620
`;
    const yes = await can('foo/test reach default/web:8080', pods + policy);
    expect(yes.out).toMatch(/^yes: foo\/test can reach default\/web on TCP 8080/);
    expect(yes.code).toBe(0);
    const no = await can('foo/test reach default/web:17620', pods + policy);
    expect(no.out).toMatch(/^no: /);
  });

  // kubectl apply of the same name twice leaves the last object.
  it('a Namespace defined twice: the later labels decide, with a warning naming both places', async () => {
    const twice = `---
apiVersion: v1
kind: Namespace
metadata: {name: foo, labels: {team: a}}
---
apiVersion: v1
kind: Namespace
metadata: {name: foo, labels: {team: b}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-team-b, namespace: default}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from: [{namespaceSelector: {matchLabels: {team: b}}}]
`;
    const r = await can('foo/test reach default/web:8080', pods + twice);
    expect(r.out).toMatch(/^yes: /);
    expect(r.err).toMatch(/warning: Namespace foo is defined twice \(<stdin>:\d+ and <stdin>:\d+\); the later one is used/);
    expect(r.code).toBe(0);
  });

  // apimachinery ValidateLabelSelectorRequirement → ValidateLabelName (IsQualifiedName): the API
  // server refuses the policy, so the cluster has no such policy and web is not isolated. The
  // answer says it is partial, in stdout and in JSON, and the exit code is 2.
  it('an invalid matchExpressions key: the policy is refused, and the answer says it is partial', async () => {
    const policy = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: bad-key, namespace: default}
spec:
  podSelector: {}
  ingress:
  - from:
    - podSelector:
        matchExpressions:
        - {key: "app name", operator: In, values: [test]}
`;
    const r = await can('foo/test reach default/web:8080', pods + policy);
    expect(r.out).toMatch(/^PARTIAL: 2 input errors;/);
    expect(r.out).toMatch(/\nyes: foo\/test can reach default\/web on TCP 8080/);
    expect(r.err).toContain('spec.ingress[0].from[0].podSelector.matchExpressions[0].key: Invalid value: "app name"');
    expect(r.code).toBe(2);
    const json = await runCli(['can', 'foo/test', 'reach', 'default/web:8080', '-f', '-', '--format', 'json'], pods + policy);
    const answer = JSON.parse(json.out) as { complete: boolean; inputErrors: { code: string; field?: string }[] };
    expect(answer.complete).toBe(false);
    expect(answer.inputErrors.map((e) => e.code)).toEqual(['refused-by-api-server', 'policy-not-applied']);
  });

  // An unquoted y is the boolean true to kubectl: the API server cannot decode it as a name.
  it('name: y is a boolean to kubectl: the object is refused, not read as "y"', () => {
    const r = loadTexts([{ file: 'y.yaml', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: y\n' }]);
    expect(r.snapshot.namespaces).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'wrong-type', message: expect.stringContaining("metadata.name must be a string, got boolean true") })]);
  });

  it('a label value written yes is a boolean: the pod is refused', () => {
    const r = loadTexts([{ file: 'p.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {canary: yes}\n' }]);
    expect(r.snapshot.pods).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['wrong-type', 'object-not-applied']);
  });

  // encoding/json: null into a map[string]string element is "", into a pointer nothing.
  it('null label values are empty strings; null port and protocol are absent (all ports, TCP)', () => {
    const r = loadTexts([
      {
        file: 'n.yaml',
        text: `apiVersion: v1
kind: Pod
metadata: {name: p, labels: {tier: null}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np, labels: null, annotations: null}
spec:
  podSelector: {matchLabels: {tier: ""}}
  ingress:
  - ports:
    - {port: null, protocol: null}
    - null
`,
      },
    ]);
    expect(r.diagnostics).toEqual([]);
    expect(r.snapshot.pods[0]!.labels).toEqual({ tier: '' });
    const rule = r.snapshot.policies[0]!.ingress[0]!;
    expect(rule.ports).toEqual([expect.objectContaining({ kind: 'all', protocol: 'TCP' }), expect.objectContaining({ kind: 'all', protocol: 'TCP' })]);
  });

  // BeforeCreate (apiserver rest/create.go) names a Pod from generateName.
  it('a Pod with only generateName exists, under a stand-in name', () => {
    const r = loadTexts([{ file: 'g.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {generateName: job-, labels: {app: job}}\n' }]);
    expect(r.snapshot.pods.map((p) => p.name)).toEqual([expect.stringMatching(/^job-[bcdfghjklmnpqrstvwxz2456789]{5}$/)]);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  // go-yaml v2 keeps the last value of a key set twice; netpol-check says so.
  it('a key set twice: the last value counts, with a warning', () => {
    const r = loadTexts([{ file: 'd.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: a}\n  labels: {app: b}\n' }]);
    expect(r.snapshot.pods[0]!.labels).toEqual({ app: 'b' });
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'yaml-duplicate-key', source: expect.objectContaining({ line: 6 }) })]);
  });

  // A merge key (<<) is read by kubectl; the entries it brings count.
  it('merge keys bring their entries in', () => {
    const r = loadTexts([{ file: 'm.yaml', text: 'base: &labels {app: web, tier: front}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    <<: *labels\n    tier: back\n' }]);
    expect(r.snapshot.pods[0]!.labels).toEqual({ app: 'web', tier: 'back' });
  });

  // libyaml: a tab may not indent a block line; kubectl refuses the document.
  it('a tab in block indentation: the document is refused, as kubectl refuses it', () => {
    const r = loadTexts([{ file: 't.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: p\n' }]);
    expect(r.snapshot.pods).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'yaml-syntax', source: expect.objectContaining({ line: 4 }) })]);
  });

  // Kubernetes 1.32 ValidateNetworkPolicySpec: more than two policyTypes is refused; duplicates are not.
  it('policyTypes: three entries refused, a duplicate accepted', () => {
    const np = (types: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: {}\n  policyTypes: ${types}\n`;
    expect(loadTexts([{ file: 'a.yaml', text: np('[Ingress, Egress, Ingress]') }]).snapshot.policies).toEqual([]);
    expect(loadTexts([{ file: 'b.yaml', text: np('[Ingress, Ingress]') }]).snapshot.policies).toHaveLength(1);
  });
});
