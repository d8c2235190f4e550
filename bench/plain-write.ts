/**
 * The baseline for output throughput: a plain `process.stdout.write` loop writing a given number
 * of bytes (64 KiB chunks of text lines) to standard output, in a fresh Node process.
 *
 *   node dist/bench/plain-write.js --bytes N > sink
 */
import { intFlag, parseScriptArgs } from './script-args.js';

const USAGE = `Usage: node dist/bench/plain-write.js --bytes N [--chunk BYTES] > sink
Writes N bytes of text to standard output with a process.stdout.write loop (the baseline).`;
const v = parseScriptArgs('plain-write', USAGE, { bytes: { type: 'string' }, chunk: { type: 'string' } });
const bytes = intFlag('plain-write', USAGE, 'bytes', v.bytes, 0);
const size = intFlag('plain-write', USAGE, 'chunk', v.chunk, 65536, 1);
// ASCII only: the chunk is cut by characters, and each must be one byte for --bytes to hold.
const line = 'shop/frontend[Deployment] => shop/api[Deployment] : TCP 8080,9090\n';
const chunk = line.repeat(Math.ceil(size / line.length)).slice(0, size);
let left = bytes;
while (left >= chunk.length) {
  process.stdout.write(chunk);
  left -= chunk.length;
}
if (left > 0) process.stdout.write(chunk.slice(0, left));
