import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../cli/specs/index.js';
import { runCli } from '../helpers/run-cli.js';

/**
 * Issue 20, acceptance: every command × every common flag (-o, -n, -A, -l, --output-file, -h),
 * with what it does there: applied (and how that shows), or refused with a reason and exit 2.
 */
const T = ['-f', 'examples/three-tier'];
const M = ['-f', 'examples/multi-namespace'];
const LEGACY = ['-f', 'examples/legacy-v1beta1'];

type Result = Awaited<ReturnType<typeof runCli>>;
type Flag = '-o' | '-n' | '-A' | '-l' | '--output-file' | '-h';
/** A cell: the flags added to the command's base line, and what must hold. */
type Cell = { add: string[]; check: (r: Result) => void } | { refused: string };

const lines = (r: Result): string[] => r.out.split('\n').filter(Boolean);
const json = (format: string) => (r: Result) => {
  expect(r.code).not.toBe(2);
  expect(JSON.parse(r.out).format).toBe(format);
};
const written = (file: string, start: RegExp) => (r: Result) => {
  expect(r.code).not.toBe(2);
  expect(r.out).toBe('');
  expect(r.files[file]).toMatch(start);
};
const everyLine = (re: RegExp) => (r: Result) => {
  expect(r.code).not.toBe(2);
  expect(lines(r).length).toBeGreaterThan(0);
  for (const l of lines(r)) expect(l).toMatch(re);
};
const ok = (r: Result) => expect(r.code).not.toBe(2);
const noTerminal = (r: Result) => {
  expect(r.code).toBe(2);
  expect(r.err).toContain('needs an interactive terminal');
};

const BASE: Record<string, string[]> = {
  can: ['can', 'api', 'reach', 'db', ...T],
  diff: ['diff', '--base', 'examples/three-tier', '--head', 'examples/multi-namespace'],
  explore: ['explore', ...T],
  generate: ['generate', '--freeze', ...T],
  lint: ['lint', ...M],
  matrix: ['matrix', ...M],
  migrate: ['migrate', ...LEGACY],
  path: ['path', 'checkout', 'ledger', ...M],
  'reach-from': ['reach-from', 'checkout', ...M],
  report: ['report', ...M, '--output-file', 'page.html'],
  verify: ['verify', 'examples/three-tier/expectations.yaml', ...T],
};

