import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../bench/child.js';
import { outputPhaseMs } from '../../bench/formats-bench.js';
import { ROOT, runBinary } from '../helpers/run-cli.js';

// The built scripts (npm test builds first). None of these runs a benchmark.
const SCRIPTS = ['run', 'generate', 'generate-dense', 'measure', 'plain-write', 'matrix-phases'];
const script = (name: string, args: string[]) => spawnSync(process.execPath, [resolve(ROOT, 'dist/bench', `${name}.js`), ...args], { encoding: 'utf8', timeout: 20_000 });

describe('benchmark scripts', () => {
  it.each(SCRIPTS)('%s refuses an unknown flag with exit 2, a message and the usage', (name) => {
    const r = script(name, ['--no-such-flag']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("Unknown option '--no-such-flag'");
    expect(r.stderr).toContain('Usage:');
  });

  it.each(SCRIPTS)('%s --help prints the usage and exits 0 without running', (name) => {
    const r = script(name, ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage:/);
    expect(r.stderr).toBe('');
  });

  it('run refuses a positional argument, a bad size and an unknown part with exit 2', () => {
    for (const args of [['quick'], ['--sizes', '2x'], ['--parts', 'engine,nope'], ['--timeout', '-1']]) {
      const r = script('run', args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage:');
    }
  });

  it('matrix-phases runs a command as the CLI does (the same output and exit code) and writes the time of its output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'npc-phases-'));
    try {
      const timings = join(dir, 't.json');
      const argv = ['matrix', '-f', 'examples/three-tier', '-o', 'csv'];
      const r = spawnSync(process.execPath, [resolve(ROOT, 'dist/bench/matrix-phases.js'), '--timings', timings, '--', ...argv], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
      const cli = runBinary(argv);
      expect(r.stdout).toBe(cli.out);
      expect(r.status).toBe(cli.code);
      const t = JSON.parse(readFileSync(timings, 'utf8')) as { outputMs: number; totalMs: number; outputStartMs: number };
      expect(t.outputMs).toBeGreaterThan(0);
      expect(t.totalMs).toBeGreaterThan(t.outputMs);
      // The output's start, from the process's start: before the end, after the load.
      expect(t.outputStartMs).toBeGreaterThan(0);
      expect(t.outputStartMs + t.outputMs).toBeLessThanOrEqual(t.totalMs + 1000);
      expect(script('matrix-phases', ['--timings', timings]).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['ended: as timed', { outputMs: 800, totalMs: 2000, outputStartMs: 1100 }, { ok: true, ms: 2100 }, 800],
    ['cut: from the first chunk to the kill', { outputStartMs: 1100 }, { ok: false, cut: true, ms: 5100 }, 4000],
    ['cut before its output began: none', {}, { ok: false, cut: true, ms: 5100 }, undefined],
    ['failed: none', { outputStartMs: 1100 }, { ok: false, ms: 300_000 }, undefined],
  ] as const)('the output phase of a case that %s', (_what, timings, result, expected) => {
    expect(outputPhaseMs(timings, result)).toBe(expected);
  });

  it('plain-write holds its first write until --start-at, writes every byte, and times the writing alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'npc-plain-'));
    try {
      const sink = join(dir, 'out');
      const timings = join(dir, 't.json');
      const t0 = performance.now();
      const r = spawnSync('sh', ['-c', `exec "$0" "$1" --bytes 200000 --chunk 4096 --start-at 800 --timings "$2" > "$3"`, process.execPath, resolve(ROOT, 'dist/bench/plain-write.js'), timings, sink], { encoding: 'utf8', timeout: 20_000 });
      const wall = performance.now() - t0;
      expect(r.status, r.stderr).toBe(0);
      expect(statSync(sink).size).toBe(200000);
      expect(wall).toBeGreaterThanOrEqual(800);
      const { writeMs } = JSON.parse(readFileSync(timings, 'utf8')) as { writeMs: number };
      expect(writeMs).toBeGreaterThanOrEqual(0);
      expect(writeMs).toBeLessThan(wall - 800);
      expect(script('plain-write', ['--start-at', '5']).status).toBe(2); // --bytes is required
      expect(script('plain-write', ['--bytes', '10', '--start-at', '-1']).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a case whose output passes the budget is stopped there and marked cut, with its figures up to then; one under it is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'npc-budget-'));
    try {
      const plain = resolve(ROOT, 'dist/bench/plain-write.js');
      const sink = join(dir, 'out');
      // 50 GB would take minutes: the budget of 1 MB stops it at the first check (twice a second).
      const cut = await runNode([plain, '--bytes', String(50e9)], { stdoutFile: sink, timeoutMs: 20_000, maxOutputBytes: 1e6 });
      expect(cut).toMatchObject({ ok: false, cut: true });
      expect(cut.error).toMatch(/output budget/);
      expect(statSync(sink).size).toBeGreaterThan(1e6);
      expect(statSync(sink).size).toBeLessThan(50e9);
      const whole = await runNode([plain, '--bytes', '1000'], { stdoutFile: sink, timeoutMs: 20_000, maxOutputBytes: 1e6 });
      expect(whole.ok).toBe(true);
      expect(whole.cut).toBeUndefined();
      expect(statSync(sink).size).toBe(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stopped by a signal, the benchmark kills the case it is running and removes its temporary folder', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'npc-stop-'));
    try {
      // TMPDIR: the benchmark's folder goes here, where the test can look. 2,000 bare pods as JSON
      // write about 1 GB: long enough to be stopped in the middle.
      const bench = spawn(process.execPath, [resolve(ROOT, 'dist/bench/run.js'), '--parts', 'formats', '--sizes', '2k', '--owners', 'none', '--formats', 'json', '--out', join(tmp, 'results')], { env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      bench.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      const closed = new Promise<number | null>((done) => bench.on('close', (code) => done(code)));
      // Its folder, and GNU time's files beside it (netpol-check-bench-PID-N.rss).
      const ours = (): string[] => readdirSync(tmp).filter((n) => n.startsWith('netpol-check-bench-'));
      const benchDir = (): string | undefined => ours().find((n) => !n.endsWith('.rss'));
      const writing = (): boolean => {
        const d = benchDir();
        return d !== undefined && existsSync(join(tmp, d, 'out.json')) && statSync(join(tmp, d, 'out.json')).size > 0;
      };
      for (let waited = 0; !writing(); waited += 50) {
        if (waited > 30_000) throw new Error(`the case did not start: ${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      bench.kill('SIGTERM');
      expect(await closed).toBe(143);
      expect(ours()).toEqual([]);
      // Nothing left running that was given a file of that folder.
      await new Promise((r) => setTimeout(r, 200));
      const left = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(tmp);
        } catch {
          return false;
        }
      });
      expect(left).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});
