import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeWith, ns, pod } from '../helpers/analyze.js';

/**
 * The examples of the two legacy generations, taken verbatim from ../shared/spec/, with the
 * pairs their own prose promises. Every `can` is answered by the engine (on the v1 translation)
 * and by the legacy oracle (on the policies as written), and fails if they disagree.
 */
const SPEC = join(import.meta.dirname, '..', '..', '..', 'shared', 'spec');
const read = (name: string) => readFileSync(join(SPEC, name), 'utf8');

/** The lines from the one starting with `first` up to (not including) the one starting with `stop`. */
function block(text: string, first: string, stop: string): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith(first));
  const to = lines.findIndex((l, i) => i > from && l.startsWith(stop));
  expect(from, `no line starting with ${first}`).toBeGreaterThanOrEqual(0);
  return lines.slice(from, to).join('\n');
}

/** The documents' Namespace example has no name: it is meant for `kubectl annotate ns <namespace>`. */
const named = (namespaceYaml: string, name: string) => namespaceYaml.replace(/^metadata:$/m, `metadata:\n  name: ${name}`);

const workloads = [
  pod('db', { role: 'db' }, { ports: [{ port: 6379 }] }),
  pod('frontend', { role: 'frontend' }),
  pod('backend', { role: 'backend' }),
  pod('other-db', { role: 'db' }, { ns: 'elsewhere' }),
  ns('myproject', { project: 'myproject' }),
  pod('client', {}, { ns: 'myproject' }),
  ns('elsewhere'),
  pod('stranger', {}, { ns: 'elsewhere' }),
];

describe.each([
  {
    doc: 'k8s-1.5-network-policies-extensions-v1beta1.txt',
    namespace: (t: string) => block(t, 'kind: Namespace', 'To configure'),
    policy: (t: string) => block(t, 'apiVersion: extensions/v1beta1', 'POSTing'),
  },
  {
    doc: 'k8s-1.6-network-policies-extensions-v1beta1.md',
    namespace: (t: string) => block(t, 'kind: Namespace', '```'),
    policy: (t: string) => block(t, 'apiVersion: extensions/v1beta1', '```'),
  },
])('$doc', ({ doc, namespace, policy }) => {
  const text = read(doc);
  const isolated = analyzeWith({}, named(namespace(text), 'default'), policy(text), ...workloads);

  it('is detected as legacy and reads the lower-case protocol of the example', () => {
    expect(isolated.snapshot.semantics?.mode).toBe('legacy');
    expect(isolated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(isolated.snapshot.policies.map((p) => p.name)).toEqual(['default-deny-ingress', 'test-network-policy']);
  });

  it('"allows tcp/6379 ingress traffic to the role=db pods from any pod in the current namespace with the label role=frontend"', () => {
    expect(isolated.can('default/frontend', 'default/db', 'TCP', 6379)).toBe(true);
    expect(isolated.can('default/frontend', 'default/db', 'TCP', 6380)).toBe(false);
    expect(isolated.can('default/frontend', 'default/db', 'UDP', 6379)).toBe(false);
    expect(isolated.can('default/backend', 'default/db', 'TCP', 6379)).toBe(false);
  });

  it('"allows tcp/6379 ingress traffic to the role=db pods from any pod in the namespace myproject"', () => {
    expect(isolated.can('myproject/client', 'default/db', 'TCP', 6379)).toBe(true);
    expect(isolated.can('elsewhere/stranger', 'default/db', 'TCP', 6379)).toBe(false);
  });

  it('"all traffic to pods in that namespace (even from other pods in the same namespace) will be blocked"', () => {
    expect(isolated.can('default/frontend', 'default/backend', 'TCP', 80)).toBe(false);
    expect(isolated.can('203.0.113.9', 'default/db', 'TCP', 6379)).toBe(false);
  });

  it('a namespace without isolation is open, and only ingress is ever limited', () => {
    expect(isolated.can('default/backend', 'elsewhere/other-db', 'TCP', 6379)).toBe(true);
    expect(isolated.can('default/db', 'elsewhere/stranger', 'TCP', 443)).toBe(true);
    expect(isolated.can('default/db', '203.0.113.9', 'UDP', 53)).toBe(true);
  });

  it('"By default, all traffic is allowed between all pods (and NetworkPolicy resources have no effect)"', () => {
    const open = analyzeWith({ semantics: 'legacy' }, policy(text), ...workloads);
    expect(open.snapshot.policies).toEqual([]);
    expect(open.diagnostics.map((d) => d.code)).toContain('legacy-policy-no-effect');
    expect(open.can('default/backend', 'default/db', 'TCP', 6379)).toBe(true);
    expect(open.can('elsewhere/stranger', 'default/frontend', 'TCP', 80)).toBe(true);
  });

  it('without the annotation the same policy reads with v1 semantics (Kubernetes ≥ 1.7), where its lower-case protocol is refused', () => {
    const v1 = analyzeWith({}, policy(text), ...workloads);
    expect(v1.snapshot.semantics?.mode).toBe('v1');
    expect(v1.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['deprecated-api-version', 'invalid-protocol', 'policy-not-applied']));
  });
});

