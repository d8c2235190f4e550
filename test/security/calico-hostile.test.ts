import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFindingsGithub } from '../../src/format/findings/github.js';
import { formatFindingsJson } from '../../src/format/findings/json.js';
import { formatFindingsText } from '../../src/format/findings/text.js';
import { runLint } from '../../src/lint/run-lint.js';
import { loadTexts } from '../../src/load/load-snapshot.js';
import { runCli } from '../helpers/run-cli.js';
import { assertJson, assertTerminalText, assertWorkflowCommands } from './well-formed.js';

/**
 * Issue 18 for Calico's objects: label values inside selector strings (Calico strings have no
 * escapes, so anything but the closing quote and a newline can be in them) reach lint messages and
 * `can`'s explanation; they must stay inert in every format.
 */
const PIECES = ['\u001b[31m', '\u001b]0;t\u0007', '\r', '\t', '\u0000', '\u0085', '\u202e', '\u2066', '\u2028', "'", '\\', '<', '>', '&', '<img src=x onerror=alert(1)>', '@octocat', '::error::forged', '##[group]', '|', '%0A', '*_`~'];
const hostile = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 6 }).map((a) => a.join('').replace(/["\n]/g, ''));

const snapshot = (value: string) =>
  [
    'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: db, namespace: shop, labels: {app: db}}',
    JSON.stringify({
      apiVersion: 'projectcalico.org/v3',
      kind: 'NetworkPolicy',
      metadata: { name: 'db', namespace: 'shop' },
      spec: { selector: `app == "db" && tier != "${value}"`, ingress: [{ action: 'Allow', protocol: 'TCP', source: { selector: `app == "${value}"` } }, { action: 'Log' }] },
    }),
  ].join('\n---\n');

describe('hostile label values in Calico selectors', () => {
  it('lint findings stay well-formed in text, JSON and workflow commands', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const { snapshot: s, diagnostics } = loadTexts([{ file: 'c.yaml', text: snapshot(value) }]);
        expect(s.calico?.policies).toHaveLength(1);
        const findings = runLint(s, diagnostics);
        expect(findings.some((f) => f.ruleId === 'calico-selects-nothing')).toBe(true);
        assertTerminalText(formatFindingsText(findings), 'findings text');
        assertJson(formatFindingsJson(findings), 'findings json');
        assertWorkflowCommands(formatFindingsGithub(findings), findings.length, 'findings github');
      }),
      { numRuns: 60, seed: 18 },
    );
  });

  it('can and lint through the CLI print them inert', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (value) => {
        const input = snapshot(value);
        const can = await runCli(['can', 'shop/web', 'reach', 'shop/db:80', '-f', '-', '-v'], input);
        assertTerminalText(can.out, 'can text');
        assertTerminalText(can.err, 'can stderr');
        assertJson((await runCli(['can', 'shop/web', 'reach', 'shop/db:80', '-f', '-', '-o', 'json'], input)).out, 'can json');
        const lint = await runCli(['lint', '-f', '-'], input);
        assertTerminalText(lint.out, 'lint text');
      }),
      { numRuns: 8, seed: 18 },
    );
  }, 120_000);
});
