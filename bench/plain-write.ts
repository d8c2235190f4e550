/**
 * The baseline for output throughput: a plain `process.stdout.write` loop writing a given number
 * of bytes (64 KiB chunks of text lines) to standard output, in a fresh Node process.
 *
 *   node dist/bench/plain-write.js --bytes N [--start-at MS] [--timings FILE] > sink
 *
 * `--start-at MS` holds the first write until MS ms after the process began: the moment the
 * measured command wrote its first byte (bench/matrix-phases.ts, `outputStartMs`). It matters on
 * the benchmark machine, a virtual machine whose kernel hands freed memory back to its host after
 * a couple of seconds (virtio-balloon free page reporting): a write into the page cache right
 * after a large file was truncated reuses memory still backed by the host; seconds later every
 * page is faulted in again. 8 GB took 8.5 s written at once and 12.4 to 15.6 s written 5 s later
 * (docs/performance.md, "seventh day"). The command spends its load and class matrix before its
 * first byte, so a baseline that began at once would be measured on warmer memory than the case.
 * `--timings FILE` gets `{"writeMs": …}`: from the first write to the last.
 */
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fail, intFlag, parseScriptArgs } from './script-args.js';

const USAGE = `Usage: node dist/bench/plain-write.js --bytes N [--chunk BYTES] [--start-at MS] [--timings FILE] > sink
Writes N bytes of text to standard output with a process.stdout.write loop (the baseline).
  --start-at MS    first write MS ms after the process began (default: at once)
  --timings FILE   writes {"writeMs": …}, the first write to the last, to FILE`;
const v = parseScriptArgs('plain-write', USAGE, { bytes: { type: 'string' }, chunk: { type: 'string' }, 'start-at': { type: 'string' }, timings: { type: 'string' } });
if (v.bytes === undefined) fail('plain-write', USAGE, '--bytes N is required');
const bytes = intFlag('plain-write', USAGE, 'bytes', v.bytes, 0);
const size = intFlag('plain-write', USAGE, 'chunk', v.chunk, 65536, 1);
const startAt = intFlag('plain-write', USAGE, 'start-at', v['start-at'], 0);
// ASCII only: the chunk is cut by characters, and each must be one byte for --bytes to hold.
const line = 'shop/frontend[Deployment] => shop/api[Deployment] : TCP 8080,9090\n';
const chunk = line.repeat(Math.ceil(size / line.length)).slice(0, size);
const wait = startAt - performance.now();
if (wait > 0) await sleep(wait);
const began = performance.now();
let left = bytes;
while (left >= chunk.length) {
  process.stdout.write(chunk);
  left -= chunk.length;
}
if (left > 0) process.stdout.write(chunk.slice(0, left));
if (v.timings !== undefined) writeFileSync(v.timings, JSON.stringify({ writeMs: performance.now() - began }));
