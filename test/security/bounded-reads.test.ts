import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGitRevision } from '../../src/load/git-source.js';
import { InputTooLarge, readBounded } from '../../src/load/read-bounded.js';
import { readInputs } from '../../src/load/read-inputs.js';
import { decodeText } from '../../src/load/decode-text.js';
import { BIN } from '../helpers/run-cli.js';

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: {containers: [{name: c, image: x}]}\n`;

describe('issue 18, item 5: every read is bounded, and only regular files are read', () => {
  it('readBounded cuts an endless stream at the limit', () => {
    const fd = openSync('/dev/zero', 'r');
    try {
      expect(() => readBounded(fd, 1 << 20)).toThrow(InputTooLarge);
    } finally {
      closeSync(fd);
    }
  });

  it('-f /dev/zero is refused as a character device, without reading it', () => {
    const r = readInputs(['/dev/zero']);
    expect(r.inputs).toEqual([]);
    expect(r.diagnostics[0]!.message).toMatch(/\/dev\/zero is a character device, not a regular file/);
  });

  it('a FIFO is refused without hanging', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-fifo-'));
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const r = readInputs([dir, join(dir, 'pipe.yaml')]);
    // The folder's problem is said once: no extra "no *.yaml file" line after the FIFO's.
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/pipe\.yaml is a FIFO \(named pipe\), not a regular file/), expect.stringMatching(/pipe\.yaml is a FIFO/)]);
  });

  it('a symlink leaving the folder (to /dev/zero, to /etc) is not followed, with a warning; --follow-symlinks follows it, and devices are still refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-links-'));
    writeFileSync(join(dir, 'a.yaml'), pod('a'));
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    const outside = mkdtempSync(join(tmpdir(), 'netpol-outside-'));
    writeFileSync(join(outside, 'secret.yaml'), pod('secret'));
    symlinkSync(outside, join(dir, 'elsewhere'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync('../a.yaml', join(dir, 'sub', 'inside.yaml')); // inside the folder: followed
    const r = readInputs([dir]);
    expect(r.inputs.map((i) => i.file)).toEqual([join(dir, 'a.yaml'), join(dir, 'sub', 'inside.yaml')]);
    expect(r.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['warning', expect.stringMatching(/elsewhere: symlink|symlink to .*outside .*: not followed \(--follow-symlinks follows it\)/)],
      ['warning', expect.stringMatching(/symlink to \/dev\/zero, outside .*: not followed/)],
    ]);
    const followed = readInputs([dir], { followSymlinks: true });
    expect(followed.inputs.map((i) => i.file)).toContain(join(dir, 'elsewhere', 'secret.yaml'));
    expect(followed.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/zero\.yaml is a character device, not a regular file/)]);
  });

  it('standard input obeys the same limit', () => {
    const fd = openSync('/dev/zero', 'r');
    try {
      const r = readInputs(['-'], { maxFileBytes: 1 << 20, readStdin: (max) => decodeText(readBounded(fd, max)) });
      expect(r.diagnostics[0]!.message).toBe('standard input holds more than the 1 MiB netpol-check reads; not read');
    } finally {
      closeSync(fd);
    }
  });

  it('the CLI reading endless stdin stops at 256 MiB with a clear error, not an internal error', () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const r = spawnSync(process.execPath, [BIN, 'matrix', '-f', '-'], { stdio: [zero, 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/<stdin>: error: standard input holds more than the 256 MiB netpol-check reads; not read/);
      expect(r.stderr).not.toMatch(/internal error/);
    } finally {
      closeSync(zero);
    }
  }, 60_000);

  it('git blobs obey the same limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netpol-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    writeFileSync(join(dir, 'big.yaml'), pod('big').repeat(100));
    writeFileSync(join(dir, 'small.yaml'), pod('small'));
    git('add', '.');
    git('commit', '-qm', 'x');
    const r = readGitRevision('git:HEAD', dir, 1000);
    expect(r.inputs.map((i) => i.file)).toEqual(['HEAD:small.yaml']);
    expect(r.diagnostics.map((d) => [d.source?.file, d.message])).toEqual([['HEAD:big.yaml', expect.stringMatching(/git blob is \d+ bytes, more than the 1000 bytes netpol-check reads; skipped/)]]);
  });
});
