import { execFileSync } from 'node:child_process';
import type { Diagnostic } from '../model/diagnostic.js';
import { decodeText } from './decode-text.js';
import { MAX_INPUT_BYTES, mib } from './read-bounded.js';
import type { InputText } from './read-inputs.js';
import { checkRevision } from './git-revision.js';

const MANIFEST = /\.(ya?ml|json)$/i;

/** One `git ls-tree -r -l -z` record: `<mode> <type> <object> <size>\t<path>`. */
interface TreeEntry {
  type: string;
  object: string;
  size: number;
  path: string;
}

/** Parses NUL-separated `ls-tree -l -z` output: names are not quoted, whatever they hold. */
export function parseLsTree(out: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of out.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [, type = '', object = '', size = ''] = record.slice(0, tab).split(/ +/);
    entries.push({ type, object, size: Number(size), path: record.slice(tab + 1) });
  }
  return entries;
}

function problem(spec: string, message: string): Diagnostic {
  return { severity: 'error', code: 'unreadable-input', message, source: { file: spec, doc: 0, line: 0, col: 0 } };
}

/**
 * The manifests of a git revision: `git:REV` (the current folder's tree at REV, as `git
 * ls-tree` lists it from here) or `git:REV:PATH` (a folder or file in it, relative to the
 * current folder, as a pathspec is). Names are listed NUL-separated (`-z`), so names git would
 * quote (non-ASCII, `"`, `\`, control characters) are read too; blobs are read by their object
 * id, so a subfolder's `deploy.yaml` is that file, not the root's; the revision is checked
 * (`checkRevision`) and passed after `--end-of-options`; each blob obeys the one size limit.
 */
export function readGitRevision(spec: string, cwd = process.cwd(), limit = MAX_INPUT_BYTES): { inputs: InputText[]; diagnostics: Diagnostic[] } {
  const body = spec.replace(/^git:/, '');
  const colon = body.indexOf(':');
  const rev = colon >= 0 ? body.slice(0, colon) : body;
  const path = colon >= 0 ? body.slice(colon + 1) : '';
  const bad = checkRevision(rev);
  if (bad) return { inputs: [], diagnostics: [problem(spec, bad)] };
  const git = (args: string[], maxBuffer = 1 << 30) => execFileSync('git', args, { cwd, maxBuffer, stdio: ['ignore', 'pipe', 'pipe'] });
  let entries: TreeEntry[];
  try {
    const tree = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{tree}`]).toString('utf8').trim();
    // After --end-of-options, `--` would be a path: the tree and the path are both positionals.
    entries = parseLsTree(decodeText(git(['ls-tree', '-r', '-l', '-z', '--end-of-options', tree, ...(path && path !== '.' && path !== './' ? [path] : [])])));
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString('utf8').trim();
    const reason = stderr ? stderr.split('\n')[0] : 'no such revision';
    return { inputs: [], diagnostics: [problem(spec, `cannot read git revision "${rev}": ${reason}`)] };
  }
  const manifests = entries.filter((e) => e.type === 'blob' && MANIFEST.test(e.path));
  if (!manifests.length) return { inputs: [], diagnostics: [problem(spec, `no *.yaml, *.yml or *.json file at ${rev}${path ? `:${path}` : ''}`)] };
  const inputs: InputText[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const m of manifests) {
    const file = `${rev}:${m.path}`;
    if (m.size > limit) {
      diagnostics.push(problem(file, `git blob is ${mib(m.size)}, more than the ${mib(limit)} netpol-check reads; skipped`));
      continue;
    }
    try {
      inputs.push({ file, text: decodeText(git(['cat-file', 'blob', m.object], limit + 1)) });
    } catch (e) {
      diagnostics.push(problem(file, `cannot read git blob: ${(e as Error).message.split('\n')[0]}`));
    }
  }
  return { inputs, diagnostics };
}
