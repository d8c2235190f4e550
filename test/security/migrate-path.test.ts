import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathInside } from '../../cli/write-output.js';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import { migrate } from '../../src/legacy/migrate.js';
import { ROOT, runBinary } from '../helpers/run-cli.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'hostile', 'escaping-namespace.yaml');

describe('issue 18, item 1: migrate --output-dir DIR stays inside DIR', () => {
  it('a namespace named ../../escaped is refused at load and nothing is written outside DIR', () => {
    const top = mkdtempSync(join(tmpdir(), 'netpol-migrate-'));
    const dir = join(top, 'a', 'b', 'out');
    const r = runBinary(['migrate', '-f', FIXTURE, '--output-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.\.\/\.\.\/escaped/);
    expect(existsSync(join(top, 'escaped.yaml'))).toBe(false);
    expect(existsSync(join(top, 'a', 'escaped.yaml'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['shop.yaml']);
  });

  it('with the name check bypassed (a library caller, names: warn), the path check refuses the file', () => {
    const loaded = loadSnapshot([FIXTURE], { names: 'warn' });
    const names = migrate(loaded).files.map((f) => f.name);
    expect(names).toContain('../../escaped.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'netpol-migrate-'));
    expect(() => pathInside(dir, '../../escaped.yaml')).toThrow(/refusing to write "\.\.\/\.\.\/escaped\.yaml".*nothing written/);
    for (const bad of ['/etc/passwd.yaml', '..yaml', 'a/b.yaml', 'a\\b.yaml', 'x\n.yaml', '.yaml', 'shop.yml']) expect(() => pathInside(dir, bad)).toThrow(/refusing/);
    expect(pathInside(dir, 'shop.yaml')).toBe(join(dir, 'shop.yaml'));
  });
});
