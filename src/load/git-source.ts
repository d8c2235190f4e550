import { execFileSync } from 'node:child_process';
import type { Diagnostic } from '../model/diagnostic.js';
import type { InputText } from './read-inputs.js';

const MANIFEST = /\.(ya?ml|json)$/i;

/**
 * The manifests of a git revision: `git:REV` (the whole tree) or `git:REV:PATH` (a folder or file
 * in it), read with `git ls-tree` and `git show` in the current checkout.
 */
export function readGitRevision(spec: string, cwd = process.cwd()): { inputs: InputText[]; diagnostics: Diagnostic[] } {
  const body = spec.replace(/^git:/, '');
  const colon = body.indexOf(':');
  const rev = colon >= 0 ? body.slice(0, colon) : body;
  const path = colon >= 0 ? body.slice(colon + 1).replace(/^\.?\/?/, '') : '';
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  let names: string[];
  try {
    names = git(['ls-tree', '-r', '--name-only', rev, '--', ...(path ? [path] : [])]).split('\n').filter((n) => MANIFEST.test(n));
  } catch (e) {
    const reason = ((e as { stderr?: string }).stderr ?? (e as Error).message).trim().split('\n')[0];
    return { inputs: [], diagnostics: [{ severity: 'error', code: 'unreadable-input', message: `cannot read git revision "${rev}": ${reason}`, source: { file: spec, doc: 0, line: 0, col: 0 } }] };
  }
  if (!names.length) {
    return { inputs: [], diagnostics: [{ severity: 'error', code: 'unreadable-input', message: `no *.yaml, *.yml or *.json file at ${rev}${path ? `:${path}` : ''}`, source: { file: spec, doc: 0, line: 0, col: 0 } }] };
  }
  return { inputs: names.map((n) => ({ file: `${rev}:${n}`, text: git(['show', `${rev}:${n}`]) })), diagnostics: [] };
}
