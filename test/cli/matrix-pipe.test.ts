import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'netpol-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 200 pods and no policy: a pod-level matrix of megabytes, far more than one pipe buffer. */
const dense = join(dir, 'dense.yaml');
writeFileSync(dense, Array.from({ length: 200 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${i}\n  namespace: ns-${i % 5}\nspec:\n  containers:\n  - name: c\n    image: x\n`).join('---\n'));

/** Runs the built binary; its reader closes stdout after the first chunk. */
function firstChunkOnly(argv: string[]): Promise<{ code: number | null; signal: string | null; err: string; first: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let first = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout.once('data', (d: Buffer) => {
      first = d.toString('utf8');
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, err, first }));
  });
}

describe('matrix output to a reader that goes away (matrix … | head -1)', () => {
  it.each(['txt', 'json', 'csv', 'md', 'dot'])('--format %s: ends quietly with exit code 0, nothing on stderr', async (format) => {
    const r = await firstChunkOnly(['matrix', '-f', dense, '--level', 'pod', '--format', format]);
    expect(r.err).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.first.length).toBeGreaterThan(0);
  });

  it('examples/three-tier: the same, small output', async () => {
    const r = await firstChunkOnly(['matrix', '-f', 'examples/three-tier']);
    expect(r).toMatchObject({ code: 0, signal: null, err: '' });
    expect(r.first).toMatch(/^0\.0\.0\.0-255\.255\.255\.255\[External\] => /);
  });

  it.each(['txt', 'json', 'csv', 'md', 'dot', 'gexf', 'graphml'])('stdout redirected to a file (> out: byte chunks written synchronously, their buffers filled again): --format %s, the same text as in process', async (format) => {
    const out = join(dir, `redirected.${format}`);
    const fd = openSync(out, 'w');
    try {
      const r = await new Promise<number | null>((resolve) => spawn(process.execPath, [BIN, 'matrix', '-f', dense, '--level', 'pod', '-o', format], { cwd: ROOT, stdio: ['ignore', fd, 'ignore'] }).on('close', resolve));
      expect(r).toBe(0);
    } finally {
      closeSync(fd);
    }
    const inProcess = await runCli(['matrix', '-f', dense, '--level', 'pod', '--format', format]);
    expect(inProcess.out.length).toBeGreaterThan(1e6);
    expect(readFileSync(out, 'utf8')).toBe(inProcess.out);
  });

  it.each([
    ['a streamed format', ['matrix', '-f', 'DENSE', '--level', 'pod', '-o', 'txt']],
    ['a format written whole', ['matrix', '-f', 'examples/three-tier', '-o', 'html']],
  ])('stdout redirected to a file that cannot take it all (%s, past `ulimit -f`): a message naming standard output and the reason, exit 2, no stack trace', async (_what, argv) => {
    // Node ignores SIGXFSZ, so a write past the shell's file size limit fails with EFBIG, as a
    // write to a full disk fails with ENOSPC (both go through cli/write-error.ts).
    const out = join(dir, 'limited.out');
    const args = argv.map((a) => (a === 'DENSE' ? dense : a));
    const r = spawnSync('sh', ['-c', 'ulimit -f 1; exec "$@" > "$0"', out, process.execPath, BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('netpol-check: cannot write standard output: the file is too large for the file system (EFBIG)\n');
  });

  it('--output-file FILE is written chunk by chunk with the same text as stdout', async () => {
    const out = join(dir, 'm.json');
    const r = await new Promise<number | null>((resolve) => spawn(process.execPath, [BIN, 'matrix', '-f', dense, '--level', 'pod', '-o', 'json', '--output-file', out], { cwd: ROOT }).on('close', resolve));
    expect(r).toBe(0);
    const inProcess = await runCli(['matrix', '-f', dense, '--level', 'pod', '--format', 'json']);
    expect(readFileSync(out, 'utf8')).toBe(inProcess.out);
  });
});
