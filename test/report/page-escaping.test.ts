import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

/**
 * The page carries text from the input in two places: the JSON the script parses at once (a
 * JavaScript string with no `<` at all) and the graphs' JSON, read later as the text of a hidden
 * element (HTML-escaped). A file name with markup — it shows in findings and in every
 * explanation's file:line — must stay text in both, and no script element may end early.
 */
describe('report: the graph data is text, never markup', () => {
  const name = '<img src=x onerror=alert(1)>&amp;</div><script>x</script>.yaml'.replace(/\//g, '_');

  it('a hostile file name is escaped in the script data and in the hidden graph data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-report-esc-'));
    for (const f of ['namespaces.yaml', 'workloads.yaml']) copyFileSync(join(ROOT, 'examples', 'three-tier', f), join(dir, f));
    copyFileSync(join(ROOT, 'examples', 'three-tier', 'policies.yaml'), join(dir, name));
    const r = await runCli(['report', '-f', dir, '--output-file', 'x.html']);
    expect(r.code).toBe(0);
    const page = r.files['x.html']!;
    expect(page.match(/<\/script/gi)).toHaveLength(5);
    const script = page.slice(page.indexOf('const NETPOL_REPORT = '), page.indexOf('\nfunction reportClient'));
    expect(script).not.toContain('<');
    const open = '<div id="netpol-graph" hidden>';
    const text = page.slice(page.indexOf(open) + open.length, page.indexOf('</div>', page.indexOf(open)));
    expect(text).not.toMatch(/[<>]/);
    const graph = JSON.parse(text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as { lines: string[] };
    expect(graph.lines.some((l) => l.includes(`${name}:`))).toBe(true);
  });
});
