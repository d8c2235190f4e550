import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRevision } from '../../src/load/git-revision.js';
import { readGitRevision } from '../../src/load/git-source.js';

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [{name: c, image: x}]}\n`;

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-git-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'core.quotePath=true', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  git('add', '.');
  git('commit', '-qm', 'x');
  return dir;
}

describe('issue 18, item 2: names git would quote are read (ls-tree -z)', () => {
  it('non-ASCII names, quotes, backslashes and control characters', () => {
    const names = ['naïve.yaml', 'q"uote.yaml', 'back\\slash.yaml', 'tab\there.yaml', 'new\nline.yaml', 'plain.yaml'];
    const dir = repo(Object.fromEntries(names.map((n, i) => [n, pod(`p${i}`)])));
    const r = readGitRevision('git:HEAD', dir);
    expect(r.diagnostics).toEqual([]);
    expect(r.inputs.map((i) => i.file).sort()).toEqual(names.map((n) => `HEAD:${n}`).sort());
    expect(r.inputs.find((i) => i.file === 'HEAD:naïve.yaml')!.text).toBe(pod('p0'));
  });
});

describe('issue 18, item 3: git:REV from a subfolder reads that folder, not the root', () => {
  it('deploy.yaml in a subfolder is that file, not the root file of the same name', () => {
    const dir = repo({ 'deploy.yaml': pod('root'), 'sub/deploy.yaml': pod('sub'), 'sub/inner/x.yaml': pod('inner') });
    const whole = readGitRevision('git:HEAD', join(dir, 'sub'));
    expect(whole.inputs).toEqual([
      { file: 'HEAD:deploy.yaml', text: pod('sub') },
      { file: 'HEAD:inner/x.yaml', text: pod('inner') },
    ]);
    const one = readGitRevision('git:HEAD:deploy.yaml', join(dir, 'sub'));
    expect(one.inputs).toEqual([{ file: 'HEAD:deploy.yaml', text: pod('sub') }]);
    const folder = readGitRevision('git:HEAD:inner', join(dir, 'sub'));
    expect(folder.inputs.map((i) => i.text)).toEqual([pod('inner')]);
  });
});

describe('issue 18, item 4: a revision is never a git option', () => {
  it('git:--output=FILE is refused before git runs, and writes nothing', () => {
    const dir = repo({ 'a.yaml': pod('a') });
    const target = join(dir, 'written-by-git');
    for (const rev of [`--output=${target}`, '-p', '--exec=touch x']) {
      const r = readGitRevision(`git:${rev}`, dir);
      expect(r.inputs).toEqual([]);
      expect(r.diagnostics[0]!.message).toMatch(/starts with "-": refused/);
    }
    expect(existsSync(target)).toBe(false);
  });

  it('revisions with whitespace or control characters are refused; ordinary ones pass', () => {
    for (const bad of ['', 'HEAD\n--output=x', 'a b', 'x'.repeat(300), 'a\\b']) expect(checkRevision(bad)).toBeDefined();
    for (const good of ['HEAD', 'origin/main', 'HEAD~1', 'v1.2.3^{commit}', 'main@{1}', 'abc123']) expect(checkRevision(good)).toBeUndefined();
  });
});
