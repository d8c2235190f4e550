import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processIo, type Io } from '../../cli/io.js';
import { run } from '../../cli/run.js';
import { ROOT } from '../helpers/run-cli.js';

/** The real file system, captured stdout and stderr. */
async function runOnDisk(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { ...processIo, out: (t) => void (out += t), err: (t) => void (err += t) };
  return { code: await run(argv, io), out, err };
}

const example = () => {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-out-'));
  for (const f of ['namespaces.yaml', 'workloads.yaml', 'policies.yaml']) copyFileSync(join(ROOT, 'examples', 'three-tier', f), join(dir, f));
  return dir;
};

describe('issue 18, item 8: --output-file failures are clear messages, and --output-file never overwrites an input', () => {
  it.each([
    ['a folder', (d: string) => d, /cannot write .*: it is a folder/],
    ['a path under a file', (d: string) => join(d, 'policies.yaml', 'out.txt'), /cannot write .*policies\.yaml\/out\.txt: (a file is in the way of a folder it needs \(EEXIST\)|a part of the path is a file, not a folder \(ENOTDIR\))/],
    ['a full disk', () => '/dev/full', /cannot write \/dev\/full: no space left on the device \(ENOSPC\)/],
  ])('--output-file into %s', async (_what, path, message) => {
    const dir = example();
    const r = await runOnDisk(['matrix', '-f', join(dir, 'namespaces.yaml'), '-f', join(dir, 'workloads.yaml'), '--output-file', path(dir)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/internal error|Please report/);
  });

  it('refuses to overwrite an input file, however the path is spelt, and leaves it unchanged', async () => {
    const dir = example();
    const before = readFileSync(join(dir, 'policies.yaml'), 'utf8');
    for (const [files, out] of [
      [[join(dir, 'policies.yaml')], join(dir, 'policies.yaml')],
      [[dir], join(dir, '.', 'policies.yaml')],
      [[dir], join(dir, '..', dir.split('/').at(-1)!, 'workloads.yaml')],
    ] as const) {
      const r = await runOnDisk(['matrix', ...files.flatMap((f) => ['-f', f]), '--output-file', out]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/refusing to write .*: it is an input file/);
    }
    for (const cmd of [['lint'], ['diff', '--base', dir, '--head']]) {
      const r = await runOnDisk([...cmd, ...(cmd[0] === 'diff' ? [dir] : ['-f', dir]), '--output-file', join(dir, 'policies.yaml')]);
      expect(r.err).toMatch(/refusing to write .*: it is an input file/);
    }
    expect(readFileSync(join(dir, 'policies.yaml'), 'utf8')).toBe(before);
  });

  it('a new --output-file file in a new folder is written', async () => {
    const dir = example();
    mkdirSync(join(dir, 'out'));
    const r = await runOnDisk(['matrix', '-f', dir, '--output-file', join(dir, 'out', 'new', 'matrix.txt')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'new', 'matrix.txt'), 'utf8')).toMatch(/shop\/api\[Deployment\] => shop\/db\[StatefulSet\] : TCP 5432/);
  });
});
