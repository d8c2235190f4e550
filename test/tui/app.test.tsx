import { render } from 'ink-testing-library';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  const loaded = loadSnapshot([example.startsWith('/') ? example : join(ROOT, 'examples', example)]);
  const model = new ExploreModel(loaded.snapshot, computeMatrix(loaded.snapshot), runLint(loaded.snapshot, loaded.diagnostics));
  const app = render(<App model={model} size={size} />);
  const frame = () => app.lastFrame() ?? '';
  let ready = false;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  /**
   * Types keys one by one, letting React and ink settle after each: until the frame changes (or a
   * while passes, for a key that changes nothing). Two keys that reach ink in one read are one
   * input to it ("jj", or escape then a key: Alt+key), so on a loaded machine a fixed pause is
   * not enough.
   */
  const press = async (...keys: string[]) => {
    if (!ready) await sleep(40); // ink starts reading input after the first render
    ready = true;
    for (const k of keys) {
      const before = frame();
      app.stdin.write(k);
      await sleep(40);
      for (const until = Date.now() + 400; frame() === before && Date.now() < until; ) await sleep(20);
    }
  };
  return { app, frame, press, model };
}

const KEY = { down: '\u001B[B', up: '\u001B[A', enter: '\r', esc: '\u001B', tab: '\t', backspace: '\u007F', pageDown: '\u001B[6~', pageUp: '\u001B[5~' };
/** The frame without ink's styling escapes. */
const plain = (f: string) => f.replace(/\u001B\[[0-9;]*m/g, '');
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
    await expect.poll(frame).toContain('netpol-check · 3 ns');
    const f = frame();
    expect(f).toContain('netpol-check · 3 ns · 5 workloads · 5 policies · 3 isolated · 8 open pairs');
    expect(f).toMatch(/│ingress-nginx\s+│/);
    expect(f).toContain('[in eg] api deploy');
    expect(f).toContain('[-- --] coredns deploy');
    expect(f).toContain('↑↓/jk move · enter peers · a all · d direction · / filter · q quit · ? help');
    for (const line of f.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(f.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('selects a source and shows what it reaches, then who reaches it', async () => {
    const { frame, press, app } = explore('three-tier');
    cleanup = () => app.unmount();
    await press('j', 'j');
    await expect.poll(frame).toContain('› [in eg] api deploy');
    await expect.poll(frame).toContain('shop/api[Deployment]');
    await expect.poll(frame).toContain('reaches 3 · a: all · d: who reaches it');
    await expect.poll(frame).toContain('→ db[StatefulSet]  TCP 5432');
    await press('d');
    await expect.poll(frame).toContain('is reached by 1 · a: all · d: whom it reaches');
    await expect.poll(frame).toContain('← frontend[Deployment]  TCP 9000');
  });

  it('filters by typing (fuzzy, on names and labels), keeps or clears the filter', async () => {
    const { frame, press, app } = explore('three-tier');
    cleanup = () => app.unmount();
    await press('/', 'd', 'b');
    await expect.poll(frame).toContain('/db');
    await expect.poll(frame).toContain('[in eg] db sts');
    expect(frame()).not.toContain('coredns deploy');
    await press(KEY.enter);
    await expect.poll(frame).toContain('filter: db');
    await press(KEY.esc);
    await expect.poll(frame).toContain('coredns deploy');
    await press('/', 'z', 'z', 'z');
    await expect.poll(frame).toContain('nothing matches "zzz"');
    await press(KEY.backspace, KEY.backspace, KEY.backspace, 't', 'i', 'e', 'r', '=', 'b', 'a', 'c', 'k');
    await expect.poll(frame).toContain('[in eg] api deploy'); // by its label tier=backend
    expect(frame()).not.toContain('frontend deploy');
  });

  it('opens the explanation of a pair — the one can prints — and goes back', async () => {
    const { frame, press, app } = explore('three-tier');
    cleanup = () => app.unmount();
    await press('j', 'j', 'j', 'j', KEY.enter, 'j');
    await expect.poll(frame).toContain('› → api[Deployment]  TCP 9000');
    await press(KEY.enter);
    await expect.poll(frame).toContain('yes: shop/frontend');
    const f = frame();
    expect(f).toContain('yes: shop/frontend[Deployment] can reach shop/api[Deployment] on TCP 9000');
    expect(f).toMatch(/✓ allowed by shop\/[a-z-]+ ingress rule 0/);
    expect(f).toContain('↑↓ scroll · PgUp PgDn page · esc back');
    await press(KEY.esc);
    await expect.poll(frame).toContain('› → api[Deployment]  TCP 9000');
    await press(KEY.esc);
    await expect.poll(frame).toContain('› [in eg] frontend deploy');
  });

  it('switches to the policy view: what a policy selects and allows', async () => {
    const { frame, press, app } = explore('three-tier');
    cleanup = () => app.unmount();
    await press(KEY.tab);
    await expect.poll(frame).toMatch(/ Policies /);
    await expect.poll(frame).toContain('NetworkPolicy shop/default-deny-all');
    await expect.poll(frame).toContain('ingress: nothing allowed (default deny)');
    await expect.poll(frame).toContain('selects 3:');
    await press('j');
    await expect.poll(frame).toContain('NetworkPolicy shop/allow-dns');
  });

  it('marks lint findings next to the objects they concern', async () => {
    const { frame, press, app, model } = explore('lint-mistakes');
    cleanup = () => app.unmount();
    const flagged = model.entries.find((e) => e.findings.length)!;
    expect(flagged).toBeDefined();
    await expect.poll(frame).toMatch(/!\d+ /);
    const index = model.entries.indexOf(flagged);
    await press(...Array.from({ length: index }, () => 'j'));
    await expect.poll(frame).toContain(`! ${flagged.findings[0]!.ruleId}:`);
  });

  it('shows help, and quits on q', async () => {
    const { frame, press, app } = explore('three-tier');
    await press('?');
    await expect.poll(frame).toContain('direction: who it reaches ⇄ who reaches it');
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

describe('explore: wrapping, scrolling, why not, YAML', () => {
  it('wraps an explanation longer than the pane instead of cutting it, and scrolls it a page at a time', async () => {
    const { frame, press, app } = explore('three-tier');
    cleanup = () => app.unmount();
    await press('j', 'j', 'j', 'j', KEY.enter, 'a', 'j', 'j', 'j', KEY.enter); // frontend → db: denied, a long explanation
    let f = plain(frame());
    for (const line of f.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(f).not.toContain('…');
    expect(f).toContain('kubernetes.io/metadata.name=kube-system, has'); // the middle of a 242-character line
    expect(f).toMatch(/lines 1–\d+ of \d+/);
    await press(KEY.pageDown);
    f = plain(frame());
    expect(f).toMatch(/lines \d+–(\d+) of \1/); // the end
    expect(f).toMatch(/ingress of shop\/db\[StatefulSet\]: isolated by shop\/default-deny-all/);
    expect(f).toMatch(/needs app=api, has\s+│\s*│\s+app=frontend\s+│/); // the last line's end, wrapped onto the screen
    await press(KEY.pageUp);
    expect(plain(frame())).toContain('no: shop/frontend[Deployment] cannot reach shop/db[StatefulSet] on any port');
  });

  it('a lists every workload as a peer, the denied ones marked ✗, and enter on one says why not', async () => {
    const { frame, press, app } = explore('three-tier');
    cleanup = () => app.unmount();
    await press('j', 'j', 'j', 'j', KEY.enter);
    await expect.poll(frame).toContain('reaches 2 · a: all');
    expect(frame()).not.toContain('db[StatefulSet]');
    await press('a');
    let f = frame();
    expect(f).toContain('reaches 2 of 4 · a: reached only');
    expect(f).toContain('✗ db[StatefulSet]  no');
    expect(f).toContain('→ api[Deployment]  TCP 9000');
    expect(f).toContain('enter why · a reached');
    await press('j', 'j', 'j', KEY.enter);
    f = plain(frame());
    expect(f).toContain('no: shop/frontend[Deployment] cannot reach shop/db[StatefulSet] on any port');
    expect(f).toMatch(/egress of shop\/frontend\[Deployment\]: isolated by shop\/default-deny-all/);
    expect(f).toContain('✗ denied: no rule allows it');
    await press(KEY.esc, 'a');
    await expect.poll(frame).toContain('reaches 2 · a: all');
  });

  it('enter on a policy scrolls its details; y shows its YAML as read and back', async () => {
    const { frame, press, app } = explore('three-tier', { width: 80, height: 12 });
    cleanup = () => app.unmount();
    await press(KEY.tab, 'j', 'j');
    await expect.poll(frame).toContain('NetworkPolicy shop/frontend');
    await expect.poll(frame).toContain('enter scrolls');
    await press(KEY.enter);
    await expect.poll(frame).toContain('↑↓ scroll · PgUp PgDn page · y yaml · esc back');
    await press(KEY.pageDown);
    let f = plain(frame());
    expect(f).not.toContain('NetworkPolicy shop/frontend');
    expect(f).toMatch(/lines \d+–(\d+) of \1/);
    expect(f).toContain('shop/frontend[Deployment]'); // what it selects, below the first screen
    await press('y');
    f = plain(frame());
    expect(f).toContain('NetworkPolicy shop/frontend · YAML as read');
    expect(f).toContain('apiVersion: networking.k8s.io/v1');
    expect(f).toContain('↑↓ scroll · PgUp PgDn page · y summary · esc back');
    await press(KEY.esc, 'j');
    expect(plain(frame())).toContain('NetworkPolicy shop/api · YAML as read');
    await press('y');
    expect(plain(frame())).toContain('Ingress+Egress · selects app=api');
  });

  it('shows what a hostile manifest holds as visible escapes, never as terminal controls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'explore-hostile-'));
    try {
      writeFileSync(
        join(dir, 'policy.yaml'),
        [
          'apiVersion: networking.k8s.io/v1',
          'kind: NetworkPolicy',
          'metadata:',
          '  name: evil',
          '  namespace: default',
          '  annotations:',
          '    note: "\\e[2J\\e]0;pwned\\a clear"',
          '    bidi: "abc\\u202edef"',
          '    tab: "a\\tb"',
          'spec:',
          '  podSelector: {}',
          '---',
          'apiVersion: v1',
          'kind: Pod',
          'metadata: { name: web, namespace: default, labels: { app: web } }',
          'spec: { containers: [{ name: c, image: nginx }] }',
          '',
        ].join('\n'),
      );
      const { frame, press, app } = explore(dir);
      cleanup = () => app.unmount();
      await press(KEY.tab, 'y');
      await expect.poll(frame).toContain('note: ');
      const f = frame();
      // The YAML writer escapes some characters itself (\e, \a), the terminal escaping the rest.
      expect(f).toContain('note: "\\e[2J\\e]0;pwned\\a clear"');
      expect(f).toContain('bidi: abc\\u202edef');
      expect(f).toContain('tab: a\\x09b');
      for (const raw of ['\u001B[2J', '\u0007', '\u202E', '\t']) expect(f).not.toContain(raw);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when the manifest changed since it was read, instead of showing another object', () => {
    const loaded = loadSnapshot([join(ROOT, 'examples', 'three-tier')]);
    const model = new ExploreModel(loaded.snapshot, computeMatrix(loaded.snapshot), [], 'workload', () => 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: other }\n');
    const [line] = model.manifest(model.policies[0]!);
    expect(line).toMatch(/no longer holds NetworkPolicy default-deny-all in its document 1; it changed since explore started/);
    const gone = new ExploreModel(loaded.snapshot, computeMatrix(loaded.snapshot), [], 'workload', () => {
      throw Object.assign(new Error('gone'), { code: 'ENOENT' });
    });
    expect(gone.manifest(gone.policies[0]!)[0]).toMatch(/cannot be read again: ENOENT/);
  });

  it('reads a file again once for all the policies it holds (a dump has thousands)', async () => {
    const { readFileSync } = await import('node:fs');
    const loaded = loadSnapshot([join(ROOT, 'examples', 'three-tier')]);
    const reads: string[] = [];
    const model = new ExploreModel(loaded.snapshot, computeMatrix(loaded.snapshot), [], 'workload', (file) => {
      reads.push(file);
      return readFileSync(file, 'utf8');
    });
    const names = model.policies.map((p) => model.manifest(p).find((l) => l.startsWith('  name: ')));
    expect(names).toEqual(model.policies.map((p) => `  name: ${p.label.split('/')[1]}`));
    expect(new Set(reads).size).toBe(reads.length);
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
