/**
 * One benchmark run in its own process (so peak RSS is its own):
 *   node dist/bench/measure.js --pods N --policies M [--format yaml|json] [--seed S]
 * Prints one JSON line of measurements.
 */
import { connectivity } from '../src/engine/connectivity.js';
import { computeMatrix } from '../src/engine/matrix.js';
import { Explainer } from '../src/explain/explain.js';
import { formatTxt } from '../src/format/matrix/txt.js';
import { loadTexts } from '../src/load/load-snapshot.js';
import { generateObjects, snapshotText } from './generate.js';
import { fail, intFlag, parseScriptArgs } from './script-args.js';

const USAGE = `Usage: node dist/bench/measure.js [--pods N] [--policies M] [--format yaml|json] [--seed S]
One engine benchmark run on the sparse generator in this process; prints one JSON line.`;
const v = parseScriptArgs('measure', USAGE, { pods: { type: 'string' }, policies: { type: 'string' }, format: { type: 'string' }, seed: { type: 'string' } });
const pods = intFlag('measure', USAGE, 'pods', v.pods, 1000, 1);
const policies = intFlag('measure', USAGE, 'policies', v.policies, Math.round(pods * 0.2));
const format = v.format ?? 'yaml';
if (format !== 'yaml' && format !== 'json') fail('measure', USAGE, `--format expects yaml or json, got '${format}'`);
const seed = intFlag('measure', USAGE, 'seed', v.seed, 1);

const objects = generateObjects({ pods, policies, seed });
const text = snapshotText(objects, format === 'json' ? 'json' : 'yaml');

const ms = (t: number): number => Math.round(performance.now() - t);
let t = performance.now();
const loaded = loadTexts([{ file: `bench.${format}`, text }]);
const load = ms(t);
t = performance.now();
const matrix = computeMatrix(loaded.snapshot);
const compute = ms(t);
t = performance.now();
const out = formatTxt(connectivity(matrix, 'workload'));
const output = ms(t);

// The plain per-pair evaluator on a sample of pod pairs, extrapolated to all pairs.
const explainer = new Explainer(loaded.snapshot);
const all = loaded.snapshot.pods;
const sample = Math.min(all.length * all.length, 20_000);
let state = seed;
const rand = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
t = performance.now();
for (let i = 0; i < sample; i++) explainer.explain({ kind: 'pod', pod: all[Math.floor(rand() * all.length)]! }, { kind: 'pod', pod: all[Math.floor(rand() * all.length)]! });
const perPair = (performance.now() - t) / sample;
const referenceAllPairs = Math.round(perPair * all.length * all.length);

console.log(
  JSON.stringify({
    pods,
    policies,
    format,
    megabytes: Math.round(text.length / 1e5) / 10,
    load,
    matrix: compute,
    output,
    total: load + compute + output,
    classes: matrix.pods.classes.length,
    distinctRows: new Set(matrix.rows).size,
    externalBlocks: matrix.blocks.length,
    outputLines: out.split('\n').length - 1,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    referenceMs: referenceAllPairs,
    speedup: Math.round(referenceAllPairs / Math.max(1, compute + output)),
  }),
);
