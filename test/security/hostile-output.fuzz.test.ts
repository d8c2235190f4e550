import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { connectivity } from '../../src/engine/connectivity.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { formatFindingsGithub } from '../../src/format/findings/github.js';
import { formatFindingsJson } from '../../src/format/findings/json.js';
import { formatFindingsSarif } from '../../src/format/findings/sarif.js';
import { formatFindingsText } from '../../src/format/findings/text.js';
import { formatInputStatusMarkdown, formatInputStatusText } from '../../src/format/input/input-status.js';
import { MATRIX_FORMATS, type MatrixFormat } from '../../src/format/matrix/index.js';
import { inputStatus } from '../../src/load/input-status.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
import type { Finding } from '../../src/lint/rule.js';
import { runLint } from '../../src/lint/run-lint.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { assertCsv, assertJson, assertMarkdown, assertTerminalText, assertWorkflowCommands, assertXml } from './well-formed.js';

/** Text an attacker would write: control characters, quotes, markup, CDATA ends, mentions, workflow commands, bidi overrides. */
const PIECES = ['\u001b[31m', '\u001b]0;t\u0007', '\r', '\n', '\t', '\u0000', '\u0085', '\u202e', '\u2066', '\u200f', '\u2028', '"', "'", '\\', '<', '>', '&', ']]>', '<img src=x onerror=alert(1)>', '<!--', '@octocat', '#1', '::error::forged', '::', '##[group]', '|', ',', '![i](https://e/)', '[l](https://e/)', '%0A', '=cmd()', '\ud800', '\uffff', '*_`~'];
const hostile = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));

/** Checks one rendered output for its format. */
function check(format: string, text: string, what: string, findings?: number): void {
  if (format === 'json' || format === 'sarif') assertJson(text, what);
  else if (format === 'gexf' || format === 'graphml') assertXml(text, what);
  else if (format === 'csv') assertCsv(text, 3, what);
  else if (format === 'md') assertMarkdown(text, what);
  else if (format === 'github') assertWorkflowCommands(text, findings ?? -1, what);
  else if (format === 'html') {
    if ((text.match(/<\/script/gi) ?? []).length !== 5) throw new Error(`${what}: a script element closed early`);
  } else assertTerminalText(text, what);
}

const THREE_TIER = ['namespaces.yaml', 'workloads.yaml', 'policies.yaml'].map((f) => join(ROOT, 'examples', 'three-tier', f));

/** A file name from hostile text: no `/` or NUL, not too long for the file system. */
const fileName = (s: string) => `${s.replace(/[/\u0000]/g, '_').replace(/[\ud800-\udfff]/g, '_').slice(0, 60)}.yaml`;

describe('issue 18: hostile text in every output format of every command is well-formed for its format', () => {
  it('through the CLI: file names, annotations, field names, expectation names', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (name, annotation, field) => {
        const dir = mkdtempSync(join(tmpdir(), 'netpol-fuzz-'));
        const base = mkdtempSync(join(tmpdir(), 'netpol-fuzz-base-'));
        for (const f of THREE_TIER) copyFileSync(f, join(dir, f.split('/').at(-1)!)), copyFileSync(f, join(base, f.split('/').at(-1)!));
        const policy = (n: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: n, namespace: 'shop', annotations: { note: annotation, 'netpol-check.io/ignore': annotation } }, spec: { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }] }], ...extra } });
        writeFileSync(join(dir, fileName(name)), JSON.stringify(policy('api-from-ingress')));
        writeFileSync(join(dir, `bad-${fileName(field)}`), JSON.stringify(policy('bad', { [field]: 1 })));
        const expect = join(base, 'expect.yaml');
        writeFileSync(expect, `apiVersion: netpol-check.dev/v1\nkind: Expectations\nexpectations:\n  - {name: ${JSON.stringify(annotation)}, from: ingress-nginx-controller, to: shop/api, expect: deny}\n`);
        const runs: [string, string[], string][] = [
          ...(Object.keys(MATRIX_FORMATS) as string[]).concat('html').map((f): [string, string[], string] => [f, ['matrix', '-f', dir, '--format', f], `matrix ${f}`]),
          ...['text', 'json', 'sarif', 'github'].map((f): [string, string[], string] => [f, ['lint', '-f', dir, '--format', f], `lint ${f}`]),
          ...['text', 'json'].map((f): [string, string[], string] => [f, ['can', 'ingress-nginx-controller', 'reach', 'api', '-f', dir, '--format', f], `can ${f}`]),
          ...['text', 'json'].map((f): [string, string[], string] => [f, ['verify', expect, '-f', dir, '--format', f], `verify ${f}`]),
          ...['text', 'json', 'md'].map((f): [string, string[], string] => [f, ['diff', '--base', base, '--head', dir, '--format', f], `diff ${f}`]),
          ...['text', 'json'].map((f): [string, string[], string] => [f, ['reach-from', 'ingress-nginx-controller', '-f', dir, '--hops', '2', '--format', f], `reach-from ${f}`]),
          ...['text', 'json'].map((f): [string, string[], string] => [f, ['path', 'ingress-nginx-controller', 'api', '-f', dir, '--format', f], `path ${f}`]),
        ];
        let lintFindings = 0;
        for (const [format, argv, what] of runs) {
          const r = await runCli(argv);
          if (what === 'lint json') lintFindings = (JSON.parse(r.out) as { findings: unknown[] }).findings.length;
          check(format, r.out, `${what} stdout`, format === 'github' ? lintFindings : undefined);
          assertTerminalText(r.err, `${what} stderr`);
          if (/internal error/.test(r.err)) throw new Error(`${what}: ${r.err}`);
        }
      }),
      { numRuns: 12 },
    );
  }, 300_000);

  it('through the library: objects loaded with names: warn, and hand-made findings', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (name, label, text) => {
        const objects = [
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { [label]: label }, annotations: { a: text } } },
          { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: name, labels: { app: label } }, spec: { containers: [{ name: 'c', image: 'x', ports: [{ name: label, containerPort: 80 }] }] } },
          { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'other', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'x' }] } },
          { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: name, annotations: { a: text } }, spec: { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: label } } }], ports: [{ port: label }] }, { from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] } },
        ];
        const loaded = loadTexts([{ file: fileName(text), text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }) }], { names: 'warn' });
        const matrix = computeMatrix(loaded.snapshot);
        for (const level of ['workload', 'pod'] as const) {
          const view = connectivity(matrix, level);
          for (const [format, formatter] of Object.entries(MATRIX_FORMATS)) check(format, (formatter as (c: typeof view, m: typeof matrix) => string)(view, matrix), `library matrix ${format} ${level}`);
        }
        const input = inputStatus(loaded.diagnostics);
        assertTerminalText(formatInputStatusText(input), 'input status text');
        assertMarkdown(formatInputStatusMarkdown(input), 'input status md');
        const made: Finding[] = [{ ruleId: text, messageId: 'x', severity: 'warning', message: `${text}\n${name}`, object: `NetworkPolicy ${name}`, source: { file: text, doc: 0, line: 1, col: 2, field: label } }];
        const findings = [...runLint(loaded.snapshot, loaded.diagnostics), ...made];
        assertTerminalText(formatFindingsText(findings), 'findings text');
        assertJson(formatFindingsJson(findings), 'findings json');
        assertJson(formatFindingsSarif(findings, '0'), 'findings sarif');
        assertWorkflowCommands(formatFindingsGithub(findings), findings.length, 'findings github');
      }),
      { numRuns: 60 },
    );
  }, 300_000);
});
