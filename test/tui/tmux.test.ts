import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runBinary } from '../helpers/run-cli.js';

/**
 * The real binary in a real terminal: tmux runs `netpol-check explore`, keys go in with
 * send-keys, the screen comes out with capture-pane. CI installs tmux (.ci/run); on a machine
 * without it this is skipped with a note, never in CI.
 */
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `netpol-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-t', session, '-p');

async function waitFor(text: string | RegExp, timeoutMs = 8000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last = screen();
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`screen never showed ${String(text)}; last screen:\n${last}`);
}

async function keys(...k: string[]) {
  for (const key of k) {
    tmux('send-keys', '-t', session, key);
    await new Promise((r) => setTimeout(r, 120));
  }
}

if (!hasTmux && !process.env.CI) console.log('tmux not installed: the explore end-to-end test is skipped here (CI runs it)');

describe.skipIf(!hasTmux && !process.env.CI)('netpol-check explore in tmux', () => {
  afterAll(() => {
    spawnSync('tmux', ['kill-session', '-t', session]);
  });

  it('explores the three-tier example with the keyboard, resizes, and quits', async () => {
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', ROOT, `TERM=xterm-256color node ${BIN} explore -f examples/three-tier; echo "exited with $?"; sleep 30`);
    let s = await waitFor('netpol-check · 3 ns · 5 workloads', 30_000); // start-up under a loaded CI machine
    expect(s).toContain('[in eg] api deploy');
    expect(s.split('\n').every((l) => l.length <= 80)).toBe(true);

    await keys('/', 'f', 'r', 'o', 'n', 't', 'Enter');
    s = await waitFor('filter: front');
    expect(s).toContain('› [in eg] frontend deploy');
    expect(s).not.toContain('coredns deploy');

    await keys('Enter', 'j', 'Enter');
    s = await waitFor('yes: shop/frontend[Deployment] can reach shop/api[Deployment] on TCP 9000');
    expect(s).toMatch(/✓ allowed by shop\/[a-z-]+ ingress rule 0/);

    await keys('Escape', 'Escape', 'Escape', 'Tab');
    s = await waitFor('NetworkPolicy shop/default-deny-all');
    expect(s).toContain('selects 3:');

    tmux('resize-window', '-t', session, '-x', '110', '-y', '30');
    s = await waitFor(/╰─{40,}╯╰─{50,}╯/);
    expect(s.split('\n').some((l) => l.length > 80)).toBe(true);

    await keys('?');
    await waitFor('direction: who it reaches ⇄ who reaches it');
    await keys('x', 'q');
    s = await waitFor('exited with 0');
  }, 60_000);
});

it('explore without a terminal says so and exits with 2, instead of hanging', () => {
  const r = runBinary(['explore', '-f', 'examples/three-tier'], '');
  expect(r.code).toBe(2);
  expect(r.err).toContain('netpol-check explore needs an interactive terminal');
});
