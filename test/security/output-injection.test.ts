import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeCsvCell } from '../../src/text/escape/csv.js';
import { quoteDot } from '../../src/text/escape/dot.js';
import { escapeMarkdown } from '../../src/text/escape/markdown.js';
import { escapeTerminal, sanitizeTerminalText } from '../../src/text/escape/terminal.js';
import { escapeWorkflowData, escapeWorkflowProperty } from '../../src/text/escape/workflow-command.js';
import { escapeXml } from '../../src/text/escape/xml.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { assertMarkdown, assertTerminalText, assertWorkflowCommands } from './well-formed.js';

const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\r\n::error file=forged.yaml::forged\u202e<img src=x onerror=alert(1)> @octocat ![x](https://evil/) | , " ]]> &';

describe('issue 18, item 6: escaping per output context', () => {
  it('terminal: every control character and bidi override shown, newline included', () => {
    expect(escapeTerminal('a\u001b[31mb\r\nc\u202ed\u0085')).toBe('a\\x1b[31mb\\x0d\\x0ac\\u202ed\\x85');
    expect(sanitizeTerminalText('ok\n::error::x\n  ##[group]y\nz\u001b\n')).toBe('ok\n\\x3a:error::x\n  \\x23#[group]y\nz\\x1b\n');
  });
  it('workflow commands: data and properties cannot end the command', () => {
    expect(escapeWorkflowData('50%\r\n::x\u001b')).toBe('50%25%0D%0A::x\\x1b');
    expect(escapeWorkflowProperty('a:b,c\n')).toBe('a%3Ab%2Cc%0A');
  });
  it('Markdown: no HTML, image, link, mention or cell break', () => {
    const md = escapeMarkdown(HOSTILE);
    expect(md).not.toMatch(/<|>|\n|@o|!\[|\]\(|[^\\]\|/);
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;'.replace('\\(', '(').replace('\\)', ')'));
    expect(md).toContain('@&#8203;octocat');
  });
  it('CSV, DOT and XML', () => {
    expect(escapeCsvCell('a,"b"\nc')).toBe('"a,""b""\\x0ac"');
    expect(escapeCsvCell('=cmd()')).toBe("'=cmd()");
    expect(quoteDot('a"b\\c\nd')).toBe('"a\\"b\\\\c\\\\x0ad"');
    expect(escapeXml('<a b="c">&\u0001]]>\n')).toBe('&lt;a b=&quot;c&quot;&gt;&amp;\\x01]]&gt;&#10;');
  });
});

describe('issue 18, item 6: hostile file names, annotations and field names through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-inject-'));
  for (const f of ['namespaces.yaml', 'workloads.yaml', 'policies.yaml']) copyFileSync(join(ROOT, 'examples', 'three-tier', f), join(dir, f));
  const base = mkdtempSync(join(tmpdir(), 'netpol-inject-base-'));
  for (const f of ['namespaces.yaml', 'workloads.yaml', 'policies.yaml']) copyFileSync(join(ROOT, 'examples', 'three-tier', f), join(base, f));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'hostile', 'control-characters.yaml'), join(dir, 'control-characters.yaml'));
  // A file name is text a pull request controls: a newline, a forged workflow command, HTML, a mention.
  const forged = 'x\n::error file=forged.yaml::forged\u001b[31m\r<img src=x onerror=alert(1)> @octocat.yaml';
  writeFileSync(
    join(dir, forged),
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: api-from-ingress, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: api}}\n  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]}]\n',
  );

  it.each([
    ['lint', 'text'],
    ['matrix', 'txt'],
    ['matrix', 'csv'],
    ['matrix', 'dot'],
  ])('%s --format %s: no raw control character, no line a CI runner obeys (stdout and stderr)', async (cmd, format) => {
    const r = await runCli([cmd!, '-f', dir, '--format', format!]);
    assertTerminalText(r.out, `${cmd} ${format} stdout`);
    assertTerminalText(r.err, `${cmd} ${format} stderr`);
    expect(r.out + r.err).toMatch(/unknown field "spec\\u001b\[31mred\\n::error::forged-field"/);
  });

  it('can: the PARTIAL header and the explanation quote the file name escaped', async () => {
    const r = await runCli(['can', 'ingress-nginx-controller', 'reach', 'api', '-f', dir]);
    expect(r.out).toMatch(/^PARTIAL: 2 input errors/);
    assertTerminalText(r.out, 'can stdout');
    expect(r.out).toContain('x\\x0a::error file=forged.yaml::forged\\x1b[31m\\x0d<img');
  });

  it('lint --format github: one workflow command per finding, none forged', async () => {
    const json = JSON.parse((await runCli(['lint', '-f', dir, '--format', 'json'])).out) as { findings: unknown[] };
    const r = await runCli(['lint', '-f', dir, '--format', 'github']);
    assertWorkflowCommands(r.out, json.findings.length, 'lint github');
    expect(r.out).toContain('file=');
  });

  it('diff --format md (a PR comment): no raw HTML, image or @mention from the file name', async () => {
    const r = await runCli(['diff', '--base', base, '--head', dir, '--format', 'md']);
    expect(r.out).toContain('Connections opened');
    assertMarkdown(r.out, 'diff md');
    expect(r.out).toContain('&lt;img src=x onerror=alert(1)&gt; @&#8203;octocat');
  });
});
