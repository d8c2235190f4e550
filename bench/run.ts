/**
 * `npm run bench [-- OPTIONS]`: the benchmark, each case in its own process. Parts:
 * - engine: load, matrix and output time, peak RSS, pod classes and the speed-up over the
 *   per-pair evaluator for growing sparse clusters (bench/measure.ts);
 * - can: a `can` question end to end on 10,000 pods (bench/can.ts);
 * - formats: every matrix output format on the dense generator, with and without owners
 *   (bench/formats-bench.ts);
 * - commands: lint, report and can on both generators (bench/commands-bench.ts).
 * Prints Markdown tables and writes bench-results/latest.{md,json} (and partial-*.{md,json} after
 * every case of the formats and commands parts). A case that fails (out of
 * memory, an error, over the time limit) prints as failed; the run goes on. Asserts nothing about
 * time: machines differ. `--quick` (CI) runs every part at small sizes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canTable, measureCan } from './can.js';
import { stopAllChildren } from './child.js';
import { benchCommands, COMMANDS, commandsTable, type CommandName } from './commands-bench.js';
import { benchFormats, formatsTable, MATRIX_FORMATS, type MatrixFormat } from './formats-bench.js';
import { OWNER_MODES, type OwnerMode } from './generate-dense.js';
import { GENERATORS, type GeneratorName } from './inputs.js';
import { intFlag, listFlag, parseScriptArgs, sizesFlag } from './script-args.js';

const PARTS = ['engine', 'can', 'formats', 'commands'] as const;
type Part = (typeof PARTS)[number];

const USAGE = `Usage: npm run bench -- [options]   (or node dist/bench/run.js [options])

Runs the benchmark parts, each case in its own Node process, prints Markdown tables and writes
bench-results/latest.md and latest.json. A case that fails (out of memory, error, over the time
limit) prints as failed; the run goes on.

Options:
  --quick                 every part at small sizes (what CI runs): formats txt,json at 200 pods,
                          commands at 500 pods, can once
  --parts LIST            engine,can,formats,commands (default: all)
  --json-only             engine part: JSON input only (default: YAML and JSON)
  --engine-sizes LIST     engine part: pod counts (default 1k,2k,10k,50k,100k)
  --sizes LIST            formats part: dense pod counts (default 2k,5k,10k,20k,100k)
  --owners LIST           formats part: deployments,none,mixed (default: deployments,none)
  --formats LIST          formats part: ${MATRIX_FORMATS.join(',')}
                          (default: all; html, gexf, graphml only up to --heavy-max pods)
  --heavy-max N           formats part: largest size for html, gexf, graphml (default 2000)
  --command-sizes LIST    commands part: pod counts (default 10k,50k,100k)
  --generators LIST       commands part: sparse,dense (default: both)
  --commands LIST         commands part: lint,report,can,can-cached (default: all)
  --can-runs N            commands part: runs of each can question, median (default 3)
  --timeout SECONDS       time limit per case (default 300); over it the case is killed, failed
  --output-budget GB      formats part: a case whose output passes this size is stopped there and
                          shown as cut, with its figures up to then (default 40: the largest
                          pair-by-pair outputs are larger than a disk)
  --keep-going            run larger sizes of a case that already failed (default: skip them)
  --out DIR               where latest.md/latest.json go (default bench-results)
  -h, --help              this help

Sizes take 2000 or 2k. Example: npm run bench -- --parts formats --sizes 2k --formats txt,csv`;

const S = 'bench';
const v = parseScriptArgs(S, USAGE, {
  quick: { type: 'boolean' },
  parts: { type: 'string' },
  'json-only': { type: 'boolean' },
  'engine-sizes': { type: 'string' },
  sizes: { type: 'string' },
  owners: { type: 'string' },
  formats: { type: 'string' },
  'heavy-max': { type: 'string' },
  'command-sizes': { type: 'string' },
  generators: { type: 'string' },
  commands: { type: 'string' },
  'can-runs': { type: 'string' },
  timeout: { type: 'string' },
  'output-budget': { type: 'string' },
  'keep-going': { type: 'boolean' },
  out: { type: 'string' },
});
const quick = v.quick ?? false;
const parts = listFlag<Part>(S, USAGE, 'parts', v.parts, PARTS, PARTS);
const engineSizes = sizesFlag(S, USAGE, 'engine-sizes', v['engine-sizes'], quick ? [1000, 10000] : [1000, 2000, 10000, 50000, 100000]);
const formatSizes = sizesFlag(S, USAGE, 'sizes', v.sizes, quick ? [200] : [2000, 5000, 10000, 20000, 100000]);
const owners = listFlag<OwnerMode>(S, USAGE, 'owners', v.owners, ['deployments', 'none'], OWNER_MODES);
const formats = listFlag<MatrixFormat>(S, USAGE, 'formats', v.formats, quick ? ['txt', 'json'] : MATRIX_FORMATS, MATRIX_FORMATS);
const heavyMax = intFlag(S, USAGE, 'heavy-max', v['heavy-max'], 2000);
const commandSizes = sizesFlag(S, USAGE, 'command-sizes', v['command-sizes'], quick ? [500] : [10000, 50000, 100000]);
const generators = listFlag<GeneratorName>(S, USAGE, 'generators', v.generators, GENERATORS, GENERATORS);
const commands = listFlag<CommandName>(S, USAGE, 'commands', v.commands, COMMANDS, COMMANDS);
const canRuns = intFlag(S, USAGE, 'can-runs', v['can-runs'], quick ? 1 : 3, 1);
const timeoutMs = intFlag(S, USAGE, 'timeout', v.timeout, 300, 1) * 1000;
const outputBudget = intFlag(S, USAGE, 'output-budget', v['output-budget'], 40, 1) * 1e9;
const keepGoing = v['keep-going'] ?? false;
const outDir = v.out ?? 'bench-results';

const here = dirname(fileURLToPath(import.meta.url));
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const sections: string[] = [`Machine: ${machine}`];
const json: Record<string, unknown> = { machine, started: new Date().toISOString() };

if (parts.includes('engine')) {
  const formatsIn = v['json-only'] ? ['json'] : ['yaml', 'json'];
  const results: Record<string, number | string>[] = [];
  for (const pods of engineSizes) {
    const policies = pods >= 50000 ? pods / 10 : pods / 5;
    for (const format of formatsIn) {
      try {
        const line = execFileSync(process.execPath, ['--max-old-space-size=6000', join(here, 'measure.js'), '--pods', String(pods), '--policies', String(policies), '--format', format], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
        const r = JSON.parse(line.trim().split('\n').pop()!) as Record<string, number | string>;
        results.push(r);
        log(`engine ${pods} pods (${format}): ${r['total']} ms`);
      } catch (e) {
        results.push({ pods, policies, format, failed: String((e as Error).message).split('\n')[0]!.slice(0, 160) });
        log(`engine ${pods} pods (${format}): failed`);
      }
    }
  }
  const rows = results.map((r) =>
    r['failed'] !== undefined
      ? `| ${r['pods']} | ${r['policies']} | ${r['format']} | **failed**: ${r['failed']} | | | | | | | | |`
      : `| ${Number(r['pods']).toLocaleString('en')} | ${Number(r['policies']).toLocaleString('en')} | ${r['format']} ${r['megabytes']} MB | ${r['load']} | ${r['matrix']} | ${r['output']} | **${r['total']}** | ${r['peakRssMiB']} | ${r['classes']} | ${r['distinctRows']} | ${r['outputLines']} | ${r['speedup']}× |`,
  );
  sections.push(
    [
      '| pods | policies | input | load ms | matrix ms | output ms | total ms | peak RSS MiB | pod classes | distinct rows | output lines | vs per-pair |',
      '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
      '',
      'total = load + matrix + txt output, end to end from text in memory. "vs per-pair": the per-pair',
      'evaluator (src/explain) timed on 20,000 sampled pod pairs and extrapolated to all pairs,',
      'divided by matrix + output time.',
    ].join('\n'),
  );
  json['results'] = results;
}

if (parts.includes('can')) {
  // The headline question, end to end, on the 10,000-pod snapshot.
  const can = measureCan({ pods: 10000, policies: 2000, runs: quick ? 3 : 11 });
  sections.push(canTable(can));
  json['can'] = can;
}

/** Partial results after every case, so that a run stopped half-way leaves what it measured. */
const partial = (name: string, table: string, rows: unknown[]): void => {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `partial-${name}.md`), `Machine: ${machine}\n\n${table}\n`);
  writeFileSync(join(outDir, `partial-${name}.json`), `${JSON.stringify(rows, null, 2)}\n`);
};