const TABLE: Record<string, Record<Flag, Cell>> = {
  can: {
    '-o': { add: ['-o', 'json'], check: json('netpol-check/can') },
    '-n': { add: ['-n', 'shop'], check: (r) => expect(r.out).toMatch(/^yes: shop\/api/) },
    '-A': { add: ['-A'], check: (r) => expect(r.out).toMatch(/^yes: shop\/api/) },
    '-l': { refused: 'give a selector as SRC or DST' },
    '--output-file': { add: ['--output-file', 'a.txt'], check: written('a.txt', /^yes/) },
    '-h': { add: ['-h'], check: ok },
  },
  diff: {
    '-o': { add: ['-o', 'json'], check: json('netpol-check/diff') },
    '-n': { add: ['-n', 'search'], check: everyLine(/search\/|^ {4}|^\d+ pair/) },
    '-A': { add: ['-n', 'search', '-A'], check: (r) => expect(r.out).toContain('payments/') },
    '-l': { add: ['-l', 'app=ledger'], check: everyLine(/ledger|^ {4}|^\d+ pair/) },
    '--output-file': { add: ['--output-file', 'd.txt'], check: written('d.txt', /^[+-] /) },
    '-h': { add: ['-h'], check: ok },
  },
  explore: {
    '-o': { refused: 'no output format or file' },
    '-n': { add: ['-n', 'shop'], check: noTerminal },
    '-A': { refused: 'the explorer lists every namespace' },
    '-l': { refused: 'the explorer lists every namespace' },
    '--output-file': { refused: 'no output format or file' },
    '-h': { add: ['-h'], check: ok },
  },
  lint: {
    '-o': { add: ['-o', 'json'], check: json('netpol-check/lint') },
    '-n': { add: ['-n', 'payments', '-n', 'search'], check: everyLine(/ (payments|search)\/|^\d+ finding/) },
    '-A': { add: ['-n', 'search', '-A'], check: (r) => expect(r.out).toContain('payments/checkout') },
    '-l': { add: ['-l', 'app=checkout'], check: everyLine(/checkout|^\d+ finding/) },
    '--output-file': { add: ['--output-file', 'l.txt'], check: written('l.txt', /warning/) },
    '-h': { add: ['-h'], check: ok },
  },
  matrix: {
    '-o': { add: ['-o', 'json'], check: json('netpol-check/matrix') },
    '-n': { add: ['-n', 'search', '-n', 'payments-staging'], check: everyLine(/(search|payments-staging)\//) },
    '-A': { add: ['-n', 'search', '-A'], check: (r) => expect(r.out).toContain('payments/ledger') },
    '-l': { add: ['-l', 'app=ledger'], check: everyLine(/payments\/ledger/) },
    '--output-file': { add: ['--output-file', 'm.txt'], check: written('m.txt', /=>/) },
    '-h': { add: ['-h'], check: ok },
  },
  generate: {
    '-o': { add: ['-o', 'json'], check: (r) => expect(JSON.parse(r.out).kind).toBe('List') },
    '-n': { add: ['-n', 'shop'], check: ok },
    '-A': { refused: 'generate writes policies for every namespace' },
    '-l': { refused: 'generate writes policies for every namespace' },
    '--output-file': { refused: '--output-dir DIR' },
    '-h': { add: ['-h'], check: ok },
  },
  migrate: {
    '-o': { add: ['-o', 'yaml'], check: (r) => expect(r.out).toContain('kind: NetworkPolicy') },
    '-n': { add: ['-n', 'shop'], check: ok },
    '-A': { refused: 'migrate rewrites every legacy policy' },
    '-l': { refused: 'migrate rewrites every legacy policy' },
    '--output-file': { refused: '--output-dir DIR' },
    '-h': { add: ['-h'], check: ok },
  },
  path: {
    '-o': { add: ['-n', 'payments', '-o', 'json'], check: json('netpol-check/path') },
    '-n': { add: ['-n', 'payments'], check: (r) => expect(r.out).toMatch(/^payments\/checkout\[Deployment\] reaches payments\/ledger/) },
    '-A': { add: ['-n', 'payments', '-A'], check: (r) => expect(r.err).toContain('"checkout" is ambiguous') },
    '-l': { refused: 'name one workload' },
    '--output-file': { add: ['-n', 'payments', '--output-file', 'p.txt'], check: written('p.txt', /reaches/) },
    '-h': { add: ['-h'], check: ok },
  },
  'reach-from': {
    '-o': { add: ['-n', 'payments', '-o', 'json'], check: json('netpol-check/reach-from') },
    '-n': { add: ['-n', 'payments'], check: (r) => expect(r.out).toMatch(/^payments\/checkout\[Deployment\] reaches/) },
    '-A': { add: ['-n', 'payments', '-A'], check: (r) => expect(r.err).toContain('"checkout" is ambiguous') },
    '-l': { refused: 'name one workload' },
    '--output-file': { add: ['-n', 'payments', '--output-file', 'r.txt'], check: written('r.txt', /reaches/) },
    '-h': { add: ['-h'], check: ok },
  },
  report: {
    '-o': { add: ['-o', 'html'], check: written('page.html', /^<!doctype html>/i) },
    '-n': { add: ['-n', 'search'], check: (r) => expect(r.files['page.html']).not.toContain('payments-staging/checkout[Deployment] =&gt;') },
    '-A': { add: ['-n', 'search', '-A'], check: written('page.html', /^<!doctype html>/i) },
    '-l': { add: ['-l', 'app=ledger'], check: written('page.html', /^<!doctype html>/i) },
    '--output-file': { add: [], check: written('page.html', /^<!doctype html>/i) },
    '-h': { add: ['-h'], check: ok },
  },
  verify: {
    '-o': { add: ['-o', 'json'], check: json('netpol-check/verify') },
    '-n': { add: ['-n', 'shop'], check: (r) => expect(r.code).toBe(0) },
    '-A': { refused: 'each expectation names its own scope' },
    '-l': { refused: 'each expectation names its own scope' },
    '--output-file': { add: ['--output-file', 'v.txt'], check: written('v.txt', /^PASS/) },
    '-h': { add: ['-h'], check: ok },
  },
};

const REFUSED_ARGS: Record<Flag, string[]> = { '-o': ['-o', 'json'], '-n': ['-n', 'shop'], '-A': ['-A'], '-l': ['-l', 'app=web'], '--output-file': ['--output-file', 'x.txt'], '-h': ['-h'] };

describe('every command × every common flag', () => {
  it('the table covers every command', () => {
    expect(Object.keys(TABLE).sort()).toEqual(COMMAND_SPECS.map((s) => s.name).sort());
  });

  const cells = Object.entries(TABLE).flatMap(([command, row]) => Object.entries(row).map(([flag, cell]) => [command, flag as Flag, cell] as const));
  it.each(cells)('%s %s', async (command, flag, cell) => {
    if ('refused' in cell) {
      const r = await runCli([...BASE[command]!, ...REFUSED_ARGS[flag]]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${command} does not take ${flag === '--output-file' ? '--output-file' : `${flag}/`}`);
      expect(r.err).toContain(cell.refused);
      expect(r.out).toBe('');
      return;
    }
    const r = await runCli([...BASE[command]!, ...cell.add]);
    if (flag === '-h') {
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: netpol-check ${command} `));
      return;
    }
    cell.check(r);
  });

  it.each(COMMAND_SPECS.map((s) => [s.name]))('%s: the help table lists exactly the common flags it takes', async (command) => {
    const help = (await runCli([command, '-h'])).out;
    for (const [flag, cell] of Object.entries(TABLE[command]!)) {
      const row = { '-o': '-o, --output', '-n': '-n, --namespace', '-A': '-A, --all-namespaces', '-l': '-l, --selector', '--output-file': '--output-file', '-h': '-h, --help' }[flag]!;
      if ('refused' in cell) expect(help).not.toContain(`  ${row}`);
      else if (!(command === 'migrate' && flag === '-o')) expect(help).toContain(row);
    }
  });
});
