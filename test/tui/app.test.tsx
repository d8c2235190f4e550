import { render } from 'ink-testing-library';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../cli/tui/App.js';
import { ExploreModel } from '../../cli/tui/model.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { runLint } from '../../src/lint/run-lint.js';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import { ROOT } from '../helpers/run-cli.js';

/** The explorer driven by keystrokes, frame by frame (ink-testing-library), at 80×24. */
function explore(example: string, size = { width: 80, height: 24 }) {
  const loaded = loadSnapshot([join(ROOT, 'examples', example)]);
  const model = new ExploreModel(loaded.snapshot, computeMatrix(loaded.snapshot), runLint(loaded.snapshot, loaded.diagnostics));
  const app = render(<App model={model} size={size} />);
  const frame = () => app.lastFrame() ?? '';
  let ready = false;
  /** Types keys one by one, letting React and ink settle after each. */
  const press = async (...keys: string[]) => {
    if (!ready) await new Promise((r) => setTimeout(r, 40)); // ink starts reading input after the first render
    ready = true;
    for (const k of keys) {
      app.stdin.write(k);
      await new Promise((r) => setTimeout(r, 40));
    }
  };
  return { app, frame, press, model };
}

const KEY = { down: '\u001B[B', up: '\u001B[A', enter: '\r', esc: '\u001B', tab: '\t', backspace: '\u007F' };
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('netpol-check explore', () => {
  it('a notice line tops the header when the answers leave something out, and the screen still fits', async () => {
    const loaded = loadSnapshot([join(ROOT, 'examples', 'three-tier')]);
    const model = new ExploreModel(loaded.snapshot, computeMatrix(loaded.snapshot), []);
    const app = render(<App model={model} size={{ width: 80, height: 24 }} notice="NOT EVALUATED: 1 plugin or operator object" />);
    cleanup = () => app.unmount();
    await new Promise((r) => setTimeout(r, 20));
    const lines = (app.lastFrame() ?? '').split('\n');
    expect(lines[0]).toBe('NOT EVALUATED: 1 plugin or operator object');
    expect(lines[1]).toContain('netpol-check · 3 ns');
    expect(lines.length).toBeLessThanOrEqual(24);
  });

  it('opens on a header with counts, workloads grouped by namespace with badges, and a footer of keys', async () => {
    const { frame, app } = explore('three-tier');
    cleanup = () => app.unmount();
    await new Promise((r) => setTimeout(r, 20));
    const f = frame();
    expect(f).toContain('netpol-check · 3 ns · 5 workloads · 5 policies · 3 isolated · 8 open pairs');
    expect(f).toMatch(/│ingress-nginx\s+│/);
    expect(f).toContain('[in eg] api deploy');
    expect(f).toContain('[-- --] coredns deploy');
    expect(f).toContain('↑↓/jk move · enter peers · d direction · tab view · / filter · q quit · ? help');
    for (const line of f.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(f.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('selects a source and shows what it reaches, then who reaches it', async () => {
    const { frame, press, app } = explore('three-tier');
    cleanup = () => app.unmount();
    await press('j', 'j');
    expect(frame()).toContain('› [in eg] api deploy');
    expect(frame()).toContain('shop/api[Deployment]');
    expect(frame()).toContain('reaches 3 · d: who reaches it');
    expect(frame()).toContain('→ db[StatefulSet]  TCP 5432');
    await press('d');
    expect(frame()).toContain('is reached by 1 · d: whom it reaches');
    expect(frame()).toContain('← frontend[Deployment]  TCP 9000');
  });

  it('filters by typing (fuzzy, on names and labels), keeps or clears the filter', async () => {
    const { frame, press, app } = explore('three-tier');
    cleanup = () => app.unmount();
    await press('/', 'd', 'b');
    expect(frame()).toContain('/db');
    expect(frame()).toContain('[in eg] db sts');
    expect(frame()).not.toContain('coredns deploy');
    await press(KEY.enter);
    expect(frame()).toContain('filter: db');
    await press(KEY.esc);
    expect(frame()).toContain('coredns deploy');
    await press('/', 'z', 'z', 'z');
    expect(frame()).toContain('nothing matches "zzz"');
    await press(KEY.backspace, KEY.backspace, KEY.backspace, 't', 'i', 'e', 'r', '=', 'b', 'a', 'c', 'k');
    expect(frame()).toContain('[in eg] api deploy'); // by its label tier=backend
    expect(frame()).not.toContain('frontend deploy');
  });

  it('opens the explanation of a pair — the one can prints — and goes back', async () => {
    const { frame, press, app } = explore('three-tier');
    cleanup = () => app.unmount();
    await press('j', 'j', 'j', 'j', KEY.enter, 'j');
    expect(frame()).toContain('› → api[Deployment]  TCP 9000');
    await press(KEY.enter);
    const f = frame();
    expect(f).toContain('yes: shop/frontend[Deployment] can reach shop/api[Deployment] on TCP 9000');
    expect(f).toMatch(/✓ allowed by shop\/[a-z-]+ ingress rule 0/);
    expect(f).toContain('↑↓ scroll · esc back');
    await press(KEY.esc);
    expect(frame()).toContain('› → api[Deployment]  TCP 9000');
    await press(KEY.esc);
    expect(frame()).toContain('› [in eg] frontend deploy');
  });

  it('switches to the policy view: what a policy selects and allows', async () => {
    const { frame, press, app } = explore('three-tier');
    cleanup = () => app.unmount();
    await press(KEY.tab);
    expect(frame()).toMatch(/ Policies /);
    expect(frame()).toContain('NetworkPolicy shop/default-deny-all');
    expect(frame()).toContain('ingress: nothing allowed (default deny)');
    expect(frame()).toContain('selects 3:');
    await press('j');
    expect(frame()).toContain('NetworkPolicy shop/allow-dns');
  });

  it('marks lint findings next to the objects they concern', async () => {
    const { frame, press, app, model } = explore('lint-mistakes');
    cleanup = () => app.unmount();
    const flagged = model.entries.find((e) => e.findings.length)!;
    expect(flagged).toBeDefined();
    expect(frame()).toMatch(/!\d+ /);
    const index = model.entries.indexOf(flagged);
    await press(...Array.from({ length: index }, () => 'j'));
    expect(frame()).toContain(`! ${flagged.findings[0]!.ruleId}:`);
  });

  it('shows help, and quits on q', async () => {
    const { frame, press, app } = explore('three-tier');
    await press('?');
    expect(frame()).toContain('direction: who it reaches ⇄ who reaches it');
    await press('x');
    expect(frame()).not.toContain('this help (any key closes it)');
    await press('q');
    const after = frame();
    await press('j', 'j'); // unmounted: keys change nothing any more
    expect(frame()).toBe(after);
  });

  it('stays within a small terminal, and virtualises long lists', async () => {
    const { frame, press, app } = explore('multi-namespace', { width: 60, height: 12 });
    cleanup = () => app.unmount();
    await press('j', 'j', 'j', 'j', 'j', 'j', 'j', 'j');
    const f = frame();
    for (const line of f.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(f.split('\n').length).toBeLessThanOrEqual(12);
  });
});

describe('the README screen capture', () => {
  it('is what explore shows on examples/three-tier at 80×24 after selecting the API', async () => {
    const { readFileSync } = await import('node:fs');
    const { frame, press, app } = explore('three-tier');
    cleanup = () => app.unmount();
    await press('j', 'j');
    const screen = frame().replace(/\u001B\[[0-9;]*m/g, '').replace(/[ \t]+$/gm, '');
    if (process.env.UPDATE_FIXTURES) console.log(screen);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`\`\`\`\n${screen}\n\`\`\``);
  });
});
