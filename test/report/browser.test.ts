import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core loads the page
 * from a file (no server, no network), waits for the graph, clicks a node and an edge, and
 * checks what lights up and what the panel says. CI installs chromium (.ci/run); on a machine
 * without it this is skipped with a note, never in CI.
 */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM && !process.env.CI) console.log('chromium not installed: the report browser test is skipped here (CI runs it)');

describe.skipIf(!CHROMIUM && !process.env.CI)('the HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const r = await runCli(['report', '-f', join(ROOT, 'examples', 'three-tier'), '--output-file', 'report.html', '--title', 'three-tier']);
    expect(r.code).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'netpol-report-')), 'report.html');
    writeFileSync(file, r.files['report.html']!);
    browser = await chromium.launch({
      executablePath: CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const failed: string[] = [];
    page.on('requestfailed', (req) => failed.push(req.url()));
    page.on('pageerror', (e) => failed.push(e.message));
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => (window as unknown as { netpolReport?: { ready: boolean } }).netpolReport?.ready === true, undefined, { timeout: 20_000 });
    expect(failed).toEqual([]); // self-contained: nothing fetched, no script error
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const center = (id: string, kind: 'node' | 'edge') =>
    page.evaluate(
      ([id, kind]) => {
        const cy = (window as any).netpolReport.cy;
        const ele = cy.getElementById(id);
        const p = kind === 'node' ? ele.renderedPosition() : ele.renderedMidpoint();
        const box = cy.container().getBoundingClientRect();
        return { x: box.left + p.x, y: box.top + p.y };
      },
      [id, kind] as const,
    );

  it('opens on the namespace heat map; a click on a cell opens the two namespaces and their neighbours', async () => {
    expect(await page.evaluate(() => (window as any).netpolReport.state.view)).toBe('heat');
    expect(await page.isVisible('#heat-canvas')).toBe(true);
    const { x, y } = await page.evaluate(() => (window as any).netpolReport.heat.centre('ingress-nginx', 'shop'));
    await page.mouse.move(x, y);
    expect(await page.textContent('#heat-tip')).toMatch(/^ingress-nginx → shop: some \(1\/3 pod pairs\): TCP 8080/);
    await page.mouse.click(x, y);
    await page.waitForFunction(() => (window as any).netpolReport.ready === true && (window as any).netpolReport.state.view === 'graph');
    const ids = await page.evaluate(() => (window as any).netpolReport.cy.nodes().map((n: any) => n.id()));
    expect(ids).toEqual(expect.arrayContaining(['ns:shop', 'ns:ingress-nginx', 'shop/frontend[Deployment]', 'ingress-nginx/ingress-nginx-controller[Deployment]', 'kube-system/coredns[Deployment]']));
    await page.click('#level'); // back to the heat map
    expect(await page.evaluate(() => (window as any).netpolReport.state.view)).toBe('heat');
  });

  it('"Show workloads" draws every workload in its namespace and the outside ranges (the cluster fits one graph)', async () => {
    await page.click('#level');
    await page.waitForFunction(() => (window as any).netpolReport.ready === true && (window as any).netpolReport.state.view === 'graph');
    const nodes = await page.evaluate(() => (window as any).netpolReport.cy.nodes().map((n: any) => [n.id(), n.data('parent') ?? null]));
    expect(nodes).toContainEqual(['shop/frontend[Deployment]', 'ns:shop']);
    expect(nodes).toContainEqual(['kube-system/coredns[Deployment]', 'ns:kube-system']);
    expect(nodes.some(([id]: [string]) => id.endsWith('[External]'))).toBe(true);
  });

  it('clicking a node highlights what it reaches and what reaches it', async () => {
    const { x, y } = await center('shop/frontend[Deployment]', 'node');
    await page.mouse.click(x, y);
    const lit = await page.evaluate(() => {
      const cy = (window as any).netpolReport.cy;
      return { out: cy.$('node.out').map((n: any) => n.id()).sort(), in: cy.$('node.in').map((n: any) => n.id()).sort(), focus: cy.$('node.focus').map((n: any) => n.id()) };
    });
    expect(lit.focus).toEqual(['shop/frontend[Deployment]']);
    expect(lit.out).toEqual(['kube-system/coredns[Deployment]', 'shop/api[Deployment]']);
    expect(lit.in).toEqual(['ingress-nginx/ingress-nginx-controller[Deployment]']);
    const panel = await page.textContent('#details');
    expect(panel).toContain('reaches (2)');
    expect(panel).toContain('shop/api[Deployment]: TCP 9000');
    expect(panel).toContain('reached by (1)');
  });

  it('clicking an edge shows why it is allowed, with the policy, rule and file:line', async () => {
    const edge = await page.evaluate(() => (window as any).netpolReport.cy.edges().filter((e: any) => e.source().id() === 'shop/frontend[Deployment]' && e.target().id() === 'shop/api[Deployment]')[0].id());
    const { x, y } = await center(edge, 'edge');
    await page.mouse.click(x, y);
    const text = await page.textContent('#explanation');
    expect(text).toContain('yes: shop/frontend[Deployment] can reach shop/api[Deployment] on TCP 9000');
    expect(text).toMatch(/✓ allowed by shop\/[a-z-]+ ingress rule 0 \(.*policies\.yaml:\d+:\d+\)/);
  });

  it('filters by port, and toggles to the namespace heat map and back', async () => {
    await page.fill('#port', '5432');
    const shown = await page.evaluate(() => (window as any).netpolReport.cy.edges().filter((e: any) => e.style('display') !== 'none').map((e: any) => `${e.source().id()}>${e.target().id()}`));
    expect(shown).toContain('shop/api[Deployment]>shop/db[StatefulSet]');
    expect(shown).not.toContain('shop/frontend[Deployment]>shop/api[Deployment]');
    await page.fill('#port', '');
    await page.click('#level');
    expect(await page.evaluate(() => (window as any).netpolReport.state.view)).toBe('heat');
    expect(await page.isVisible('#cy')).toBe(false);
    await page.click('#level');
    await page.waitForFunction(() => (window as any).netpolReport.ready === true && (window as any).netpolReport.state.view === 'graph');
  });

  it('search focuses a workload; a namespace can be filtered out', async () => {
    await page.fill('#search', 'db');
    expect(await page.evaluate(() => (window as any).netpolReport.cy.$('node.focus').map((n: any) => n.id()))).toEqual(['shop/db[StatefulSet]']);
    await page.fill('#search', '');
    await page.click('#toolbar details summary');
    await page.uncheck('input[data-ns="kube-system"]');
    const hidden = await page.evaluate(() => (window as any).netpolReport.cy.nodes().filter((n: any) => n.style('display') === 'none').map((n: any) => n.id()));
    expect(hidden.sort()).toEqual(['kube-system/coredns[Deployment]', 'ns:kube-system']);
    await page.check('input[data-ns="kube-system"]');
    await page.click('#toolbar details summary');
  });

  it('takes a screenshot (a test artifact; UPDATE_FIXTURES=1 also refreshes docs/report.png)', async () => {
    await page.evaluate(() => void (window as any).netpolReport.cy.fit(undefined, 30)); // the search above panned to a node
    const { x, y } = await center('shop/api[Deployment]', 'node');
    await page.mouse.click(x, y);
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    const png = await page.screenshot({ path: join(ROOT, 'test-results', 'report-three-tier.png') });
    expect(png.length).toBeGreaterThan(10_000);
    if (process.env.UPDATE_FIXTURES) writeFileSync(join(ROOT, 'docs', 'report.png'), png);
  });
});

