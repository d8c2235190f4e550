import { describe, expect, it } from 'vitest';
import { clearProgress, progressFor, TerminalProgress } from '../../cli/progress.js';
import { run } from '../../cli/run.js';

/** Issue 19: progress on stderr for any step over about a second, at a terminal only. */
describe('TerminalProgress', () => {
  const clocked = () => {
    let now = 0;
    const written: string[] = [];
    const p = new TerminalProgress((raw) => written.push(raw), () => now);
    return { p, written, at: (ms: number) => (now = ms) };
  };

  it('says nothing during the first second', () => {
    const { p, written, at } = clocked();
    at(999);
    p.tick('reading manifests', 10, 100);
    p.clear();
    expect(written).toEqual([]);
  });

  it('then draws one line, at most ten times a second, and erases it', () => {
    const { p, written, at } = clocked();
    at(1000);
    p.tick('computing connectivity', 512, 2048);
    at(1050);
    p.tick('computing connectivity', 600, 2048); // too soon: not drawn
    at(1100);
    p.tick('computing connectivity', 2048, 2048);
    p.clear();
    p.clear(); // once erased, nothing more
    expect(written).toEqual(['\rcomputing connectivity… 25%\x1b[K', '\rcomputing connectivity… 100%\x1b[K', '\r\x1b[K']);
  });

  it('is off when stderr is not a terminal (no statusLine), and the CLI prints no status line then', async () => {
    expect(progressFor({})).toBeUndefined();
    expect(() => clearProgress({})).not.toThrow();
    const err: string[] = [];
    const code = await run(['matrix', '-f', 'examples/three-tier'], { out: () => {}, err: (t) => err.push(t), readStdin: () => '', writeFile: () => {}, isTTY: false });
    expect(code).toBe(0);
    expect(err.join('')).not.toMatch(/\r|\x1b/);
  });

  it('a command at a terminal erases what it drew before printing (one reporter per command)', async () => {
    const raw: string[] = [];
    const out: string[] = [];
    const code = await run(['matrix', '-f', 'examples/three-tier'], { out: (t) => out.push(`${raw.length}`), err: () => {}, readStdin: () => '', writeFile: () => {}, isTTY: true, statusLine: (t) => raw.push(t) });
    expect(code).toBe(0);
    // examples/three-tier takes well under a second: nothing drawn, nothing to erase.
    expect(raw).toEqual([]);
    expect(out.length).toBeGreaterThan(0);
  });
});
