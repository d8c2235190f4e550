/**
 * Runs one benchmark case as its own process, as a user runs it: wall time (from spawn to exit),
 * peak RSS (GNU time's %M, the child's own maximum resident set), standard output into a file
 * (the sink) and a time limit after which the whole process group is killed. A case that runs out
 * of memory, throws, exits with an unexpected code or passes the limit comes back as failed with
 * the reason, instead of stopping the run.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ChildResult {
  ok: boolean;
  exitCode: number | null;
  signal: string | null;
  ms: number;
  /** Peak resident set size of the child in MiB, when /usr/bin/time is there. */
  peakRssMiB?: number;
  /** User + system CPU seconds of the child (GNU time), less sensitive than wall time to other work. */
  cpuS?: number;
  /** Why it failed: the time limit, the signal, or the last error line on stderr. */
  error?: string;
  /** Stopped because its output passed `maxOutputBytes` (not a failure of the program: see formats-bench.ts). */
  cut?: boolean;
}

export interface ChildOptions {
  /** Where standard output goes (default /dev/null). */
  stdoutFile?: string;
  timeoutMs: number;
  /** Exit codes that count as success (default 0). */
  okCodes?: number[];
  /**
   * Stop the child once `stdoutFile` has grown past this many bytes (checked twice a second):
   * for outputs larger than the disk or than any run can write in the time limit.
   */
  maxOutputBytes?: number;
}

const GNU_TIME = '/usr/bin/time';
let runs = 0;
/** The cases running now: each is its own process group (detached), which a Ctrl-C at the terminal does not reach. */
const running = new Map<number, string>(); // pid → its GNU time output file

/** SIGKILL to a case's whole process group (it was spawned detached: its own group). */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** Kills every case still running, with its whole process group (the benchmark itself is being stopped). */
export function stopAllChildren(): void {
  for (const [pid, rssFile] of running) {
    killGroup(pid);
    rmSync(rssFile, { force: true });
  }
  running.clear();
}

/** The line of stderr that says what went wrong (heap out of memory, internal error, …). */
function errorLine(stderr: string): string | undefined {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const hit = lines.find((l) => /heap out of memory|Invalid string length|internal error|RangeError|FATAL/i.test(l)) ?? lines.reverse().find((l) => /error/i.test(l)) ?? lines[0];
  return hit?.slice(0, 160);
}

/** The child processes of `pid` (Linux /proc), or none when that cannot be read. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Runs `node ...args` and measures it. */
export function runNode(args: string[], opts: ChildOptions): Promise<ChildResult> {
  const rssFile = join(tmpdir(), `netpol-check-bench-${process.pid}-${++runs}.rss`);
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, process.execPath, ...args]] : [process.execPath, args];
  const out = openSync(opts.stdoutFile ?? '/dev/null', 'w');
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', out, 'pipe'], detached: true });
    if (child.pid !== undefined) running.set(child.pid, rssFile);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-8192);
    });
    let timedOut = false;
    let cut = false;
    const stop = (): void => {
      // Kill the measured process first, so that GNU time still reports its peak RSS; then
      // the whole group, in case anything is left.
      const measured = useTime ? childrenOf(child.pid!) : [];
      for (const pid of measured) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      setTimeout(() => killGroup(child.pid!), measured.length ? 5000 : 0).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, opts.timeoutMs);
    const max = opts.maxOutputBytes;
    const watcher =
      max === undefined
        ? undefined
        : setInterval(() => {
            if (cut || timedOut || fstatSync(out).size <= max) return;
            cut = true;
            stop();
          }, 500);
    child.on('close', (code, exitSignal) => {
      if (child.pid !== undefined) running.delete(child.pid);
      let signal: string | null = exitSignal;
      clearTimeout(timer);
      if (watcher) clearInterval(watcher);
      closeSync(out);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      let peakRssMiB: number | undefined;
      let cpuS: number | undefined;
      if (useTime && existsSync(rssFile)) {
        const text = readFileSync(rssFile, 'utf8');
        rmSync(rssFile, { force: true });
        // GNU time writes "Command terminated by signal N" or "Command exited with non-zero status N" first.
        const [kib, user, sys] = (text.trim().split('\n').pop() ?? '').split(' ').map(Number);
        if (kib !== undefined && Number.isFinite(kib) && kib > 0) peakRssMiB = Math.round(kib / 1024);
        if (user !== undefined && sys !== undefined && Number.isFinite(user + sys)) cpuS = user + sys;
        const m = /terminated by signal (\d+)/.exec(text);
        if (m && !signal) signal = `signal ${m[1]}`;
      }
      const ok = !timedOut && !cut && !signal && (opts.okCodes ?? [0]).includes(code ?? -1);
      const error = ok
        ? undefined
        : cut
          ? `stopped at the output budget of ${(max! / 1e9).toFixed(0)} GB (killed; figures up to then)`
          : timedOut
            ? `over the ${Math.round(opts.timeoutMs / 1000)} s limit (killed; peak RSS up to then)`
            : `${signal ? `${signal}, ` : `exit ${code}, `}${errorLine(stderr) ?? 'no message'}`;
      resolve({ ok, exitCode: code, signal, ms, ...(peakRssMiB !== undefined ? { peakRssMiB } : {}), ...(cpuS !== undefined ? { cpuS } : {}), ...(error ? { error } : {}), ...(cut ? { cut } : {}) });
    });
  });
}
