import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * Issue 20, flags and formats: every command × the common flags. -o/--output is the format
 * (--format its alias, txt = text), --output-file FILE the file, -n NS the namespace, -h the help.
 */
const T = 'examples/three-tier';
const LEGACY = 'examples/legacy-v1beta1';

interface Command {
  name: string;
  argv: string[];
  /** The JSON document's `format` field, or undefined when the command has no JSON form. */
  json?: string;
  /** A line of its text form. */
  text: RegExp;
}

const COMMANDS: Command[] = [
  { name: 'can', argv: ['can', 'api', 'reach', 'db:5432', '-f', T], json: 'netpol-check/can', text: /^yes/m },
  { name: 'verify', argv: ['verify', `${T}/expectations.yaml`, '-f', T], json: 'netpol-check/verify', text: /pass/ },
  { name: 'matrix', argv: ['matrix', '-f', T], json: 'netpol-check/matrix', text: /frontend/ },
  { name: 'lint', argv: ['lint', '-f', T], json: 'netpol-check/lint', text: /finding|no problems|clean/i },
  { name: 'diff', argv: ['diff', '--base', T, '--head', T], json: 'netpol-check/diff', text: /no change|nothing/i },
  { name: 'path', argv: ['path', 'frontend', 'db', '-f', T], json: 'netpol-check/path', text: /db/ },
  { name: 'reach-from', argv: ['reach-from', 'frontend', '-f', T], json: 'netpol-check/reach-from', text: /frontend/ },
];

