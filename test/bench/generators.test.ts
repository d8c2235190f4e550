import { describe, expect, it } from 'vitest';
import { generateDense, generateDenseObjects, type OwnerMode } from '../../bench/generate-dense.js';
import { generateObjects, snapshotText } from '../../bench/generate.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { execFileSync, ROOT } from '../helpers/run-cli.js';
import { resolve } from 'node:path';

const load = (text: string, file: string) => loadTexts([{ file, text }]);
const problems = (r: ReturnType<typeof load>) => r.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');

describe('the dense generator', () => {
  it('gives the same bytes for the same seed, other bytes for another seed', () => {
    for (const owners of ['deployments', 'none', 'mixed'] as OwnerMode[]) {
      expect(generateDense({ pods: 120, owners, seed: 7 }, 'yaml')).toBe(generateDense({ pods: 120, owners, seed: 7 }, 'yaml'));
      expect(generateDense({ pods: 120, owners, seed: 7 }, 'json')).toBe(generateDense({ pods: 120, owners, seed: 7 }, 'json'));
      expect(generateDense({ pods: 120, owners, seed: 7 }, 'json')).not.toBe(generateDense({ pods: 120, owners, seed: 8 }, 'json'));
    }
  });

  it('writes the same bytes from the command line as in-process', () => {
    const out = execFileSync(process.execPath, [resolve(ROOT, 'dist/bench/generate-dense.js'), '--pods', '80', '--owners', 'mixed', '--seed', '3', '--output', 'json'], { encoding: 'utf8' });
    expect(out).toBe(generateDense({ pods: 80, owners: 'mixed', seed: 3 }, 'json'));
  });

  it.each(['deployments', 'none', 'mixed'] as OwnerMode[])('owners %s: loads without errors or warnings, as many pods as asked, owners as asked', (owners) => {
    for (const format of ['yaml', 'json'] as const) {
      const r = load(generateDense({ pods: 250, namespaces: 6, owners, seed: 2 }, format), `dense.${format}`);
      expect(problems(r)).toEqual([]);
      const pods = r.snapshot.pods.filter((p) => !p.fromTemplate);
      expect(pods).toHaveLength(250);
      expect(r.snapshot.pods.filter((p) => p.fromTemplate)).toEqual([]);
      const kinds = new Set(pods.map((p) => p.owner.kind));
      if (owners === 'deployments') expect([...kinds]).toEqual(['Deployment']);
      if (owners === 'none') expect([...kinds]).toEqual(['Pod']);
      if (owners === 'mixed') expect([...kinds].sort()).toEqual(['Deployment', 'Pod']);
      // 6 user namespaces + kube-system, ingress-nginx, monitoring.
      expect(r.snapshot.namespaces).toHaveLength(9);
    }
  });

  it('leaves most namespaces open and gives some a default deny with allow rules', () => {
    const r = load(generateDense({ pods: 3000, seed: 1 }, 'json'), 'dense.json');
    const withPolicy = new Set(r.snapshot.policies.map((p) => p.namespace));
    const open = r.snapshot.namespaces.filter((n) => !withPolicy.has(n.name));
    expect(withPolicy.size).toBeGreaterThan(0);
    expect(open.length).toBeGreaterThan(withPolicy.size);
    for (const ns of withPolicy) expect(r.snapshot.policies.some((p) => p.namespace === ns && p.name === 'default-deny-ingress')).toBe(true);
  });

  it('labels owned pods with pod-template-hash and points them at a ReplicaSet owned by a Deployment', () => {
    const objects = generateDenseObjects({ pods: 30, seed: 1 }) as { kind: string; metadata: { labels?: Record<string, string>; ownerReferences?: { kind: string; name: string }[] } }[];
    const pod = objects.find((o) => o.kind === 'Pod')!;
    const rs = objects.find((o) => o.kind === 'ReplicaSet' && o.metadata.labels?.['pod-template-hash'] === pod.metadata.labels?.['pod-template-hash'])!;
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet' });
    expect(rs.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment' });
  });
});

describe('the sparse generator', () => {
  it('is deterministic and loads without errors or warnings', () => {
    const a = snapshotText(generateObjects({ pods: 300, seed: 5 }), 'json');
    expect(a).toBe(snapshotText(generateObjects({ pods: 300, seed: 5 }), 'json'));
    expect(problems(load(a, 'sparse.json'))).toEqual([]);
    expect(problems(load(snapshotText(generateObjects({ pods: 300, seed: 5 }), 'yaml'), 'sparse.yaml'))).toEqual([]);
  });
});
