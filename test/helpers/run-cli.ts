import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../cli/run.js';
import type { Io } from '../../cli/io.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = resolve(ROOT, 'dist', 'cli', 'main.js');

/** Runs a command line in-process with captured output. */
export async function runCli(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string; files: Record<string, string> }> {
  let out = '';
  let err = '';
  const files: Record<string, string> = {};
  const io: Io = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readStdin: () => stdin,
    writeFile: (p, t) => void (files[p] = t),
    isTTY: false,
  };
  const code = await run(argv, io);
  return { code, out, err, files };
}

/** Runs the built binary, as a user would (npm test builds it first). */
export function runBinary(argv: string[], input?: string, cwd = ROOT): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, input, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

export { execFileSync };
