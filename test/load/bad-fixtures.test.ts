import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import { ROOT } from '../helpers/run-cli.js';

/**
 * Bad manifests with the exact messages they must produce: `line:col severity [code] message
 * (field)`, one per line, in test/fixtures/bad/NAME.expected. UPDATE_FIXTURES=1 rewrites them.
 */
const DIR = join(ROOT, 'test', 'fixtures', 'bad');
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('bad manifests', () => {
  it.each(fixtures)('%s', (name) => {
    const file = join(DIR, name);
    const { diagnostics } = loadSnapshot([file]);
    const text = diagnostics
      .map((d) => {
        expect(d.source?.file).toBe(file);
        expect(d.source?.line).toBeGreaterThan(0);
        return `${d.source!.line}:${d.source!.col} ${d.severity} [${d.code}] ${d.message.replaceAll(DIR, 'DIR')}${d.source?.field ? ` (${d.source.field})` : ''}`;
      })
      .join('\n');
    const expectedFile = file.replace(/\.yaml$/, '.expected');
    if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, `${text}\n`);
    expect(`${text}\n`).toBe(readFileSync(expectedFile, 'utf8'));
    expect(diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning')).toBe(true);
  });
});
