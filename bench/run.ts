/**
 * `npm run bench [-- --quick]`: measures load, matrix and output time, peak RSS, pod classes and
 * the speed-up over the per-pair evaluator for growing generated clusters, each in its own
 * process; then a `can` question end to end on 10,000 pods (bench/can.ts). Prints a Markdown table and writes bench-results/latest.{md,json}. Asserts nothing
 * about time: machines differ.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canTable, measureCan } from './can.js';

const quick = process.argv.includes('--quick');
const here = dirname(fileURLToPath(import.meta.url));
const SIZES = quick
  ? [
      { pods: 1000, policies: 200 },
      { pods: 10000, policies: 2000 },
    ]
  : [
      { pods: 1000, policies: 200 },
      { pods: 2000, policies: 400 },
      { pods: 10000, policies: 2000 },
      { pods: 50000, policies: 5000 },
      { pods: 100000, policies: 10000 },
    ];
const formats = process.argv.includes('--json-only') ? ['json'] : ['yaml', 'json'];

interface Result {
  pods: number;
  policies: number;
  format: string;
  megabytes: number;
  load: number;
  matrix: number;
  output: number;
  total: number;
  classes: number;
  distinctRows: number;
  externalBlocks: number;
  outputLines: number;
  peakRssMiB: number;
  referenceMs: number;
  speedup: number;
}

const results: Result[] = [];
for (const size of SIZES) {
  for (const format of formats) {
    const line = execFileSync(process.execPath, ['--max-old-space-size=6000', join(here, 'measure.js'), '--pods', String(size.pods), '--policies', String(size.policies), '--format', format], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const r = JSON.parse(line.trim().split('\n').pop()!) as Result;
    results.push(r);
    process.stderr.write(`${r.pods} pods (${format}): ${r.total} ms\n`);
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const rows = results.map(
  (r) =>
    `| ${r.pods.toLocaleString('en')} | ${r.policies.toLocaleString('en')} | ${r.format} ${r.megabytes} MB | ${r.load} | ${r.matrix} | ${r.output} | **${r.total}** | ${r.peakRssMiB} | ${r.classes} | ${r.distinctRows} | ${r.outputLines} | ${r.speedup}× |`,
);
const table = [
  `Machine: ${machine}`,
  '',
  '| pods | policies | input | load ms | matrix ms | output ms | total ms | peak RSS MiB | pod classes | distinct rows | output lines | vs per-pair |',
  '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows,
  '',
  'total = load + matrix + txt output, end to end from text in memory. "vs per-pair": the per-pair',
  'evaluator (src/explain) timed on 20,000 sampled pod pairs and extrapolated to all pairs,',
  'divided by matrix + output time.',
].join('\n');
console.log(table);

// The headline question, end to end, on the 10,000-pod snapshot.
const can = measureCan({ pods: 10000, policies: 2000, runs: quick ? 3 : 11 });
const canText = canTable(can);
console.log(`\n${canText}`);

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.md', `${table}\n\n${canText}\n`);
writeFileSync('bench-results/latest.json', `${JSON.stringify({ machine, results, can }, null, 2)}\n`);
