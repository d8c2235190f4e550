import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { formatFindingsSarif } from '../../src/format/findings/sarif.js';
import { SECURITY_SEVERITY } from '../../src/format/findings/security-severity.js';
import { loadSnapshot, loadTexts } from '../../src/load/load-snapshot.js';
import { RULES } from '../../src/lint/registry.js';
import { runLint } from '../../src/lint/run-lint.js';
import { ROOT, runBinary, runCli } from '../helpers/run-cli.js';

/** The official SARIF 2.1.0 schema (shipped by @microsoft/jest-sarif). */
const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }); // the official schema has a pattern that is not valid with the u flag
const validate = ajv.compile(schema);

interface SarifRule {
  id: string;
  helpUri?: string;
  properties?: { 'security-severity'?: string; tags?: string[] };
}
interface SarifLocation {
  physicalLocation: { artifactLocation: { uri?: string; uriBaseId?: string; description?: { text: string } }; region?: { startLine: number } };
}
interface Sarif {
  runs: { tool: { driver: { rules: SarifRule[] } }; originalUriBaseIds?: Record<string, unknown>; results: { ruleId: string; locations?: SarifLocation[] }[] }[];
}

function schemaValid(sarif: unknown): void {
  const ok = validate(sarif);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const MISTAKES = join(ROOT, 'examples', 'lint-mistakes');

describe('SARIF output', () => {
  const { snapshot, diagnostics } = loadSnapshot([MISTAKES]);
  const findings = runLint(snapshot, diagnostics);
  const sarif = JSON.parse(formatFindingsSarif(findings, '0.1.0', { root: ROOT, cwd: ROOT })) as Sarif;
  const run = sarif.runs[0]!;

  it('validates against the SARIF 2.1.0 JSON schema', () => {
    expect(findings.length).toBeGreaterThan(5);
    schemaValid(sarif);
  });

  it('gives every rule a helpUri to its own section of docs/rules.md, and that section exists', () => {
    const headings = new Set([...readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim().toLowerCase()));
    const rules = run.tool.driver.rules.filter((r) => RULES.some((x) => x.meta.id === r.id));
    expect(rules).toHaveLength(RULES.length);
    for (const r of rules) {
      expect(r.helpUri).toBe(`https://github.com/netpol-check/netpol-check/blob/v0.1.0/docs/rules.md#${r.id}`);
      expect(headings.has(r.id), `docs/rules.md has no "## ${r.id}" heading`).toBe(true);
    }
  });

  it('gives a security-severity (a score GitHub accepts) to the rules about open paths, and only to known rules', () => {
    for (const id of Object.keys(SECURITY_SEVERITY)) expect(RULES.map((r) => r.meta.id)).toContain(id);
    const allowAll = run.tool.driver.rules.find((r) => r.id === 'allow-all')!;
    expect(allowAll.properties).toMatchObject({ 'security-severity': '7.5', tags: expect.arrayContaining(['security']) });
    for (const r of run.tool.driver.rules) {
      const s = r.properties?.['security-severity'];
      if (s === undefined) continue;
      expect(s).toMatch(/^\d+\.\d$/);
      expect(Number(s)).toBeGreaterThan(0);
      expect(Number(s)).toBeLessThanOrEqual(10);
    }
    expect(run.tool.driver.rules.find((r) => r.id === 'schema')!.properties?.['security-severity']).toBeUndefined();
  });

  it('names every file relative to the repository root (SRCROOT): no absolute machine path', () => {
    const locations = run.results.flatMap((r) => r.locations ?? []);
    expect(locations.length).toBeGreaterThan(5);
    for (const l of locations) {
      const a = l.physicalLocation.artifactLocation;
      expect(a.uriBaseId).toBe('SRCROOT');
      expect(a.uri).toMatch(/^examples\/lint-mistakes\/[^/]+\.ya?ml$/);
    }
    expect(Object.keys(run.originalUriBaseIds ?? {})).toEqual(['SRCROOT']);
    expect(JSON.stringify(sarif)).not.toContain(ROOT);
  });

  it('writes paths given relative to a subfolder relative to the root, percent-encoded', () => {
    const f = { ruleId: 'allow-all', messageId: 'x', severity: 'info' as const, message: 'm', source: { file: 'a b/#1.yaml', doc: 0, line: 3, col: 1 } };
    const out = JSON.parse(formatFindingsSarif([f], '0.1.0', { root: '/repo', cwd: '/repo/deploy' })) as Sarif;
    expect(out.runs[0]!.results[0]!.locations![0]!.physicalLocation.artifactLocation).toEqual({ uri: 'deploy/a%20b/%231.yaml', uriBaseId: 'SRCROOT' });
  });

  it('does not make standard input (-f -) a URI: the location keeps its line and says what it is', () => {
    const text = readFileSync(join(MISTAKES, 'policies.yaml'), 'utf8');
    const loaded = loadTexts([{ file: '<stdin>', text }]);
    const fromStdin = runLint(loaded.snapshot, loaded.diagnostics);
    expect(fromStdin.length).toBeGreaterThan(0);
    const out = JSON.parse(formatFindingsSarif(fromStdin, '0.1.0', { root: ROOT, cwd: ROOT })) as Sarif;
    schemaValid(out);
    expect(JSON.stringify(out)).not.toContain('stdin>');
    for (const l of out.runs[0]!.results.flatMap((r) => r.locations ?? [])) {
      expect(l.physicalLocation.artifactLocation).toEqual({ description: { text: 'standard input (-f -)' } });
      expect(l.physicalLocation.region?.startLine).toBeGreaterThan(0);
    }
  });

  it('from the command line: run in a subfolder, URIs are still relative to the repository root; -f - has no file URI', async () => {
    const sub = runBinary(['lint', '-f', 'lint-mistakes', '-o', 'sarif'], undefined, join(ROOT, 'examples'));
    const uris = (JSON.parse(sub.out) as Sarif).runs[0]!.results.flatMap((r) => r.locations ?? []).map((l) => l.physicalLocation.artifactLocation.uri);
    expect(uris.length).toBeGreaterThan(5);
    for (const u of uris) expect(u).toMatch(/^examples\/lint-mistakes\//);
    const stdin = await runCli(['lint', '-f', '-', '-o', 'sarif'], readFileSync(join(MISTAKES, 'policies.yaml'), 'utf8'));
    expect(stdin.out).not.toContain('stdin>');
    schemaValid(JSON.parse(stdin.out));
  });
});
