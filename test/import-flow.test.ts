import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';

/**
 * Data flows one way: load → model → compile → engine → explain/lint/diff/verify → format → CLI
 * (README, "Design"). Each folder of src/ has a rank; a module may import from its own folder
 * or from a folder of lower rank, never from a later stage. Shared leaves (text: escaping and
 * spelling helpers; model: the data; net, select: addresses and label selectors) come first.
 */
const RANK: Record<string, number> = {
  text: 0,
  model: 1,
  net: 2,
  select: 2,
  load: 3,
  engine: 4,
  explain: 5,
  graph: 5,
  query: 6,
  lint: 6,
  diff: 6,
  verify: 7,
  summary: 7,
  legacy: 7,
  generate: 8,
  fix: 8,
  format: 9,
  api: 10,
  '(root)': 11,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

const folderOf = (file: string): string => {
  const parts = relative(join(ROOT, 'src'), file).split('/');
  return parts.length > 1 ? parts[0]! : '(root)';
};

describe('imports follow the flow of data', () => {
  const edges: { from: string; to: string; file: string }[] = [];
  for (const file of sources(join(ROOT, 'src'))) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = normalize(join(dirname(file), spec!));
      if (!target.startsWith(join(ROOT, 'src') + '/')) continue;
      const from = folderOf(file);
      const to = folderOf(target);
      if (from !== to) edges.push({ from, to, file: relative(ROOT, file) });
    }
  }

  it('every folder of src/ has a rank', () => {
    const folders = new Set(sources(join(ROOT, 'src')).map(folderOf));
    expect([...folders].filter((f) => RANK[f] === undefined)).toEqual([]);
  });

  it('no module imports from a later stage', () => {
    const backwards = edges.filter((e) => RANK[e.to]! >= RANK[e.from]!).map((e) => `${e.file} (${e.from}) imports ${e.to}`);
    expect(backwards).toEqual([]);
    expect(edges.length).toBeGreaterThan(100); // the scan found the imports
  });
});
