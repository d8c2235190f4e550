import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// Only the package's public entry point: `netpol-check` resolves through package.json's exports
// to the built dist/src/index.js (a package may import itself by name).
import * as api from 'netpol-check';
import { ask, diff, lint, loadSnapshot, loadTexts, matrix, parseExpectations, verify, type CanResult, type Finding } from 'netpol-check';
import { ROOT } from '../helpers/run-cli.js';
import { readmeLibrarySnippet } from './readme-library-snippet.js';

const at = (...p: string[]) => join(ROOT, ...p);
const threeTier = loadSnapshot([at('examples', 'three-tier')]);

describe('library API through the package entry point', () => {
  it('exports the commands as functions, the loaders and the formatters', () => {
    for (const name of ['ask', 'lint', 'diff', 'verify', 'matrix', 'loadSnapshot', 'loadTexts', 'formatCanText', 'formatFindingsSarif', 'formatDiffMarkdown', 'formatVerifyText', 'parseExpectations', 'parseLintConfig']) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(api.RULES.length).toBeGreaterThan(15);
  });

  it('ask answers the can question, and a bad name is data, not a throw', () => {
    const yes: CanResult = ask(threeTier.snapshot, { src: 'frontend', dst: 'api:9000' });
    expect(yes.ok && yes.answer.allowed).toBe(true);
    const no = ask(threeTier.snapshot, { src: 'frontend', dst: 'db:5432' });
    expect(no.ok && no.answer.allowed).toBe(false);
    const unknown = ask(threeTier.snapshot, { src: 'frontnd', dst: 'db' });
    expect(unknown).toMatchObject({ ok: false, which: 'source' });
    expect(!unknown.ok && unknown.candidates.join(' ')).toContain('frontend');
  });

  it('lint finds the mistakes with positions; disable and the cni profile are options', () => {
    const mistakes = loadSnapshot([at('examples', 'lint-mistakes')]);
    const findings: Finding[] = lint(mistakes);
    expect(findings.length).toBeGreaterThan(5);
    expect(findings.every((f) => f.source?.file.includes('lint-mistakes'))).toBe(true);
    const ids = new Set(findings.map((f) => f.ruleId));
    const one = [...ids][0]!;
    expect(lint(mistakes, { disable: [one], cni: 'calico' }).some((f) => f.ruleId === one)).toBe(false);
    expect(lint(threeTier)).toEqual([]);
  });

  it('verify checks an expectations file given as text or parsed; a bad file is problems', () => {
    const text = readFileSync(at('examples', 'three-tier', 'expectations.yaml'), 'utf8');
    const checked = verify(threeTier.snapshot, text);
    expect(checked.ok && checked.totals).toEqual({ passed: 8, failed: 0, undetermined: 0 });
    const parsed = parseExpectations('e.yaml', 'expectations:\n  - from: frontend\n    to: db:5432\n    expect: allow\n');
    const failing = verify(threeTier.snapshot, parsed.expectations);
    expect(failing.ok && failing.totals.failed).toBe(1);
    const bad = verify(threeTier.snapshot, 'expectations: 3\n', { file: 'bad.yaml' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]!.source.file).toBe('bad.yaml');
  });

  it('matrix gives the allowed connections per workload or per pod', () => {
    const workloads = matrix(threeTier.snapshot);
    const edge = workloads.connectivity.edges.find((e) => e.src.id === 'shop/api[Deployment]' && e.dst.id === 'shop/db[StatefulSet]');
    expect(edge?.connections.has('TCP', 5432)).toBe(true);
    expect(workloads.pluginDependent).toEqual([]);
    const pods = matrix(threeTier.snapshot, { level: 'pod' });
    expect(pods.connectivity.nodes.length).toBeGreaterThanOrEqual(workloads.connectivity.nodes.length);
  });

  it('the summaries: namespaceMatrix and groupedMatrix of a computed matrix', () => {
    const m = api.computeMatrix(threeTier.snapshot);
    const ns = api.namespaceMatrix(m);
    expect(ns.cells.length).toBeGreaterThan(0);
    const grouped = api.groupedMatrix(m);
    expect(grouped.lines.length).toBeGreaterThan(0);
    expect(grouped.lines.length).toBeLessThanOrEqual(matrix(threeTier.snapshot).connectivity.edges.length);
  });

  it('diff names what a change opens and the rule responsible', () => {
    const policies = readFileSync(at('examples', 'three-tier', 'policies.yaml'), 'utf8');
    const files = ['namespaces.yaml', 'workloads.yaml'].map((f) => ({ file: f, text: readFileSync(at('examples', 'three-tier', f), 'utf8') }));
    const base = loadTexts([...files, { file: 'policies.yaml', text: policies }]);
    const opened = `${policies}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db-open, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: db}}\n  ingress: [{}]\n`;
    const head = loadTexts([...files, { file: 'policies.yaml', text: opened }]);
    const { changes } = diff(base.snapshot, head.snapshot);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.change.removed.isEmpty())).toBe(true);
    expect(changes.flatMap((c) => c.reasons.addedBy).join('\n')).toContain('shop/db-open ingress rule 0');
    expect(diff(base.snapshot, base.snapshot).changes).toEqual([]);
  });

  it("the README's example runs as written and prints what the README shows", () => {
    const { code, prints } = readmeLibrarySnippet();
    // Inside the package folder, so that `from 'netpol-check'` is the package's own exports.
    const dir = at('test-artifacts', 'library-api');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'readme-example.mjs'), code);
    expect(execFileSync(process.execPath, [join(dir, 'readme-example.mjs')], { cwd: ROOT, encoding: 'utf8' })).toBe(prints);
  });
});