describe('-o FORMAT, --format FORMAT, --output-file FILE on every command that answers', () => {
  describe.each(COMMANDS)('$name', ({ argv, json, text }) => {
    it.each([['-o'], ['--output'], ['--format']])('%s json prints JSON', async (flag) => {
      const r = await runCli([...argv, flag, 'json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).format).toBe(json);
    });

    it.each([['txt'], ['text']])('-o %s prints the text form', async (name) => {
      const r = await runCli([...argv, '-o', name]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(text);
      expect(r.out.startsWith('{')).toBe(false);
    });

    it('--output-file FILE writes the answer there, not to stdout', async () => {
      const r = await runCli([...argv, '-o', 'json', '--output-file', 'answer.json']);
      expect(r.code).toBe(0);
      expect(r.out).toBe('');
      expect(JSON.parse(r.files['answer.json']!).format).toBe(json);
    });

    it('-o FILE is refused, naming --output-file', async () => {
      const r = await runCli([...argv, '-o', 'answer.json']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--output-file answer.json');
      expect(r.files).toEqual({});
    });

    it('-o and --format that disagree are refused', async () => {
      const r = await runCli([...argv, '-o', 'json', '--format', 'text']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('disagree');
    });

    it('-n NS is accepted', async () => {
      const r = await runCli([...argv, '-n', 'shop']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(text);
    });
  });
});

describe('-h and --version: one layout for every command', () => {
  it.each([['can'], ['verify'], ['matrix'], ['lint'], ['diff'], ['path'], ['reach-from'], ['report'], ['migrate'], ['explore']])('%s -h', async (command) => {
    const r = await runCli([command, '-h']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^Usage: netpol-check ${command} `));
    const table = r.out.slice(r.out.indexOf('\nOptions:\n') + 10).split('\n\n')[0]!;
    // One table: every line is a flag at column 2 or 6, or a continuation at column 26.
    for (const line of table.split('\n')) expect(line).toMatch(/^( {2}-\w, --\S| {6}--\S| {26}\S)/);
    expect(table).toContain('-V, --version');
    expect(table).toContain('-h, --help');
    if (command !== 'explore') expect(table).toMatch(/-o, --output FORMAT/);
  });

  it.each([['can'], ['matrix'], ['report']])('%s --version prints the version', async (command) => {
    const r = await runCli([command, '--version']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('commands with one output form', () => {
  it('report writes its page to --output-file', async () => {
    const r = await runCli(['report', '-f', T, '--output-file', 'page.html']);
    expect(r.code).toBe(0);
    expect(r.files['page.html']).toMatch(/^<!doctype html>/i);
  });

  it.each([[['-o', 'page.html']], [['-o', 'json', '--output-file', 'p.html']], [[]]])('report %j is refused', async (flags) => {
    const r = await runCli(['report', '-f', T, ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--output-file');
    expect(r.files).toEqual({});
  });

  it('report -o page.html says how to write the file', async () => {
    const r = await runCli(['report', '-f', T, '-o', 'page.html']);
    expect(r.err).toContain('report writes HTML');
    expect(r.err).toContain('--output-file page.html');
  });

  it('report -o html is its one format', async () => {
    expect((await runCli(['report', '-f', T, '-o', 'html', '--output-file', 'p.html'])).code).toBe(0);
  });

  it('migrate prints YAML (-o yaml) or writes --output-dir DIR', async () => {
    const stdout = await runCli(['migrate', '-f', LEGACY, '-o', 'yaml']);
    expect(stdout.code).toBe(0);
    expect(stdout.out).toContain('kind: NetworkPolicy');
    const dir = await runCli(['migrate', '-f', LEGACY, '--output-dir', 'out']);
    expect(dir.code).toBe(0);
    expect(Object.keys(dir.files).length).toBeGreaterThan(0);
    expect(Object.keys(dir.files).every((f) => f.startsWith('out'))).toBe(true);
  });

  it.each([[['-o', 'json'], 'one of yaml'], [['--output-file', 'x.yaml'], '--output-dir']])('migrate %j is refused', async (flags, message) => {
    const r = await runCli(['migrate', '-f', LEGACY, ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it.each([[['-o', 'json']], [['--output-file', 'x']]])('explore %j is refused: it has no output', async (flags) => {
    const r = await runCli(['explore', '-f', T, ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no output format or file');
  });
});

describe('unknown flags name the closest known one', () => {
  it.each([
    [['matrix', '-f', T, '--fromat', 'json'], '--format'],
    [['lint', '-f', T, '--fail-onn', 'error'], '--fail-on'],
    [['can', 'a', 'reach', 'b', '--verbos'], '--verbose'],
    [['report', '-f', T, '--output-flie', 'x'], '--output-file'],
    [['migrate', '-f', LEGACY, '--output-directory', 'x'], '--output-dir'],
  ])('%j', async (argv, near) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`unknown flag ${argv.find((a) => a.startsWith('--') && !['--fail-on'].includes(a) && a !== '--format')}`);
    expect(r.err).toContain(`did you mean ${near}?`);
  });
});

describe('other command-line mistakes are said in the help page\'s words (no raw parseArgs text)', () => {
  it.each([
    [['matrix', '-f'], '-f/--file needs a value (PATH) and none was given'],
    [['matrix', '-f', T, '-o'], '-o/--output needs a value (FORMAT) and none was given'],
    [['matrix', '-f', '-o', 'json'], '-f needs a value (PATH), but the next word "-o" is a flag; for a value that starts with a dash write --file=VALUE'],
    [['lint', '-f', T, '--list-rules=yes'], '--list-rules is a switch and takes no value'],
    [['can', 'api', 'reach', 'db', '-f', T, '-n', 'shop', '-n', 'kube-system'], '-n/--namespace given 2 times ("shop", "kube-system"): can takes one'],
    [['matrix', '-f', T, '-o', 'json', '-o', 'csv'], '-o/--output given 2 times'],
    [['matrix', '-f', T, '-l', 'app in (db'], '-l app in (db: cannot read'],
    [['diff', '-f', T], 'diff does not take -f/--file: diff compares --base PATH with --head PATH'],
    [['migrate', '-f', LEGACY, '--cni', 'calico'], 'migrate does not take --cni'],
  ])('%j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/Option '|ERR_PARSE_ARGS|argument is ambiguous/);
  });

  it('the same value twice is one value', async () => {
    expect((await runCli(['matrix', '-f', T, '-o', 'json', '-o', 'json'])).code).toBe(0);
  });
});
