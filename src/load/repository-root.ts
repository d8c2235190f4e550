import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';

/**
 * The root of the git repository around `cwd` (`git rev-parse --show-toplevel`), or `cwd`
 * itself outside a repository or without git; as a real path, as git gives it.
 */
export function repositoryRoot(cwd = process.cwd()): string {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' }).trim();
    if (top) return top;
  } catch {
    // not a repository, or no git
  }
  return realpathSync(cwd);
}
