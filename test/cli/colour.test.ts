import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourWanted } from '../../cli/colour.js';
import { paintCan, paintLint, paintVerify } from '../../cli/paint.js';
import { BIN, ROOT } from '../helpers/run-cli.js';

/** Issue 20: colour where a person reads (a terminal), honouring NO_COLOR and FORCE_COLOR. */
const ESC = '\u001b';
const T = ['-f', 'examples/three-tier'];

function run(argv: string[], env: Record<string, string>): { code: number; out: string } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['NO_COLOR', 'FORCE_COLOR', 'TERM'].includes(k)));
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8', env: { ...clean, ...env } });
  return { code: r.status ?? -1, out: r.stdout };
}

describe('when to colour', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { NO_COLOR: '1', FORCE_COLOR: '1' }, true],
    [true, { TERM: 'dumb' }, false],
  ] as const)('tty %s, env %j: %s', (tty, env, want) => {
    expect(colourWanted(tty, env)).toBe(want);
  });
});

describe('what is coloured', () => {
  it('can: the verdict and the pair marks', () => {
    expect(paintCan('yes: a can reach b\n    ✗ a → b\n  egress: no rule')).toBe(`${ESC}[32myes${ESC}[39m: a can reach b\n    ${ESC}[31m✗${ESC}[39m a → b\n  egress: no rule`);
  });

  it('verify: PASS and FAIL', () => {
    expect(paintVerify('PASS x (f:1:1)\nFAIL y (f:2:1)\n  PASS inside')).toBe(`${ESC}[32mPASS${ESC}[39m x (f:1:1)\n${ESC}[31mFAIL${ESC}[39m y (f:2:1)\n  PASS inside`);
  });

  it('lint: the severity after the position, once per line', () => {
    expect(paintLint('a.yaml:1:2: warning: NetworkPolicy x: says error: no')).toBe(`a.yaml:1:2: ${ESC}[33mwarning${ESC}[39m: NetworkPolicy x: says error: no`);
  });
});

describe('the binary', () => {
  it.each([
    [['can', 'api', 'reach', 'db', ...T], `${ESC}[32myes${ESC}[39m: `],
    [['can', 'frontend', 'reach', 'db', ...T], `${ESC}[31mno${ESC}[39m: `],
    [['lint', '-f', 'examples/lint-mistakes'], `: ${ESC}[33mwarning${ESC}[39m: `],
    [['verify', 'examples/three-tier/expectations.yaml', ...T], `${ESC}[32mPASS${ESC}[39m `],
  ])('%j with FORCE_COLOR=1 is coloured; piped without it, or with NO_COLOR, it is not', (argv, coloured) => {
    expect(run(argv, { FORCE_COLOR: '1' }).out).toContain(coloured);
    expect(run(argv, {}).out).not.toContain(ESC);
    expect(run(argv, { NO_COLOR: '1' }).out).not.toContain(ESC);
  });

  it.each([
    [['can', 'api', 'reach', 'db', ...T, '-o', 'json']],
    [['lint', '-f', 'examples/lint-mistakes', '-o', 'sarif']],
    [['lint', '-f', 'examples/lint-mistakes', '-o', 'json']],
    [['matrix', ...T, '-o', 'csv']],
    [['verify', 'examples/three-tier/expectations.yaml', ...T, '-o', 'json']],
  ])('%j is never coloured, even with FORCE_COLOR=1', (argv) => {
    expect(run(argv, { FORCE_COLOR: '1' }).out).not.toContain(ESC);
  });

  it('a file written with --output-file is never coloured', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-colour-'));
    run(['can', 'api', 'reach', 'db', ...T, '--output-file', join(dir, 'a.txt')], { FORCE_COLOR: '1' });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).not.toContain(ESC);
  });

  it('text from the input is still escaped: only the painter\'s own sequences reach the terminal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-colour-'));
    const file = join(dir, 'expect.yaml');
    writeFileSync(file, `apiVersion: netpol-check.dev/v1\nkind: Expectations\nexpectations:\n  - name: "evil \\e[31m red \\e]0;title\\a"\n    from: frontend\n    to: api:9000\n    expect: allow\n`);
    const r = run(['verify', file, ...T], { FORCE_COLOR: '1' });
    expect(r.out).toContain(`${ESC}[32mPASS${ESC}[39m evil`);
    const sequences = r.out.match(/\u001b\[[0-9;]*m/g) ?? [];
    expect(sequences.every((s) => [`${ESC}[32m`, `${ESC}[31m`, `${ESC}[33m`, `${ESC}[39m`].includes(s))).toBe(true);
    expect(r.out.split(ESC).length - 1).toBe(sequences.length);
    expect(r.out).not.toContain(`${ESC}]0;`);
  });
});
