import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { computeMatrix } from '../../src/engine/matrix.js';
import { DNS_RULE } from '../../src/fix/dns-rule.js';
import { fixFiles } from '../../src/fix/fix-files.js';
import { podsWithoutDns } from '../../src/lint/rules/egress-without-dns.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

/**
 * `lint --fix` for egress-without-dns (issue #23: "DNS for egress-isolated pods"): the rule
 * generate writes for DNS (UDP and TCP 53 to kube-system pods labelled k8s-app=kube-dns) added to
 * the NetworkPolicy that isolates the reported pods; the proof shows the only change is DNS from
 * those pods to the resolver.
 */
const read = (example: string) => ['cluster.yaml', 'policies.yaml'].map((f) => ({ file: join('examples', example, f), text: readFileSync(join(ROOT, 'examples', example, f), 'utf8') }));
const dnsOnly = { fixes: ['egress-without-dns'] as const };
const changes = (r: ReturnType<typeof fixFiles>) => r.changes.map((c) => `${c.src} => ${c.dst}: +${c.added} -${c.removed}`);

const pod = (ns: string, name: string, labels: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: ${labels}}\nspec: {containers: [{name: c, image: x}]}\n---\n`;
const resolver = pod('kube-system', 'coredns', '{k8s-app: kube-dns}');
const policy = (name: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${spec}`;

describe('lint --fix egress-without-dns on the examples that have the finding', () => {
  it.each([
    ['lint-mistakes', 'NetworkPolicy monitoring/default-deny-egress', 'monitoring/prometheus[StatefulSet]'],
    ['multi-namespace', 'NetworkPolicy payments/checkout-egress', 'payments/checkout[Deployment]'],
  ])('examples/%s: the rule goes into %s; the engine shows DNS from %s and nothing else', (example, object, workload) => {
    const inputs = read(example);
    const r = fixFiles(inputs, dnsOnly);
    expect(r.applied.map((a) => a.object)).toEqual([object]);
    expect(r.skipped).toEqual([]);
    expect(r.resolverAssumed).toBe(true);
    expect(changes(r)).toEqual([`${workload} => kube-system/kube-dns[Deployment]: +TCP 53,UDP 53 -No Connections`]);
    expect(r.errors).toEqual({ before: 0, after: 0 });
    // The added rule is the last egress rule of that policy, read back as written.
    const fixed = r.files[0]!.after;
    const doc = fixed.split(/^---$/m).map((d) => parseYaml(d) as { metadata?: { name?: string }; spec?: { egress?: unknown[] } }).find((d) => `NetworkPolicy ${object.split('/')[0]!.split(' ')[1]}/${d.metadata?.name}` === object)!;
    expect(doc.spec!.egress!.at(-1)).toEqual(DNS_RULE);
    // Only lines added, nothing else touched.
    expect(r.files[0]!.diff.split('\n').filter((l) => /^[-+][^-+]/.test(l)).every((l) => l.startsWith('+'))).toBe(true);
    // Run again: the rule is there; not added twice (the input still has no resolver, so the finding stays: said why).
    const again = fixFiles(inputs.map((i) => (i.file === r.files[0]!.file ? { ...i, text: fixed } : i)), dnsOnly);
    expect(again.files).toEqual([]);
    expect(again.skipped.map((s) => s.why)).toEqual([expect.stringContaining('already has an egress rule on port 53')]);
  });

  it('with the resolver in the input, the finding is gone after the fix', () => {
    const inputs = [...read('multi-namespace'), { file: 'dns.yaml', text: resolver }];
    const r = fixFiles(inputs, dnsOnly);
    expect(r.resolverAssumed).toBe(false);
    expect(changes(r)).toEqual(['payments/checkout[Deployment] => kube-system/coredns[Pod]: +TCP 53,UDP 53 -No Connections']);
    const after = loadTexts(inputs.map((i) => r.files.find((f) => f.file === i.file) ? { ...i, text: r.files.find((f) => f.file === i.file)!.after } : i)).snapshot;
    expect(podsWithoutDns(computeMatrix(after))).toEqual([]);
  });
});

