import { escapeTerminal, sanitizeTerminalText } from '../src/text/escape/terminal.js';
import { EXIT, UsageError } from './errors.js';
import type { Io } from './io.js';
import { clearProgress } from './progress.js';
import { version } from './version.js';
import { COMMAND_SPECS } from './specs/index.js';

const COMMAND_LIST = [...COMMAND_SPECS.map((c) => [c.name, c.summary] as const), ['completion', 'a shell completion script: netpol-check completion bash|zsh|fish'] as const, ['help', 'this help (netpol-check help COMMAND for a command\'s options)'] as const]
  .map(([name, summary]) => `  ${name.padEnd(12)}${summary}`)
  .join('\n');

export const HELP = `netpol-check — offline Kubernetes NetworkPolicy reachability analyzer

Usage: netpol-check <command> [options]

Commands:
${COMMAND_LIST}

Options most commands take (netpol-check help COMMAND lists each one's):
  -f PATH, -k DIR, -o FORMAT (--format), --output-file FILE, -n NS, -A, -l SELECTOR,
  -h (--help), -V (--version).

Input: -f PATH, repeatable: YAML/JSON files, folders (recursive), or - for stdin; multi-document
files and kind: List as printed by 'kubectl get ns,pods,deploy,networkpolicies -A -o yaml'.

Examples:
  netpol-check can frontend reach db:5432 -f examples/three-tier
  netpol-check matrix -f examples/three-tier
  kubectl get ns,pods,networkpolicies -A -o yaml | netpol-check matrix -f - -o md
`;

type Command = { run: (argv: string[], io: Io) => Promise<number>; help: string };

/** Commands load on demand: `can` does not pay for lint's or diff's modules. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  can: () => import('./commands/can.js').then((m) => ({ run: m.canCommand, help: m.CAN_HELP })),
  diff: () => import('./commands/diff.js').then((m) => ({ run: m.diffCommand, help: m.DIFF_HELP })),
  explore: () => import('./commands/explore.js').then((m) => ({ run: m.exploreCommand, help: m.EXPLORE_HELP })),
  generate: () => import('./commands/generate.js').then((m) => ({ run: m.generateCommand, help: m.GENERATE_HELP })),
  lint: () => import('./commands/lint.js').then((m) => ({ run: m.lintCommand, help: m.LINT_HELP })),
  matrix: () => import('./commands/matrix.js').then((m) => ({ run: m.matrixCommand, help: m.MATRIX_HELP })),
  path: () => import('./commands/graph-queries.js').then((m) => ({ run: m.pathCommand, help: m.PATH_HELP })),
  'reach-from': () => import('./commands/graph-queries.js').then((m) => ({ run: m.reachFromCommand, help: m.REACH_FROM_HELP })),
  report: () => import('./commands/report.js').then((m) => ({ run: m.reportCommand, help: m.REPORT_HELP })),
  migrate: () => import('./commands/migrate.js').then((m) => ({ run: m.migrateCommand, help: m.MIGRATE_HELP })),
  verify: () => import('./commands/verify.js').then((m) => ({ run: m.verifyCommand, help: m.VERIFY_HELP })),
  completion: () => import('./commands/completion.js').then((m) => ({ run: m.completionCommand, help: m.COMPLETION_HELP })),
};

/** Runs one command line; returns the exit code. The only place errors become exit codes. */
export async function run(argv: string[], rawIo: Io): Promise<number> {
  const [command, ...rest] = argv;
  // Everything on stderr quotes input somewhere (paths, names, field names): one guard for all of it.
  const io: Io = {
    ...rawIo,
    err: (t) => {
      clearProgress(io);
      rawIo.err(sanitizeTerminalText(t));
    },
  };
  try {
    if (!command || command === '--help' || command === '-h') {
      io.out(HELP);
      return command ? EXIT.ok : EXIT.error;
    }
    if (command === '--version' || command === '-V') {
      io.out(`${version()}\n`);
      return EXIT.ok;
    }
    if (command === 'help') {
      const topic = rest[0] ? COMMANDS[rest[0]] : undefined;
      io.out(topic ? (await topic()).help : HELP);
      return EXIT.ok;
    }
    if (rest.includes('--version') || rest.includes('-V')) {
      io.out(`${version()}\n`);
      return EXIT.ok;
    }
    const cmd = COMMANDS[command];
    if (!cmd) throw new UsageError(`unknown command "${escapeTerminal(command)}" (try: ${Object.keys(COMMANDS).join(', ')}, help)`);
    return await (await cmd()).run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`netpol-check: ${e.message}\n`);
      return EXIT.error;
    }
    io.err(`netpol-check: internal error: ${(e as Error).message}\nPlease report this with the input that caused it.\n`);
    return EXIT.error;
  } finally {
    clearProgress(io);
  }
}
