/**
 * A netpol-check command run as `cli/main.ts` runs it (the same `run`, the process's own
 * output), with the time its output took written to a file: from the first chunk asked of the
 * formatter to the last byte handed to stdout. For a streamed matrix that is the pairs computed
 * as they are written, their formatting and the writing; what comes before it (the load, the
 * class matrix) is not. Issue 19 compares that phase with a plain write of the same bytes.
 * When the output starts, the file already gets its start (ms since the process started), so a
 * case killed before its end still has an output phase: from that start to the kill.
 *
 *   node dist/bench/matrix-phases.js --timings FILE -- matrix -f cluster.json -o txt > sink
 */
import { writeFileSync } from 'node:fs';
import { processIo, type Io } from '../cli/io.js';
import { run } from '../cli/run.js';
import { fail, parseScriptArgs } from './script-args.js';

const USAGE = `Usage: node dist/bench/matrix-phases.js --timings FILE -- COMMAND [ARGS…] > sink
Runs a netpol-check command as the CLI does and writes {"outputMs": …, "totalMs": …,
"outputStartMs": …} to FILE; {"outputStartMs": …} alone as soon as the output starts.`;

const dash = process.argv.indexOf('--');
const v = parseScriptArgs('matrix-phases', USAGE, { timings: { type: 'string' } }, process.argv.slice(2, dash < 0 ? undefined : dash));
if (dash < 0) fail('matrix-phases', USAGE, 'expected -- and a command');
if (!v.timings) fail('matrix-phases', USAGE, '--timings FILE is required');
const started = performance.now();
let outputMs = 0;
let outputStartMs: number | undefined;
const timed = <A extends unknown[]>(f: (...a: A) => Promise<void>) => async (...a: A): Promise<void> => {
  const t = performance.now();
  if (outputStartMs === undefined) {
    // Written at once, for a case stopped before it ends (formats-bench.ts: cut at the output
    // budget): its output phase is then from here, counted from the process's start, to the kill.
    outputStartMs = t;
    writeFileSync(v.timings!, JSON.stringify({ outputStartMs }));
  }
  await f(...a);
  outputMs += performance.now() - t;
};
const io: Io = { ...processIo, ...(processIo.outChunks ? { outChunks: timed(processIo.outChunks.bind(processIo)) } : {}) };
const code = await run(process.argv.slice(dash + 1), io);
writeFileSync(v.timings, JSON.stringify({ outputMs, totalMs: performance.now() - started, ...(outputStartMs !== undefined ? { outputStartMs } : {}) }));
process.exitCode = code;
