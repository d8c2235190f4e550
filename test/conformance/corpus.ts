import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** `../shared/conformance` beside the repository. */
export const CORPUS = resolve(here, '..', '..', '..', 'shared', 'conformance');

export interface AnalyzerCase {
  name: string;
  dir: string;
  input: string;
  expected: string;
  record: { expected_source: string; features: string[] };
}

export function analyzerCases(folder: string): AnalyzerCase[] {
  const base = join(CORPUS, folder, 'cases');
  if (!existsSync(base)) throw new Error(`conformance corpus not found at ${base}: clone with ../shared beside the repository`);
  return readdirSync(base)
    .sort()
    .map((name) => {
      const dir = join(base, name);
      return {
        name,
        dir,
        input: join(dir, 'input'),
        expected: readFileSync(join(dir, 'expected.txt'), 'utf8'),
        record: JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as AnalyzerCase['record'],
      };
    });
}
