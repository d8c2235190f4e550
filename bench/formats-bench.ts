/**
 * Every matrix output format on the dense generator, end to end as a user runs it:
 * `matrix -f cluster.json -o FMT > file` through the CLI's own `run` (bench/matrix-phases.ts,
 * which also times the output phase: the pairs computed as they are written, formatted and
 * written), one process per case, with wall time, peak RSS, output bytes, MB/s, and the ratio to
 * a plain `process.stdout.write` loop writing the same number of bytes into the same file
 * (bench/plain-write.ts, median of `plainRuns`, each timed from its first write to its last and
 * begun as long after the file was emptied as the case's first byte): of the whole command, and
 * of its output phase (issue 19: "throughput within 2× of writing the same bytes").
 * html, gexf and graphml run only up to `heavyMax` pods (they build a page or a whole graph
 * document; issue 19 measured html at 2,000 pods at 48 s and 3.8 GB). A format that fails at one
 * size is not run at the larger sizes of the same owner mode unless `keepGoing`.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from './child.js';
import type { OwnerMode } from './generate-dense.js';
import { inputLabel, writeInput } from './inputs.js';
import { cell, count, median, megabytes, seconds } from './stats.js';

export const LIGHT_FORMATS = ['txt', 'json', 'csv', 'dot', 'md'] as const;
export const HEAVY_FORMATS = ['html', 'gexf', 'graphml'] as const;
export const MATRIX_FORMATS = [...LIGHT_FORMATS, ...HEAVY_FORMATS] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export interface FormatRow {
  pods: number;
  owners: OwnerMode;
  workloads: number;
  inputMB: number;
  format: MatrixFormat;
  /** cut: stopped at the output budget, every figure up to then (not a failure; see benchFormats). */
  status: 'ok' | 'failed' | 'skipped' | 'cut';
  note?: string;
  ms?: number;
  peakRssMiB?: number;
  cpuS?: number;
  bytes?: number;
  mbPerS?: number;
  plainMs?: number;
  ratio?: number;
  /** The output phase (bench/matrix-phases.ts), and its ratio to the plain write. */
  outputMs?: number;
  outputRatio?: number;
  /** The 1-minute load average when the case started (other work on the machine). */
  load?: number;
}

export interface FormatsOptions {
  dir: string;
  sizes: number[];
  owners: OwnerMode[];
  formats: MatrixFormat[];
  timeoutMs: number;
  heavyMax: number;
  keepGoing: boolean;
  /** Runs of the plain write baseline (median); one run for outputs over 4 GB. */
  plainRuns: number;
  /**
   * A case whose output passes this many bytes is stopped there and shown as cut, with its wall
   * time, RSS and throughput up to then and the plain write of as many bytes: the pair-by-pair
   * formats of the largest dense clusters are larger than the disk (JSON of 100,000 pods with
   * Deployments is about 160 GB; 100,000 bare pods are 10^10 pairs).
   */
  maxOutputBytes?: number;
  log: (line: string) => void;
  /** Called with the rows so far after each case (to keep partial results of a long run). */
  onRow?: (rows: FormatRow[]) => void;
}

const here = dirname(fileURLToPath(import.meta.url));
const phases = join(here, 'matrix-phases.js');
const plainWrite = join(here, 'plain-write.js');

