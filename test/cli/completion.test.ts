import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../cli/specs/index.js';
import { runCli } from '../helpers/run-cli.js';

/** Issue 20: shell completion made from the same option tables as the help pages. */
const has = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

async function script(shell: string): Promise<string> {
  const r = await runCli(['completion', shell]);
  expect(r.code).toBe(0);
  return r.out;
}

function saved(text: string, name: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'netpol-completion-')), name);
  writeFileSync(file, text);
  return file;
}

/** Runs the bash completion function on a command line typed so far; the words it offers. */
function bashOffers(file: string, words: string[]): string[] {
  const line = words.map((w) => `'${w}'`).join(' ');
  const r = spawnSync('bash', ['-c', `source '${file}'; COMP_WORDS=(${line}); COMP_CWORD=${words.length - 1}; _netpol_check; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('netpol-check completion bash|zsh|fish', () => {
  it('bash: the script is valid (bash -n) and lists every command and every flag of each', async () => {
    const text = await script('bash');
    const file = saved(text, 'netpol-check.bash');
    const check = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    for (const spec of COMMAND_SPECS) {
      expect(text).toContain(`    ${spec.name})`);
      for (const o of spec.options) expect(text).toContain(`--${o.name}`);
    }
  });

  it('bash: completes commands, a command\'s flags and a flag\'s values', async () => {
    const file = saved(await script('bash'), 'netpol-check.bash');
    expect(bashOffers(file, ['netpol-check', 'ma'])).toEqual(['matrix']);
    expect(bashOffers(file, ['netpol-check', 'matrix', '--lev'])).toEqual(['--level']);
    expect(bashOffers(file, ['netpol-check', 'matrix', '-o', 'g'])).toEqual(['gexf', 'graphml']);
    expect(bashOffers(file, ['netpol-check', 'lint', '--fail-on', ''])).toEqual(['error', 'warning', 'info']);
    expect(bashOffers(file, ['netpol-check', 'can', '--sel'])).toEqual([]);
    expect(bashOffers(file, ['netpol-check', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it.each([['zsh', ['-n']], ['fish', ['--no-execute']]])('%s: the script is valid where the shell is installed, and lists the commands and flags', async (shell, check) => {
    const text = await script(shell);
    for (const spec of COMMAND_SPECS) {
      expect(text).toContain(spec.name);
      for (const o of spec.options) expect(text).toMatch(new RegExp(`(--|-l )${o.name}\\b`));
    }
    if (!has(shell)) return;
    const r = spawnSync(shell, [...check, saved(text, `netpol-check.${shell}`)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each([[[]], [['tcsh']], [['bash', 'zsh']]])('completion %j is refused', async (args) => {
    const r = await runCli(['completion', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('completion takes one shell: bash, zsh, fish');
  });
});
