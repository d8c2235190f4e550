import { describe, expect, it } from 'vitest';
import { fixFiles } from '../../src/fix/fix-files.js';
import { fixText } from '../../src/fix/fix-text.js';
import { unifiedDiff } from '../../src/fix/unified-diff.js';
import { runCli } from '../helpers/run-cli.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const policy = (spec: string, name = 'p') => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${spec}`;

/**
 * Each fix on the lint rule's own bad example shape (src/lint/rules/protocol-case.ts,
 * split-namespace-pod-selector.ts; policyTypes defaults: NetworkPolicySpec.policyTypes in the
 * API reference), and the layouts it leaves alone.
 */
describe('lint --fix: the edits', () => {
  it.each([
    [
      'protocol-case: tcp → TCP, quoted or not, comments kept',
      policy('  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n    - ports:\n        - protocol: tcp # web\n          port: 80\n        - {protocol: "udp", port: 53}\n'),
      policy('  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n    - ports:\n        - protocol: TCP # web\n          port: 80\n        - {protocol: UDP, port: 53}\n'),
    ],
    [
      'explicit-policy-types: Ingress, and Egress when there are egress rules, before the rules',
      policy('  podSelector: {}\n  ingress: []\n  egress:\n    - to: [{podSelector: {}}]\n'),
      policy('  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  ingress: []\n  egress:\n    - to: [{podSelector: {}}]\n'),
    ],
    [
      'explicit-policy-types: an empty egress list is no egress rule',
      policy('  podSelector: {}\n  egress: []\n'),
      policy('  podSelector: {}\n  policyTypes: [Ingress]\n  egress: []\n'),
    ],
    [
      'split-namespace-pod-selector: the dash removed, either order',
      policy('  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels: {team: web}\n        - podSelector:\n            matchLabels: {app: api}\n  egress:\n    - to:\n      - podSelector: {matchLabels: {app: db}}\n      - namespaceSelector: {matchLabels: {team: data}}\n'),
      policy('  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels: {team: web}\n          podSelector:\n            matchLabels: {app: api}\n  egress:\n    - to:\n      - podSelector: {matchLabels: {app: db}}\n        namespaceSelector: {matchLabels: {team: data}}\n'),
    ],
  ])('%s', (_, before, after) => {
    const r = fixText('f.yaml', before);
    expect(r.text).toBe(after);
    expect(r.skipped).toEqual([]);
    // Idempotent: nothing left to fix.
    expect(fixText('f.yaml', after)).toEqual({ text: after, applied: [], skipped: [] });
  });

  it.each([
    ['spec in flow style', policy('  {podSelector: {}}\n').replace('spec:\n  {', 'spec: {'), 'explicit-policy-types'],
    ['peers in flow style', policy('  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n    - from: [{namespaceSelector: {}}, {podSelector: {}}]\n'), 'split-namespace-pod-selector'],
  ])('leaves alone, and says so: %s', (_, text, fix) => {
    const r = fixText('f.yaml', text);
    expect(r.text).toBe(text);
    expect(r.skipped.map((s) => s.fix)).toEqual([fix]);
  });

  it('three peers are not a mechanical fix (which two were meant?)', () => {
    const text = policy('  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - namespaceSelector: {}\n        - podSelector: {}\n        - ipBlock: {cidr: 10.0.0.0/8}\n');
    expect(fixText('f.yaml', text).text).toBe(text);
  });

  it('other kinds and generations are not touched', () => {
    const text = 'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n    - ports: [{protocol: tcp}]\n---\nkind: ConfigMap\napiVersion: v1\nmetadata: {name: c}\ndata: {protocol: tcp}\n';
    expect(fixText('f.yaml', text).text).toBe(text);
  });
});

describe('lint --fix: the proof', () => {
  const pods = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: web, labels: {team: web}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: api, namespace: shop, labels: {app: api}}\nspec: {containers: [{name: c, image: x}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: shop, labels: {app: db}}\nspec: {containers: [{name: c, image: x}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: other, namespace: web, labels: {app: other}}\nspec: {containers: [{name: c, image: x}]}\n';
  it('writing out policyTypes changes nothing; joining a split peer closes what it allowed too much', () => {
    const before = policy('  podSelector: {matchLabels: {app: db}}\n  ingress:\n    - from:\n        - namespaceSelector: {matchLabels: {team: web}}\n        - podSelector: {matchLabels: {app: api}}\n');
    const r = fixFiles([{ file: 'pods.yaml', text: pods }, { file: 'policy.yaml', text: before }]);
    expect(r.applied.map((a) => a.fix)).toEqual(['explicit-policy-types', 'split-namespace-pod-selector']);
    // Before: every pod of web, or app=api of shop; after: app=api pods in web, and there are none.
    expect(r.changes.map((c) => `${c.src} => ${c.dst}: -${c.removed} +${c.added}`)).toEqual(['shop/api[Pod] => shop/db[Pod]: -All Connections +No Connections', 'web/other[Pod] => shop/db[Pod]: -All Connections +No Connections']);
  });

  it('a lower-case protocol made the policy invalid (left out); fixed, it applies', () => {
    const before = policy('  podSelector: {matchLabels: {app: db}}\n  policyTypes: [Ingress]\n  ingress:\n    - ports: [{protocol: tcp, port: 5432}]\n');
    const r = fixFiles([{ file: 'pods.yaml', text: pods }, { file: 'policy.yaml', text: before }]);
    expect(r.errors.before).toBeGreaterThan(0);
    expect(r.errors.after).toBe(0);
    expect(r.changes.length).toBeGreaterThan(0);
    expect(r.changes.every((c) => c.dst === 'shop/db[Pod]' && c.added.isEmpty())).toBe(true);
  });
});

describe('unified diff', () => {
  it('shows removed lines before added ones, with three lines of context and line numbers', () => {
    const a = ['1', '2', '3', '4', 'x', '6', '7', '8', '9'].join('\n');
    const b = ['1', '2', '3', '4', 'y', '6', '7', '8', '9'].join('\n');
    expect(unifiedDiff('f', a, b)).toBe('--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-x\n+y\n 6\n 7\n 8\n');
    expect(unifiedDiff('f', a, a)).toBe('');
  });
});

describe('netpol-check lint --fix', () => {
  it('prints the diff and the proof, writes with --fix, nothing with --fix-dry-run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-fix-'));
    const file = join(dir, 'p.yaml');
    writeFileSync(file, policy('  podSelector: {}\n  ingress:\n    - ports: [{protocol: tcp, port: 80}]\n'));
    const dry = await runCli(['lint', '-f', file, '--fix-dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`--- ${file}\n+++ ${file}\n`);
    expect(dry.out).toContain('-    - ports: [{protocol: tcp, port: 80}]\n+    - ports: [{protocol: TCP, port: 80}]\n');
    expect(dry.out).toContain('fixed: 2 (protocol-case 1, explicit-policy-types 1)');
    expect(dry.out).toContain('dry run: nothing written');
    expect(dry.files).toEqual({});
    const fix = await runCli(['lint', '-f', file, '--fix']);
    expect(Object.keys(fix.files)).toEqual([file]);
    expect(fix.out).toContain(`wrote ${file}`);
    expect(readFileSync(file, 'utf8')).toContain('protocol: tcp'); // runCli captures writes: the file on disk is as it was
    await expect(runCli(['lint', '-f', file, '--fix', '-o', 'json'])).resolves.toMatchObject({ code: 2, err: expect.stringContaining('--fix prints a diff and a report: it takes no -o/--format') });
  });
});
