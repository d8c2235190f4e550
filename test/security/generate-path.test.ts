import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCommand } from '../../cli/commands/generate.js';
import { pathInside } from '../../cli/write-output.js';
import type { Io } from '../../cli/io.js';
import { freeze } from '../../src/generate/generate.js';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import { ROOT, runBinary } from '../helpers/run-cli.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'hostile', 'generate-escaping-namespace.yaml');

describe('generate --output-dir DIR stays inside DIR', () => {
  it('a namespace named ../../escaped is refused at load and nothing is written outside DIR', () => {
    const top = mkdtempSync(join(tmpdir(), 'netpol-generate-'));
    const dir = join(top, 'a', 'b', 'out');
    const r = runBinary(['generate', '-f', FIXTURE, '--freeze', '--output-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.\.\/\.\.\/escaped/);
    expect(existsSync(join(top, 'escaped.yaml'))).toBe(false);
    expect(existsSync(join(top, 'a', 'escaped.yaml'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['shop.yaml']);
  });

  it('with the name check bypassed (a library caller, names: warn), the path the CLI would write is refused', () => {
    const loaded = loadSnapshot([FIXTURE], { names: 'warn' });
    const namespaces = freeze(loaded.snapshot).files.map((f) => f.namespace);
    expect(namespaces).toContain('../../escaped');
    const dir = mkdtempSync(join(tmpdir(), 'netpol-generate-'));
    expect(() => namespaces.map((ns) => pathInside(dir, `${ns}.yaml`))).toThrow(/refusing to write "\.\.\/\.\.\/escaped\.yaml".*nothing written/);
  });

  it('the CLI checks every path before it writes any', async () => {
    const written: string[] = [];
    const io: Io = { out: () => {}, err: () => {}, readStdin: () => '', writeFile: (p) => void written.push(p), isTTY: false };
    // The loader refuses the name, so the command cannot be fed one; the path check is the same as migrate's (test/security/migrate-path.test.ts).
    const code = await generateCommand(['-f', FIXTURE, '--freeze', '--output-dir', 'out'], io);
    expect(code).toBe(2);
    expect(written).toEqual(['out/shop.yaml']);
  });
});
