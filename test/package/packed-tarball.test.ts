import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';
import { readmeLibrarySnippet } from './readme-library-snippet.js';

/**
 * The package as a user gets it: `npm pack` (of the dist `npm test` builds first), installed in an
 * empty folder, offline. npm cannot resolve the tarball's dependencies offline from their
 * ranges (it would need the registry's metadata), so the folder first installs the exact
 * runtime dependencies package-lock.json names (`npm ci --offline`, from npm's cache, filled by
 * `npm ci` in the repository), then the tarball, whose dependencies are then already there.
 */
const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let dir = '';
let tarball = '';
let packed: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netpol-check-pack-'));
  const [info] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT)) as { filename: string; files: { path: string }[] }[];
  tarball = info!.filename;
  packed = info!.files.map((f) => f.path);

  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const runtime = Object.fromEntries(Object.entries(lock.packages).filter(([path, p]) => path.startsWith('node_modules/') && !p.dev));
  const root = { name: 'pack-test', version: '1.0.0', private: true, dependencies: pkg.dependencies };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(root));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ ...root, lockfileVersion: 3, requires: true, packages: { '': root, ...runtime } }));
  npm(['ci', '--offline', '--ignore-scripts'], dir);
  npm(['install', '--offline', '--ignore-scripts', `./${tarball}`], dir);
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds the library, its types, the bundled command line, LICENSE and README, and nothing of the development', () => {
    for (const f of ['package.json', 'README.md', 'LICENSE', 'dist/cli/main.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'docs/rules.md', 'docs/expectations.schema.json']) expect(packed).toContain(f);
    expect(packed.some((f) => f.startsWith('dist/bin/'))).toBe(true);
    expect(packed.filter((f) => /^(src|cli|test|bench|examples)\/|^dist\/(bench|test)\/|\.map$|\.tsx?$(?<!\.d\.ts)/.test(f))).toEqual([]);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toContain('Apache License\n                           Version 2.0, January 2004');
  });

  it('installed offline, `npx netpol-check can …` answers on a copy of examples/', () => {
    const can = (...q: string[]) => spawnSync('npx', ['--no-install', 'netpol-check', 'can', ...q, '-f', 'examples/three-tier'], { cwd: dir, encoding: 'utf8' });
    const yes = can('frontend', 'reach', 'api:9000');
    expect(yes.stderr).toBe('');
    expect(yes.status).toBe(0);
    expect(yes.stdout).toMatch(/^yes: shop\/frontend\[Deployment\] can reach shop\/api\[Deployment\]/);
    const no = can('frontend', 'reach', 'db:5432');
    expect(no.status).toBe(1);
    expect(no.stdout).toMatch(/^no: /);
    expect(spawnSync('npx', ['--no-install', 'netpol-check', '--version'], { cwd: dir, encoding: 'utf8' }).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it("the README's library example runs against the installed package", () => {
    const { code, prints } = readmeLibrarySnippet();
    writeFileSync(join(dir, 'example.mjs'), code);
    expect(execFileSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' })).toBe(prints);
  });

  it('its types reach a TypeScript consumer through the exports map (and are types, not any)', () => {
    writeFileSync(
      join(dir, 'consumer.ts'),
      [
        "import { ask, lint, loadSnapshot, type CanResult, type Finding } from 'netpol-check';",
        "const { snapshot, diagnostics } = loadSnapshot(['examples/three-tier']);",
        "const r: CanResult = ask(snapshot, { src: 'frontend', dst: 'api:9000' });",
        'const f: Finding[] = lint({ snapshot, diagnostics });',
        'export const answer: boolean = r.ok && r.answer.allowed && f.length === 0;',
        '// @ts-expect-error src is a string',
        "ask(snapshot, { src: 1, dst: 'db' });",
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['consumer.ts'] }));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