describe('lint --fix egress-without-dns: where the rule goes, and where it does not', () => {
  const api = pod('shop', 'api', '{app: api}');
  it('a policy without egress rules gets an egress list, at its keys\' indentation', () => {
    const text = policy('deny', '  podSelector: {}\n  policyTypes: [Egress]\n');
    const r = fixFiles([{ file: 'p.yaml', text: api + resolver + text }], dnsOnly);
    expect(r.files[0]!.after).toBe(`${api}${resolver}${text}  egress:\n    - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: kube-system\n          podSelector:\n            matchLabels:\n              k8s-app: kube-dns\n      ports:\n        - protocol: UDP\n          port: 53\n        - protocol: TCP\n          port: 53\n`);
    expect(changes(r)).toEqual(['shop/api[Pod] => kube-system/coredns[Pod]: +TCP 53,UDP 53 -No Connections']);
  });

  it('a rule list indented at the key\'s column, and a document after it', () => {
    const text = policy('deny', '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - to: [{podSelector: {matchLabels: {app: db}}}]\n---\n') + 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n';
    const r = fixFiles([{ file: 'p.yaml', text: api + resolver + text }], dnsOnly);
    expect(r.files[0]!.after).toContain('  - to: [{podSelector: {matchLabels: {app: db}}}]\n  - to:\n      - namespaceSelector:\n');
    expect(r.files[0]!.after).toContain('        port: 53\n---\napiVersion: v1\nkind: ConfigMap');
    expect(r.errors.after).toBe(0);
  });

  it.each([
    ['egress in flow style', policy('deny', '  podSelector: {}\n  policyTypes: [Egress]\n  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}], ports: [{protocol: TCP, port: 443}]}]\n'), 'egress is written in flow style'],
    ['spec in flow style', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Egress]}\n', 'spec is written in flow style'],
  ])('leaves alone, and says so: %s', (_, text, why) => {
    const r = fixFiles([{ file: 'p.yaml', text: api + resolver + text }], dnsOnly);
    expect(r.files).toEqual([]);
    expect(r.skipped.map((s) => s.why)).toEqual([expect.stringContaining(why)]);
  });

  it('not into a policy that also selects pods that reach DNS (their DNS would change)', () => {
    const text = policy('deny', '  podSelector: {}\n  policyTypes: [Egress]\n') + '---\n' + policy('web-dns', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]\n  egress:\n    - ports: [{protocol: UDP, port: 53}]\n');
    const r = fixFiles([{ file: 'p.yaml', text: api + pod('shop', 'web', '{app: web}') + resolver + text }], dnsOnly);
    expect(r.files).toEqual([]);
    expect(r.skipped).toMatchObject([{ object: 'Pod shop/api', why: 'every NetworkPolicy that isolates it (deny) also selects pods that reach DNS: a rule there would change their DNS too' }]);
  });

  it('not for pods isolated only by a Cilium policy (the fix edits NetworkPolicies)', () => {
    const cnp = 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: deny, namespace: shop}\nspec:\n  endpointSelector: {}\n  egress:\n    - {}\n';
    const r = fixFiles([{ file: 'p.yaml', text: api + resolver + cnp }], dnsOnly);
    expect(r.files).toEqual([]);
    expect(r.skipped.map((s) => s.why)).toEqual([expect.stringContaining('by a policy other than a NetworkPolicy')]);
  });

  it('netpol-check lint --fix shows the diff and the proof, then writes the file', async () => {
    const r = await runCli(['lint', '-f', 'examples/multi-namespace', '--fix']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('+          podSelector:\n+            matchLabels:\n+              k8s-app: kube-dns\n');
    expect(r.out).toContain('examples/multi-namespace/policies.yaml:31 NetworkPolicy payments/checkout-egress: egress to the cluster resolver (kube-system pods labelled k8s-app=kube-dns) on UDP and TCP 53 for payments/checkout[Deployment]');
    expect(r.out).toContain('connectivity: 1 pair change (the matrix before and after the fixes):\n  + payments/checkout[Deployment] => kube-system/kube-dns[Deployment] : TCP 53,UDP 53\n');
    expect(Object.keys(r.files)).toEqual(['examples/multi-namespace/policies.yaml']);
  });
});
