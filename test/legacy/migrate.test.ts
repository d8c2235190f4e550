import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { connectivity } from '../../src/engine/connectivity.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { MATRIX_FORMATS } from '../../src/format/matrix/index.js';
import { migrate } from '../../src/legacy/migrate.js';
import { loadSnapshot, loadTexts } from '../../src/load/load-snapshot.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const example = (name: string) => join(ROOT, 'examples', name);

/** The example's objects minus its policies and the Namespaces `migrate` rewrites: what a user keeps. */
function keptObjects(dir: string, rewritten: Set<string>): string {
  const docs: unknown[] = [];
  for (const f of readdirSync(dir).sort()) {
    for (const d of parseAllDocuments(readFileSync(join(dir, f), 'utf8'))) {
      const o = d.toJS() as { kind?: string; metadata?: { name?: string } } | null;
      if (!o || o.kind === 'NetworkPolicy' || (o.kind === 'Namespace' && rewritten.has(o.metadata?.name ?? ''))) continue;
      docs.push(o);
    }
  }
  return docs.map((d) => JSON.stringify(d)).join('\n---\n');
}

const matrixText = (snapshot: Parameters<typeof computeMatrix>[0]) => {
  const m = computeMatrix(snapshot);
  return MATRIX_FORMATS.txt(connectivity(m, 'workload'), m);
};

describe.each(['legacy-v1beta1', 'legacy-alpha'])('netpol-check migrate on examples/%s', (name) => {
  it('writes v1 manifests whose matrix equals the legacy one', async () => {
    const r = await runCli(['migrate', '-f', example(name), '--output-dir', 'out']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^equivalent: \d+ pods or workloads, \d+ connected pod pairs?, \d+ connections checked/m);
    const written = Object.entries(r.files);
    expect(written.length).toBeGreaterThan(0);
    // Only networking.k8s.io/v1 policies and Namespaces without the old annotations.
    const all = written.map(([, text]) => text).join('\n');
    expect(all).not.toMatch(/extensions\/v1beta1|net\.alpha|net\.beta/);
    // Independently of the command's own proof: the legacy matrix of the example equals the v1
    // matrix of the written manifests with the example's other objects.
    const before = loadSnapshot([example(name)]);
    expect(before.snapshot.semantics?.mode).toBe('legacy');
    const rewritten = new Set(written.map(([path]) => path.replace(/^out\//, '').replace(/\.yaml$/, '')));
    const after = loadTexts([...written.map(([file, text]) => ({ file, text })), { file: 'kept.yaml', text: keptObjects(example(name), rewritten) }]);
    expect(after.snapshot.semantics?.mode).toBe('v1');
    expect(after.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(matrixText(after.snapshot)).toBe(matrixText(before.snapshot));
    expect(matrixText(after.snapshot).split('\n').length).toBeGreaterThan(3);
  });
});

describe('migrate', () => {
  it('names what changed and what was left out, and the caveats', async () => {
    const r = await runCli(['migrate', '-f', example('legacy-v1beta1'), '--output-dir', 'out']);
    expect(r.out).toContain('NetworkPolicy shop/default-deny-ingress: new, stands for the net.beta.kubernetes.io/network-policy annotation of namespace shop');
    expect(r.out).toContain('NetworkPolicy shop/db-from-api: extensions/v1beta1 → networking.k8s.io/v1 (policyTypes: [Ingress])');
    expect(r.out).toContain('NetworkPolicy monitoring/prometheus-from-shop: not written: it had no effect');
    expect(r.out).toContain('Namespace shop: net.beta.kubernetes.io/network-policy annotation removed');
    expect(r.out).toContain('wrote out/shop.yaml');
    expect(Object.keys(r.files)).toEqual(['out/shop.yaml']);
    const alpha = await runCli(['migrate', '-f', example('legacy-alpha'), '--output-dir', 'out']);
    expect(alpha.out).toContain('net.alpha isolation blocked all incoming traffic, node traffic included');
  });

  it('without --output-dir prints the manifests on stdout and the report on stderr', async () => {
    const r = await runCli(['migrate', '-f', example('legacy-alpha')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# tenant-a\.yaml\napiVersion: v1\nkind: Namespace/);
    expect(r.out).toContain('kind: NetworkPolicy\nmetadata:\n  name: pol1\n  namespace: tenant-a');
    expect(r.err).toMatch(/^equivalent: /m);
  });

  it('extensions/v1beta1 without isolation annotations is read with v1 semantics and only changes apiVersion', () => {
    const text = `apiVersion: extensions/v1beta1
kind: NetworkPolicy
metadata: {name: db, namespace: default}
spec:
  podSelector: {matchLabels: {role: db}}
  ingress:
  - from: [{podSelector: {matchLabels: {role: api}}}]
    ports: [{protocol: TCP, port: 5432, endPort: 5440}]
  egress:
  - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
---
apiVersion: v1
kind: Pod
metadata: {name: db, labels: {role: db}}
spec: {containers: [{name: c, image: pg}]}
---
apiVersion: v1
kind: Pod
metadata: {name: api, labels: {role: api}}
spec: {containers: [{name: c, image: api}]}
`;
    const m = migrate(loadTexts([{ file: 'db.yaml', text }]));
    expect(m.semantics.mode).toBe('v1');
    expect(m.proof.equivalent).toBe(true);
    expect(m.changes).toEqual(['NetworkPolicy default/db: extensions/v1beta1 → networking.k8s.io/v1']);
    expect(m.files[0]!.text).toContain('policyTypes:\n    - Ingress\n    - Egress');
    expect(m.files[0]!.text).toContain('endPort: 5440');
    expect(m.files[0]!.text).toContain('except:\n              - 10.1.0.0/16');
  });

  it('the proof catches a translation that changes reachability', () => {
    const loaded = loadSnapshot([example('legacy-v1beta1')]);
    // Sabotage: lose one translated policy.
    const broken = { ...loaded, snapshot: { ...loaded.snapshot, policies: loaded.snapshot.policies.filter((p) => p.name !== 'db-from-api') } };
    const m = migrate(broken);
    expect(m.proof.equivalent).toBe(false);
    expect(m.proof.differences).toContainEqual({ src: 'shop/api[Deployment]', dst: 'shop/db[StatefulSet]', protocol: 'TCP', port: 5432, before: true, after: false });
  });
});

describe('migrate on a snapshot with nothing legacy', () => {
  it('says so, writes nothing, exit 0', async () => {
    const r = await runCli(['migrate', '-f', example('three-tier'), '--output-dir', 'out']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('nothing to migrate: every policy is networking.k8s.io/v1');
    expect(r.out).not.toContain('equivalent:');
    expect(r.files).toEqual({});
  });
});

describe('migrate writes YAML that kubectl reads back as written', () => {
  // kubectl reads YAML 1.1, where plain y, on and yes are booleans: label values like these must be quoted.
  it('label values y and on stay strings', () => {
    const text = 'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  podSelector: {matchLabels: {enabled: "on"}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: "y"}}}]\n';
    const m = migrate(loadTexts([{ file: 'p.yaml', text }]));
    expect(m.reloadProblems).toEqual([]);
    expect(m.files[0]!.text).toContain('enabled: "on"');
    expect(m.files[0]!.text).toContain('app: "y"');
  });
});