describe('1.6: "An empty podSelector selects all pods in the namespace"', () => {
  const text = read('k8s-1.6-network-policies-extensions-v1beta1.md');
  const policy = `apiVersion: extensions/v1beta1
kind: NetworkPolicy
metadata: {name: allow-frontend-everywhere, namespace: default}
spec:
  podSelector: {}
  ingress:
  - from:
    - podSelector: {matchLabels: {role: frontend}}
`;
  const a = analyzeWith({}, named(block(text, 'kind: Namespace', '```'), 'default'), policy, ...workloads);
  it('every pod of the isolated namespace accepts the frontend, on every port, and nothing else', () => {
    expect(a.can('default/frontend', 'default/db', 'TCP', 6379)).toBe(true);
    expect(a.can('default/frontend', 'default/backend', 'UDP', 9)).toBe(true);
    expect(a.can('default/backend', 'default/db', 'TCP', 6379)).toBe(false);
  });
});

describe('k8s-blog-2016-net-alpha-v1alpha1.md', () => {
  const text = read('k8s-blog-2016-net-alpha-v1alpha1.md');
  // The policy is the body of `POST /apis/net.alpha.kubernetes.io/v1alpha1/namespaces/tenant-a/networkpolicys/`:
  // verbatim, with the namespace of that URL added (a file has no URL).
  const post = block(text, 'POST /apis/net.alpha.kubernetes.io', ' ```');
  const body = post.slice(post.indexOf('{')).replace('"metadata": {', '"metadata": {"namespace": "tenant-a",');
  const annotation = block(text, 'net.alpha.kubernetes.io/network-isolation', ' ```').trim();
  expect(annotation).toBe('net.alpha.kubernetes.io/network-isolation: [on | off]');
  const tenant = (value: 'on' | 'off') => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tenant-a\n  annotations:\n    net.alpha.kubernetes.io/network-isolation: "${value}"\n`;
  const pods = [pod('backend', { segment: 'backend' }, { ns: 'tenant-a' }), pod('frontend', { segment: 'frontend' }, { ns: 'tenant-a' }), pod('batch', { segment: 'batch' }, { ns: 'tenant-a' }), pod('visitor', { segment: 'frontend' }, { ns: 'tenant-b' })];

  const on = analyzeWith({}, tenant('on'), body, ...pods);
  it('reads the JSON policy (no apiVersion: it came from the URL) as the alpha API, with legacy semantics', () => {
    expect(on.snapshot.semantics?.mode).toBe('legacy');
    expect(on.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(on.diagnostics.map((d) => d.code)).toContain('missing-api-version');
  });

  it('"pods with the segment label backend would allow TCP traffic on port 80 from pods with the segment label frontend to be received"', () => {
    expect(on.can('tenant-a/frontend', 'tenant-a/backend', 'TCP', 80)).toBe(true);
    expect(on.can('tenant-a/frontend', 'tenant-a/backend', 'TCP', 81)).toBe(false);
    expect(on.can('tenant-a/frontend', 'tenant-a/backend', 'UDP', 80)).toBe(false);
    expect(on.can('tenant-a/batch', 'tenant-a/backend', 'TCP', 80)).toBe(false);
  });

  it('"once network isolation is enabled … explicit network policies must be applied to enable pod communication"', () => {
    expect(on.can('tenant-a/backend', 'tenant-a/frontend', 'TCP', 80)).toBe(false);
    expect(on.can('tenant-a/backend', 'tenant-a/batch', 'TCP', 80)).toBe(false);
    // the peer `pods` selects pods of the policy's own namespace
    expect(on.can('tenant-b/visitor', 'tenant-a/backend', 'TCP', 80)).toBe(false);
  });

  it('"Network isolation is off by default so that all pods can communicate as they normally do"', () => {
    const off = analyzeWith({}, tenant('off'), body, ...pods);
    expect(off.snapshot.semantics?.mode).toBe('legacy');
    expect(off.can('tenant-a/batch', 'tenant-a/backend', 'TCP', 80)).toBe(true);
    expect(off.can('tenant-b/visitor', 'tenant-a/frontend', 'UDP', 53)).toBe(true);
  });
});
