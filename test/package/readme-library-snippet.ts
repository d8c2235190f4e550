import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

/** The README's "Library API" example (a ```js block) and the output it shows under "prints". */
export function readmeLibrarySnippet(): { code: string; prints: string } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Library API'));
  const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  const prints = /prints\n\n```text\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code || !prints) throw new Error('README: no "## Library API" section with a ```js example and a ```text block after "prints"');
  return { code, prints };
}
