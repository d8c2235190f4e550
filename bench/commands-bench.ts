/**
 * lint, report (the page written, no browser) and `can` as users run them, one process per run,
 * on both generators (sparse: bench/generate.ts with one policy per ten pods; dense with owners:
 * bench/generate-dense.ts), JSON List input. `can` runs `canRuns` times (median), and again with
 * `--cache-dir` after an untimed run has kept the snapshot (`can-cached`); lint and report
 * once. A command that fails at one size is not run at larger sizes of the same generator unless
 * `keepGoing`.
 */
import { rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode, type ChildResult } from './child.js';
import { inputLabel, writeInput, type GeneratorName, type Input } from './inputs.js';
import { cell, count, median, megabytes, seconds } from './stats.js';

/** `can-cached`: the `can` question with `--cache-dir` (docs/snapshot-cache.md), its entry written by an untimed run first. */
export const COMMANDS = ['lint', 'report', 'can', 'can-cached'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CommandRow {
  command: CommandName;
  input: string;
  pods: number;
  workloads: number;
  policies: number;
  inputMB: number;
  status: 'ok' | 'failed' | 'skipped';
  note?: string;
  ms?: number;
  minMs?: number;
  runs: number;
  peakRssMiB?: number;
  /** CPU seconds (user + system) of the median run. */
  cpuS?: number;
  bytes?: number;
  exitCode?: number | null;
  args: string;
  /** The 1-minute load average when the case started (other work on the machine). */
  load?: number;
}

export interface CommandsOptions {
  dir: string;
  sizes: number[];
  generators: GeneratorName[];
  commands: CommandName[];
  canRuns: number;
  timeoutMs: number;
  keepGoing: boolean;
  log: (line: string) => void;
  /** Called with the rows so far after each case (to keep partial results of a long run). */
  onRow?: (rows: CommandRow[]) => void;
}

const here = dirname(fileURLToPath(import.meta.url));
const main = join(here, '..', 'cli', 'main.js');

function commandArgs(command: CommandName, input: Input, out: string, cache: string): string[] {
  if (command === 'lint') return ['lint', '-f', input.file, '-o', 'json', '--output-file', out];
  if (command === 'report') return ['report', '-f', input.file, '--output-file', out];
  if (command === 'can-cached') return ['can', ...input.question, '-f', input.file, '--cache-dir', cache];
  return ['can', ...input.question, '-f', input.file];
}

export async function benchCommands(o: CommandsOptions): Promise<CommandRow[]> {
  const rows: CommandRow[] = [];
  const failedAt = new Map<string, number>();
  for (const pods of o.sizes) {
    for (const generator of o.generators) {
      const input = writeInput(o.dir, generator, pods, 'deployments');
      for (const command of o.commands) {
        const out = join(o.dir, `out-${command}`);
        const cache = join(o.dir, 'snapshot-cache');
        const args = commandArgs(command, input, out, cache);
        const shown = `${args[0]} ${args.slice(1).map((a) => (a === input.file ? 'cluster.json' : a === out ? `out.${command === 'report' ? 'html' : 'json'}` : a === cache ? 'DIR' : a)).join(' ')}`;
        const base = { command, input: inputLabel(input), pods, workloads: input.workloads, policies: input.policies, inputMB: input.megabytes, args: shown };
        const earlier = failedAt.get(`${generator}/${command}`);
        if (earlier !== undefined && !o.keepGoing) {
          rows.push({ ...base, status: 'skipped', runs: 0, note: `not run: failed at ${count(earlier)} pods` });
          o.onRow?.(rows);
          continue;
        }
        if (command === 'can-cached') await runNode([main, ...args], { stdoutFile: '/dev/null', timeoutMs: o.timeoutMs, okCodes: [0, 1] }); // writes the entry
        const load = loadavg()[0];
        const asked = command === 'can' || command === 'can-cached';
        const runs = asked ? o.canRuns : 1;
        const results: ChildResult[] = [];
        let bytes: number | undefined;
        for (let i = 0; i < runs; i++) {
          const r = await runNode([main, ...args], { stdoutFile: asked ? out : '/dev/null', timeoutMs: o.timeoutMs, okCodes: [0, 1] });
          results.push(r);
          try {
            bytes = statSync(out).size;
          } catch {
            bytes = undefined;
          }
          rmSync(out, { force: true });
          if (!r.ok) break;
        }
        const failed = results.find((r) => !r.ok);
        const times = results.map((r) => r.ms);
        const cpu = results.map((r) => r.cpuS).filter((x): x is number => x !== undefined);
        const rss = results.map((r) => r.peakRssMiB).filter((x): x is number => x !== undefined);
        const row: CommandRow = {
          ...base,
          load,
          status: failed ? 'failed' : 'ok',
          ms: failed ? failed.ms : median(times),
          minMs: Math.min(...times),
          runs: results.length,
          exitCode: (failed ?? results[0])?.exitCode ?? null,
          ...(rss.length ? { peakRssMiB: Math.max(...rss) } : {}),
          ...(cpu.length ? { cpuS: median(cpu) } : {}),
          ...(bytes !== undefined ? { bytes } : {}),
          ...(failed?.error ? { note: failed.error } : {}),
        };
        if (failed) failedAt.set(`${generator}/${command}`, pods);
        rows.push(row);
        o.onRow?.(rows);
        o.log(`${command} ${count(pods)} pods (${row.input}): ${row.status} ${seconds(row.ms)} s, ${row.peakRssMiB ?? '?'} MiB${row.note ? ` — ${row.note}` : ''}`);
      }
      rmSync(input.file, { force: true });
      rmSync(join(o.dir, 'snapshot-cache'), { recursive: true, force: true });
    }
  }
  return rows;
}

export function commandsTable(rows: CommandRow[]): string {
  return [
    '| command | input | pods | workloads | policies | input MB | result | wall s (median) | min s | CPU s | runs | peak RSS MiB | output MB | exit | load 1m |',
    '|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| \`${r.args}\` | ${r.input} | ${count(r.pods)} | ${count(r.workloads)} | ${count(r.policies)} | ${r.inputMB} | ${r.status === 'ok' ? 'ok' : `**${r.status}**${r.note ? `: ${cell(r.note)}` : ''}`} | ${seconds(r.ms)} | ${r.runs > 1 ? seconds(r.minMs) : ''} | ${r.cpuS === undefined ? '' : r.cpuS.toFixed(1)} | ${r.runs} | ${r.peakRssMiB ?? ''} | ${megabytes(r.bytes)} | ${r.exitCode ?? ''} | ${r.load === undefined ? '' : r.load.toFixed(1)} |`,
    ),
  ].join('\n');
}