export async function benchFormats(o: FormatsOptions): Promise<FormatRow[]> {
  const rows: FormatRow[] = [];
  const failedAt = new Map<string, number>();
  for (const pods of o.sizes) {
    for (const owners of o.owners) {
      const input = writeInput(o.dir, 'dense', pods, owners);
      for (const format of o.formats) {
        const base = { pods, owners, workloads: input.workloads, inputMB: input.megabytes, format };
        const earlier = failedAt.get(`${owners}/${format}`);
        if ((HEAVY_FORMATS as readonly string[]).includes(format) && pods > o.heavyMax) {
          rows.push({ ...base, status: 'skipped', note: `skipped above ${count(o.heavyMax)} pods (whole page or graph document in memory)` });
          o.onRow?.(rows);
          continue;
        }
        if (earlier !== undefined && !o.keepGoing) {
          rows.push({ ...base, status: 'skipped', note: `not run: failed at ${count(earlier)} pods` });
          o.onRow?.(rows);
          continue;
        }
        const out = join(o.dir, `out.${format}`);
        const load = loadavg()[0];
        const timings = join(o.dir, 'timings.json');
        rmSync(timings, { force: true });
        const r = await runNode([phases, '--timings', timings, '--', 'matrix', '-f', input.file, '-o', format], { stdoutFile: out, timeoutMs: o.timeoutMs, ...(o.maxOutputBytes !== undefined ? { maxOutputBytes: o.maxOutputBytes } : {}) });
        const bytes = statSync(out).size;
        const row: FormatRow = { ...base, load, status: r.ok ? 'ok' : r.cut ? 'cut' : 'failed', ms: r.ms, bytes, ...(r.peakRssMiB !== undefined ? { peakRssMiB: r.peakRssMiB } : {}), ...(r.cpuS !== undefined ? { cpuS: r.cpuS } : {}), ...(r.error ? { note: r.error } : {}) };
        let startMs: number | undefined;
        if (r.ok || r.cut) {
          try {
            const t = JSON.parse(readFileSync(timings, 'utf8')) as PhaseTimings;
            startMs = t.outputStartMs;
            const phase = outputPhaseMs(t, r);
            if (phase !== undefined) row.outputMs = phase;
          } catch {
            // no timings: the column stays empty
          }
        }
        if (r.ok || r.cut) {
          row.mbPerS = bytes / 1e6 / (r.ms / 1000);
          const plain: number[] = [];
          for (let i = 0; i < (bytes > 4e9 ? 1 : o.plainRuns); i++) {
            const p = await plainWriteMs(bytes, startMs, out, o);
            if (p !== undefined) plain.push(p);
          }
          if (plain.length) {
            row.plainMs = median(plain);
            row.ratio = r.ms / row.plainMs;
            if (row.outputMs !== undefined) row.outputRatio = row.outputMs / row.plainMs;
          }
        } else failedAt.set(`${owners}/${format}`, pods); // a cut case is not a failure: its larger sizes still run
        rmSync(out, { force: true });
        rows.push(row);
        o.onRow?.(rows);
        o.log(`matrix ${format} ${count(pods)} pods (${inputLabel({ generator: 'dense', owners })}): ${row.status} ${seconds(r.ms)} s, ${row.peakRssMiB ?? '?'} MiB, ${megabytes(bytes)} MB${row.note ? ` — ${row.note}` : ''}`);
      }
      rmSync(input.file, { force: true });
    }
  }
  return rows;
}

/**
 * One run of the plain write of `bytes` into `out` (which truncates the case's output, as the
 * case's own run began on an empty file), its first write held until the moment the case wrote
 * its first byte (plain-write.ts explains why): the time from its first write to its last.
 */
async function plainWriteMs(bytes: number, startMs: number | undefined, out: string, o: FormatsOptions): Promise<number | undefined> {
  const timings = join(o.dir, 'plain-timings.json');
  rmSync(timings, { force: true });
  const args = [plainWrite, '--bytes', String(bytes), '--timings', timings, ...(startMs !== undefined ? ['--start-at', String(Math.round(startMs))] : [])];
  const p = await runNode(args, { stdoutFile: out, timeoutMs: o.timeoutMs });
  if (!p.ok) return undefined;
  try {
    return (JSON.parse(readFileSync(timings, 'utf8')) as { writeMs: number }).writeMs;
  } catch {
    return undefined;
  }
}

/** What bench/matrix-phases.ts writes: `outputStartMs` alone while the output runs, all three once it has ended. */
export interface PhaseTimings {
  outputMs?: number;
  totalMs?: number;
  /** When the first chunk was asked for, in ms since the process started. */
  outputStartMs?: number;
}

/**
 * A case's output phase: as matrix-phases timed it when the case ended; for a case cut at the
 * output budget, from its first chunk to the kill (`ms`, the wall time from spawn, less the
 * start; the process's own start-up of a few ms counts in, so it errs long, never short).
 */
export function outputPhaseMs(t: PhaseTimings, r: { ok: boolean; cut?: boolean; ms: number }): number | undefined {
  if (r.ok) return t.outputMs;
  if (r.cut && t.outputStartMs !== undefined && t.outputStartMs < r.ms) return r.ms - t.outputStartMs;
  return undefined;
}

export function formatsTable(rows: FormatRow[]): string {
  return [
    '| pods | pods run as | workloads | input MB | format | result | wall s | CPU s | peak RSS MiB | output MB | output MB/s | plain write s | × plain | output phase s | output phase × plain | load 1m |',
    '|---:|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) =>
      [
        count(r.pods),
        r.owners === 'none' ? 'bare pods' : r.owners === 'mixed' ? 'mixed' : 'Deployments',
        count(r.workloads),
        r.inputMB,
        r.format,
        r.status === 'ok' ? 'ok' : `**${r.status}**${r.note ? `: ${cell(r.note)}` : ''}`,
        seconds(r.ms),
        r.cpuS === undefined ? '' : r.cpuS.toFixed(1),
        r.peakRssMiB ?? '',
        r.status === 'skipped' ? '' : megabytes(r.bytes),
        r.mbPerS === undefined ? '' : r.mbPerS.toFixed(1),
        seconds(r.plainMs),
        r.ratio === undefined ? '' : `${r.ratio.toFixed(1)}×`,
        seconds(r.outputMs),
        r.outputRatio === undefined ? '' : `${r.outputRatio.toFixed(1)}×`,
        r.load === undefined ? '' : r.load.toFixed(1),
      ].join(' | '),
    ).map((l) => `| ${l} |`),
  ].join('\n');
}