const dir = mkdtempSync(join(tmpdir(), 'netpol-check-bench-'));
// Stopped (Ctrl-C, kill): the case running is its own process group and would go on writing,
// and the folder may hold tens of gigabytes of output; a signal skips the `finally` below.
const stop = (signal: NodeJS.Signals): void => {
  stopAllChildren();
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`bench: stopped by ${signal}; its temporary folder was removed\n`);
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
try {
  if (parts.includes('formats')) {
    const rows = await benchFormats({ dir, sizes: formatSizes, owners, formats, timeoutMs, heavyMax, keepGoing, plainRuns: quick ? 1 : 3, maxOutputBytes: outputBudget, log, onRow: (r) => partial('formats', formatsTable(r), r) });
    sections.push(
      [
        `Matrix output formats on the dense generator (seed 1), JSON List input, \`matrix -f cluster.json -o FMT > file\`; time limit ${timeoutMs / 1000} s per case; output budget ${outputBudget / 1e9} GB per case (a case past it is stopped and shown as cut: its figures are those up to then, and its plain write is of as many bytes).`,
        '',
        formatsTable(rows),
        '',
        'wall s: one run, Node start-up to exit (load + matrix + output). output MB/s = output bytes / wall time.',
        `plain write s: the median of ${quick ? 1 : 3} run(s) (one run over 4 GB) of a plain process.stdout.write loop (64 KiB chunks, fresh Node`,
        'process) writing the same number of bytes into the same file, timed from its first write to its last; its first write waits as long',
        'after the file was emptied as the case\'s first byte did (bench/plain-write.ts: freed memory goes back to this virtual machine\'s host',
        'within seconds, and a write at once would land on warmer memory than the case\'s). × plain = wall time / plain write s.',
        'output phase: from the first chunk asked of the formatter to the last',
        'byte handed to stdout (bench/matrix-phases.ts: the pairs computed as they are written, their formatting and writing; not the load or',
        'the class matrix), and its ratio to the same plain write; for a cut case, from the first chunk to the kill. load 1m: the machine\'s',
        '1-minute load average as the case started.',
      ].join('\n'),
    );
    json['formats'] = rows;
  }
  if (parts.includes('commands')) {
    const rows = await benchCommands({ dir, sizes: commandSizes, generators, commands, canRuns, timeoutMs, keepGoing, log, onRow: (r) => partial('commands', commandsTable(r), r) });
    sections.push(
      [
        `lint, report and can, one process per run, JSON List input; time limit ${timeoutMs / 1000} s per run.`,
        '',
        commandsTable(rows),
        '',
        `sparse = bench/generate.ts (one policy per ten pods, seed 1); dense = bench/generate-dense.ts with Deployments (seed 1). can: median of ${canRuns} runs. load 1m: the 1-minute load average as the case started.`,
      ].join('\n'),
    );
    json['commands'] = rows;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const text = sections.join('\n\n');
console.log(text);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.md'), `${text}\n`);
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
