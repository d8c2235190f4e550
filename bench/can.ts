/**
 * The question users ask, timed as they ask it: a fresh `netpol-check can …` process (Node
 * start-up, reading, parsing, validating, building the snapshot, answering and printing the
 * explanation) on a generated snapshot written as multi-document YAML and as a `kind: List`
 * JSON dump, next to the same question on the tiny three-tier example (start-up and module
 * loading). Runs are interleaved so that a noisy neighbour hits every row alike. Asserts
 * nothing about time: machines differ.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateObjects, snapshotText } from './generate.js';

export interface CanTiming {
  input: string;
  megabytes: number;
  question: string;
  exitCode: number;
  medianMs: number;
  minMs: number;
  runs: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const main = join(here, '..', 'cli', 'main.js');
const example = join(here, '..', '..', 'examples', 'three-tier');

/** Exit code and wall time of one `can` process. */
function timeCan(args: string[]): { ms: number; exitCode: number } {
  const start = process.hrtime.bigint();
  let exitCode = 0;
  try {
    execFileSync(process.execPath, [main, 'can', ...args], { stdio: 'ignore' });
  } catch (e) {
    exitCode = (e as { status?: number }).status ?? -1;
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, exitCode };
}

export function measureCan(options: { pods: number; policies: number; runs: number }): CanTiming[] {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-check-can-'));
  try {
    const objects = generateObjects({ pods: options.pods, policies: options.policies, seed: 1 });
    const yamlFile = join(dir, 'cluster.yaml');
    const jsonFile = join(dir, 'cluster.json');
    writeFileSync(yamlFile, snapshotText(objects, 'yaml'));
    writeFileSync(jsonFile, snapshotText(objects, 'json'));
    const small = ['frontend', 'reach', 'api:9000'];
    const big = ['api-0', 'reach', 'web-0:8080', '-n', 'payments-prod-0'];
    const pods = `${options.pods.toLocaleString('en')} pods, ${options.policies.toLocaleString('en')} policies`;
    const cache = join(dir, 'cache');
    const cases = [
      { input: 'examples/three-tier (start-up)', file: example, question: small, extra: [] as string[] },
      { input: `${pods}, YAML`, file: yamlFile, question: big, extra: [] },
      { input: `${pods}, JSON List`, file: jsonFile, question: big, extra: [] },
      // docs/snapshot-cache.md: the entry is written by the untimed run below; these runs read it back.
      { input: `${pods}, JSON List, --cache-dir (warm)`, file: jsonFile, question: big, extra: ['--cache-dir', cache] },
    ].map((c) => ({ ...c, args: [...c.question, '-f', c.file, ...c.extra], megabytes: c.file === example ? 0 : Math.round(statSync(c.file).size / 1e5) / 10 }));
    const times = cases.map(() => [] as number[]);
    const codes = cases.map(() => 0);
    timeCan(cases[1]!.args); // warm the file cache
    timeCan(cases[3]!.args); // and write the snapshot cache's entry
    for (let run = 0; run < options.runs; run++) {
      cases.forEach((c, i) => {
        const t = timeCan(c.args);
        times[i]!.push(t.ms);
        codes[i] = t.exitCode;
      });
    }
    return cases.map((c, i) => {
      const sorted = [...times[i]!].sort((a, b) => a - b);
      return {
        input: c.input,
        megabytes: c.megabytes,
        question: `can ${[...c.question, ...(c.extra.length ? ['--cache-dir', 'DIR'] : [])].join(' ')}`,
        exitCode: codes[i]!,
        medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]!),
        minMs: Math.round(sorted[0]!),
        runs: sorted.length,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function canTable(timings: CanTiming[]): string {
  return [
    '| input | size | question | exit | median ms | min ms | runs |',
    '|---|---:|---|---:|---:|---:|---:|',
    ...timings.map((t) => `| ${t.input} | ${t.megabytes ? `${t.megabytes} MB` : ''} | \`${t.question}\` | ${t.exitCode} | **${t.medianMs}** | ${t.minMs} | ${t.runs} |`),
    '',
    'End to end: a new `node dist/cli/main.js can …` process per run, as a user or a CI step runs it.',
  ].join('\n');
}