/**
 * Issue 19: the dense generated cluster of 10,000 pods (about 2,200 workloads in 103 namespaces,
 * most of them open: millions of allowed pairs). The page opens on the heat map; the time is
 * taken inside the page (performance.now() when the heat map's handlers are attached, from the
 * start of navigation), not the test's wall time, so a loaded machine weighs less. A click on a
 * cell opens a graph no bigger than the caps, and the page says what it left out.
 */
describe.skipIf(!CHROMIUM && !process.env.CI)('the report of the dense 10,000-pod cluster', () => {
  it('is interactive in under 3 s, and a click on the heat map opens the namespace\'s workloads', async () => {
    const { generateDense } = await import('../../bench/generate-dense.js');
    const r = await runCli(['report', '-f', '-', '--output-file', 'dense.html'], generateDense({ pods: 10_000, owners: 'deployments', seed: 1 }, 'json'));
    expect(r.code).toBe(0);
    const html = r.files['dense.html']!;
    expect(html.length).toBeLessThan(4e6);
    const file = join(mkdtempSync(join(tmpdir(), 'netpol-report-')), 'dense.html');
    writeFileSync(file, html);
    const browser = await chromium.launch({ executablePath: CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // A load spike on a shared machine can stall a renderer for seconds: a second load is
      // allowed when the first is over the limit, and both times are printed.
      const times: number[] = [];
      let first: { view: string; at: number; caps: Record<string, number> } | undefined;
      while (times.length < 2 && (times.length === 0 || times[0]! >= 3000)) {
        await page.goto(`file://${file}`);
        await page.waitForFunction(() => (window as any).netpolReport?.ready === true, undefined, { timeout: 60_000 });
        first = await page.evaluate(() => ({ view: (window as any).netpolReport.state.view, at: (window as any).netpolReport.interactiveAt, caps: (window as any).netpolReport.caps }));
        times.push(first.at);
      }
      expect(first!.view).toBe('heat');
      expect(Math.min(...times)).toBeLessThan(3000);
      const { x, y } = await page.evaluate(() => (window as any).netpolReport.heat.centre('search-1', 'search-1'));
      await page.mouse.click(x, y);
      await page.waitForFunction(() => (window as any).netpolReport.ready === true && (window as any).netpolReport.state.view === 'graph', undefined, { timeout: 60_000 });
      const graph = await page.evaluate(() => {
        const cy = (window as any).netpolReport.cy;
        return { workloads: cy.nodes('[kind = "workload"]').map((n: any) => n.data('parent')), nodes: cy.nodes().length, edges: cy.edges().length, last: (window as any).netpolReport.lastGraph };
      });
      expect(new Set(graph.workloads)).toEqual(new Set(['ns:search-1']));
      expect(graph.workloads.length).toBeGreaterThan(10);
      expect(graph.nodes).toBeLessThanOrEqual(first!.caps.nodes! + first!.caps.neighbours! + 1);
      expect(graph.edges).toBeLessThanOrEqual(first!.caps.edges! + 2 * first!.caps.neighbours!);
      // The graph says what it leaves out: the pairs past the cap, the neighbours drawn as namespaces.
      expect(await page.textContent('#view-note')).toMatch(/search-1: neighbours drawn as namespaces/);
      console.log(`dense 10,000 pods: interactive at ${times.map(Math.round).join(' ms, then ')} ms; the graph of search-1 (${graph.nodes} nodes, ${graph.edges} edges) laid out and drawn in ${Math.round(graph.last.layoutMs)} ms`);
      // A neighbour namespace opens from its node's panel.
      await page.evaluate(() => (window as any).netpolReport.focusNode((window as any).netpolReport.cy.nodes('[kind = "namespace-node"]')[0]));
      await page.click('#open-ns');
      await page.waitForFunction(() => (window as any).netpolReport.ready === true && (window as any).netpolReport.state.selection.length === 1 && (window as any).netpolReport.state.selection[0] !== 'search-1', undefined, { timeout: 60_000 });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 240_000);
});
