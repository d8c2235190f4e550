import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const MISTAKES = ['-f', 'examples/lint-mistakes'];

describe('netpol-check lint', () => {
  it('finds each classic mistake in examples/lint-mistakes, with positions', async () => {
    const r = await runCli(['lint', ...MISTAKES, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.format).toBe('netpol-check/lint');
    expect(j.findings.map((f: { rule: string; file: string; line: number }) => `${f.rule} ${f.file.split('/').pop()}:${f.line}`)).toEqual([
      'egress-without-dns cluster.yaml:41',
      'peer-selects-nothing policies.yaml:13',
      'split-namespace-pod-selector policies.yaml:13',
      'redundant-rule policies.yaml:19',
      'namespace-label-missing policies.yaml:27',
      'peer-selects-nothing policies.yaml:27',
      'unknown-named-port policies.yaml:32',
      'ignored-rules policies.yaml:43',
      'policy-selects-nothing policies.yaml:48',
      'redundant-rule policies.yaml:48',
      'allow-all policies.yaml:55',
    ]);
  });

  it('text output shows the fixed YAML for the classic mistake', async () => {
    const r = await runCli(['lint', ...MISTAKES]);
    expect(r.out).toContain('  - namespaceSelector: {matchLabels: {purpose: monitoring}}\n    podSelector: {matchLabels: {app: prometheus}} [split-namespace-pod-selector]');
    expect(r.out).toContain('11 finding(s): 0 error(s), 8 warning(s), 3 info');
  });

  it('--fail-on sets the exit code', async () => {
    expect((await runCli(['lint', ...MISTAKES, '--fail-on', 'error'])).code).toBe(0);
    expect((await runCli(['lint', '-f', 'examples/kubectl-list', '--fail-on', 'warning'])).code).toBe(0);
    expect((await runCli(['lint', '-f', 'examples/kubectl-list', '--fail-on', 'info'])).code).toBe(1);
  });

  it('github annotations', async () => {
    const r = await runCli(['lint', ...MISTAKES, '--format', 'github']);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[7]).toBe('::warning file=examples/lint-mistakes/policies.yaml,line=43,col=7,title=ignored-rules::NetworkPolicy shop/worker-egress: policyTypes does not list Egress, so its 1 egress rule(s) are ignored');
    expect(r.out).toContain('%0A'); // multi-line messages are escaped
  });

  it('SARIF 2.1.0 with rule metadata and physical locations', async () => {
    const r = await runCli(['lint', ...MISTAKES, '--format', 'sarif']);
    const s = JSON.parse(r.out);
    expect(s.version).toBe('2.1.0');
    const run = s.runs[0];
    expect(run.tool.driver.name).toBe('netpol-check');
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('split-namespace-pod-selector');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'ignored-rules');
    expect(result).toMatchObject({ level: 'warning', locations: [{ physicalLocation: { artifactLocation: { uri: 'examples/lint-mistakes/policies.yaml', uriBaseId: 'SRCROOT' }, region: { startLine: 43, startColumn: 7 } } }] });
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('ignored-rules');
  });

  it('input errors are findings, and the rest is still linted', async () => {
    const bad = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: bad, namespace: shop}\nspec:\n  podSelector: {}\n  ingress:\n  - ports: [{port: 0}]\n';
    const r = await runCli(['lint', ...MISTAKES, '-f', '-', '--format', 'json'], bad);
    const rules = JSON.parse(r.out).findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('invalid-port-range');
    expect(rules).toContain('split-namespace-pod-selector');
    expect(r.code).toBe(1);
  });

  it('--list-rules and --disable', async () => {
    const list = await runCli(['lint', '--list-rules']);
    expect(list.out.split('\n').filter(Boolean)).toHaveLength(26);
    const r = await runCli(['lint', ...MISTAKES, '--disable', 'peer-selects-nothing,allow-all', '--format', 'json']);
    expect(JSON.parse(r.out).findings).toHaveLength(8);
  });
});

describe('docs/rules.md', () => {
  it('is generated from the rule metadata and up to date', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../helpers/run-cli.js');
    const r = await runCli(['lint', '--list-rules', '--format', 'md']);
    expect(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(r.out);
  });
});

describe('lint exit codes for input', () => {
  it('a YAML syntax error is an input error: exit 2, and the rest is still linted', async () => {
    const r = await runCli(['lint', ...MISTAKES, '-f', '-'], 'kind: [oops');
    expect(r.code).toBe(2);
    expect(r.out).toContain('[yaml-syntax]');
    expect(r.out).toContain('[split-namespace-pod-selector]');
  });

  it('a policy the API server would refuse is a finding of its rule: exit 1', async () => {
    const bad = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: bad}\nspec:\n  podSelector: {}\n  ingress:\n  - ports: [{protocol: tcp}]\n';
    const r = await runCli(['lint', '-f', '-'], bad);
    expect(r.out).toContain('[protocol-case]');
    expect(r.code).toBe(1);
  });
});
