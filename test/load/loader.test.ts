import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot, loadTexts } from '../../src/load/load-snapshot.js';
import { dedent, pod } from '../helpers/analyze.js';

const load = (text: string) => loadTexts([{ file: 'in.yaml', text: dedent(text) }]);

describe('documents', () => {
  it('reads multi-document YAML', () => {
    const r = loadTexts([{ file: 'a.yaml', text: `${pod('a')}---\n${pod('b')}---\n` }]);
    expect(r.snapshot.pods.map((p) => p.id)).toEqual(['default/a', 'default/b']);
    expect(r.diagnostics).toEqual([]);
  });

  it('reads kind: List as kubectl prints it, and typed lists whose items have no kind', () => {
    const r = load(`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: a}}
      - apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
      ---
      apiVersion: v1
      kind: PodList
      items:
      - metadata: {name: api, namespace: shop}
    `);
    expect(r.snapshot.pods.map((p) => p.id)).toEqual(['shop/web', 'shop/api']);
    expect(r.snapshot.namespaces).toEqual([expect.objectContaining({ name: 'shop', implicit: false, labels: { team: 'a', 'kubernetes.io/metadata.name': 'shop' } })]);
  });

  it('reads JSON', () => {
    const r = loadTexts([{ file: 'x.json', text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j', labels: { a: 'b' } } }] }) }]);
    expect(r.snapshot.pods[0]).toMatchObject({ id: 'default/j', labels: { a: 'b' } });
  });

  it('one bad document does not hide the others, and the error has file and line', () => {
    const r = loadTexts([{ file: 'mixed.yaml', text: `${pod('a')}---\nkind: Pod\nmetadata: {name: [oops\n---\n${pod('c')}` }]);
    expect(r.snapshot.pods.map((p) => p.name)).toEqual(['a', 'c']);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'yaml-syntax', source: expect.objectContaining({ file: 'mixed.yaml', doc: 1 }) })]);
    expect(r.diagnostics[0]!.source!.line).toBeGreaterThan(10);
  });

  it('skips what is not a Kubernetes object, with a warning', () => {
    const r = loadTexts([{ file: 'old.json', text: '[{"src": "a", "dst": "b"}]' }]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'not-a-manifest' })]);
  });

  it('bounds YAML alias expansion (billion laughs)', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const r = loadTexts([{ file: 'bomb.yaml', text: `${lines.join('\n')}\nkind: Pod\napiVersion: v1\n` }]);
    // go-yaml v2's bound (decode.go allowedAliasRatio): more than 99 % of nodes from aliases.
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'yaml-syntax', message: expect.stringContaining('excessive aliasing') })]);
  });

  it('other kinds are skipped silently', () => {
    const r = load(`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('namespaces', () => {
  it('objects without a namespace are in default; used namespaces exist implicitly', () => {
    const r = load(`
      apiVersion: v1
      kind: Pod
      metadata: {name: a}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: b, namespace: ghost}
    `);
    expect(r.snapshot.namespaces.map((n) => [n.name, n.implicit, n.labels])).toEqual([
      ['default', true, { 'kubernetes.io/metadata.name': 'default' }],
      ['ghost', true, { 'kubernetes.io/metadata.name': 'ghost' }],
    ]);
  });

  it('every declared namespace carries kubernetes.io/metadata.name, even if written otherwise', () => {
    const r = load(`
      apiVersion: v1
      kind: Namespace
      metadata: {name: nn, labels: {kubernetes.io/metadata.name: wrong}}
    `);
    expect(r.snapshot.namespaces[0]!.labels).toEqual({ 'kubernetes.io/metadata.name': 'nn' });
  });
});

describe('workloads', () => {
  const template = (labels: string) => `template:\n    metadata:\n      labels: ${labels}\n    spec:\n      containers:\n      - name: c\n        ports:\n        - {containerPort: 8080, name: http}`;
  it.each([
    ['Deployment', `spec:\n  replicas: 3\n  ${template('{app: x}')}`],
    ['StatefulSet', `spec:\n  ${template('{app: x}')}`],
    ['DaemonSet', `spec:\n  ${template('{app: x}')}`],
    ['ReplicaSet', `spec:\n  ${template('{app: x}')}`],
    ['ReplicationController', `spec:\n  ${template('{app: x}')}`],
    ['Job', `spec:\n  ${template('{app: x}')}`],
    ['CronJob', `spec:\n  jobTemplate:\n    spec:\n      ${template('{app: x}').replace(/\n/g, '\n    ')}`],
  ])('%s stands for its pod template', (kind, spec) => {
    const r = loadTexts([{ file: 'w.yaml', text: `apiVersion: apps/v1\nkind: ${kind}\nmetadata: {name: w, namespace: ns1}\n${spec}\n` }]);
    expect(r.diagnostics).toEqual([]);
    expect(r.snapshot.pods).toEqual([expect.objectContaining({ id: `ns1/w[${kind}]`, labels: { app: 'x' }, ports: [{ name: 'http', port: 8080, protocol: 'TCP' }], owner: { kind, name: 'w' }, fromTemplate: true })]);
  });

  it('pods owned by a workload in the snapshot are not counted twice, and are named after it', () => {
    const r = load(`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: nn}
      spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c}]}}}
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web-5d9
        namespace: nn
        ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, controller: true}]
      spec: {template: {metadata: {labels: {app: web, pod-template-hash: 5d9}}, spec: {containers: [{name: c}]}}}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-5d9-abcde
        namespace: nn
        labels: {app: web, pod-template-hash: 5d9}
        ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d9, controller: true}]
    `);
    expect(r.snapshot.pods.map((p) => [p.id, p.owner])).toEqual([['nn/web-5d9-abcde', { kind: 'Deployment', name: 'web' }]]);
  });

  it('a pod whose owner is not in the snapshot is named after that owner (not traced further)', () => {
    const r = load(`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-5d9-abcde
        ownerReferences: [{kind: ReplicaSet, name: web-5d9, controller: true}, {kind: Node, name: n1}]
    `);
    expect(r.snapshot.pods[0]!.owner).toEqual({ kind: 'ReplicaSet', name: 'web-5d9' });
  });

  it('an owner reference without kind names the workload as kind Pod', () => {
    const r = load(`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p1
        ownerReferences: [{name: group, controller: true}]
    `);
    expect(r.snapshot.pods[0]!.owner).toEqual({ kind: 'Pod', name: 'group' });
  });
});

describe('bad input', () => {
  it('reports wrong types with file, line and field path, and loads the rest', () => {
    const r = loadTexts([
      {
        file: 'np.yaml',
        text: dedent(`
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: bad, namespace: x}
          spec:
            podSelector:
              matchLabels: []
          ---
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: good, namespace: x}
          spec:
            podSelector: {}
        `),
      },
    ]);
    expect(r.snapshot.policies.map((p) => p.name)).toEqual(['good']);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', code: 'wrong-type', object: 'NetworkPolicy x/bad', source: { file: 'np.yaml', line: 6, field: 'spec.podSelector.matchLabels' } });
  });

  it.each([
    ['an unknown operator', '{matchExpressions: [{key: a, operator: Equals, values: [b]}]}', 'invalid-operator'],
    ['In without values', '{matchExpressions: [{key: a, operator: In}]}', 'invalid-selector'],
    ['Exists with values', '{matchExpressions: [{key: a, operator: Exists, values: [b]}]}', 'invalid-selector'],
    ['a number as label value', '{matchLabels: {a: 1}}', 'wrong-type'],
  ])('selector with %s is an error', (_t, sel, code) => {
    const r = load(`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: p}
      spec:
        podSelector: ${sel}
    `);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', code });
    expect(r.snapshot.policies).toEqual([]);
  });

  it.each([
    ['a peer with nothing in it', '- from: [{}]', 'invalid-peer'],
    ['ipBlock with a selector', '- from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]', 'invalid-peer'],
    ['a misspelt peer field', '- from: [{podselector: {}}]', 'unknown-field'],
    ['a misspelt rule field', '- form: [{podSelector: {}}]', 'unknown-field'],
    ['an unknown policy type', null, 'invalid-policy-type'],
  ])('%s is an error', (_t, ingress, code) => {
    const r = load(`
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: p}
      spec:
        podSelector: {}
        ${ingress ? `ingress:\n        ${ingress}` : 'policyTypes: [Ingress, Sideways]'}
    `);
    expect(r.diagnostics.map((d) => d.code)).toContain(code);
    expect(r.diagnostics.at(-1)).toMatchObject({ code: 'policy-not-applied' });
  });

  it('an unsupported NetworkPolicy apiVersion is reported', () => {
    const r = load(`
      apiVersion: example.com/v9
      kind: NetworkPolicy
      metadata: {name: p}
      spec: {podSelector: {}}
    `);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'unsupported-api-version' })]);
  });

  it('the same pod twice: the last definition is used, as kubectl apply leaves it, with a warning naming both', () => {
    const r = loadTexts([{ file: 'a.yaml', text: pod('a', { v: '1' }) }, { file: 'b.yaml', text: pod('a', { v: '2' }) }]);
    expect(r.snapshot.pods).toEqual([expect.objectContaining({ labels: { v: '2' } })]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'duplicate-object', message: expect.stringMatching(/a\.yaml:1 and b\.yaml:1/), source: expect.objectContaining({ file: 'b.yaml' }) }),
    ]);
  });
});

describe('files and folders', () => {
  it('walks folders recursively, reads only manifests, survives symlink loops, and reports missing paths', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-'));
    mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'a.yaml'), pod('a'));
    writeFileSync(join(dir, 'sub', 'b.yml'), pod('b'));
    writeFileSync(join(dir, 'sub', 'deeper', 'c.json'), JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'c' } }));
    writeFileSync(join(dir, 'sub', 'notes.txt'), 'kind: Pod');
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    const r = loadSnapshot([dir, join(dir, 'missing.yaml')]);
    expect(r.snapshot.pods.map((p) => p.name).sort()).toEqual(['a', 'b', 'c']);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'unreadable-input', message: 'no such file or folder' })]);
  });

  it('reads stdin for -', () => {
    const r = loadSnapshot(['-'], { readStdin: () => pod('from-stdin') });
    expect(r.snapshot.pods[0]).toMatchObject({ name: 'from-stdin', source: { file: '<stdin>' } });
  });
});

describe('hostile and empty input', () => {
  it('deep nesting is an error, not a crash', () => {
    const deep = `apiVersion: v1\nkind: Pod\nmetadata: {name: deep}\ndata: ${'['.repeat(100000)}${']'.repeat(100000)}\n---\n${pod('fine')}`;
    const r = loadTexts([{ file: 'deep.yaml', text: deep }]);
    expect(r.snapshot.pods.map((p) => p.name)).toContain('fine');
  });

  it('refuses files over the size limit, and says which', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-'));
    writeFileSync(join(dir, 'big.yaml'), pod('big').repeat(50));
    writeFileSync(join(dir, 'small.yaml'), pod('small'));
    const r = loadSnapshot([dir], { maxFileBytes: 1000 });
    expect(r.snapshot.pods.map((p) => p.name)).toEqual(['small']);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'unreadable-input', message: expect.stringMatching(/file is \d+ bytes, more than the 1000 bytes netpol-check reads; skipped/) })]);
  });

  it('a folder without manifests is an error naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-'));
    writeFileSync(join(dir, 'README.md'), '# nothing here');
    const r = loadSnapshot([dir]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', message: 'no *.yaml, *.yml or *.json file in this folder', source: expect.objectContaining({ file: dir }) })]);
  });

  it('binary data is refused with its line', () => {
    const r = loadTexts([{ file: 'x.bin', text: 'apiVersion: v1\n\u0000\u0001' }]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'binary-input', source: expect.objectContaining({ line: 2 }) })]);
  });

  it('a name of a million characters is an error and the object is skipped', () => {
    const r = loadTexts([{ file: 'x.yaml', text: pod('x'.repeat(1_000_000)) }]);
    expect(r.snapshot.pods).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', code: 'invalid-name' });
    expect(r.diagnostics[0]!.message.length).toBeLessThan(300);
  });
});
