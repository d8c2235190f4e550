import { sanitizeTerminalText } from '../../src/format/escape/terminal.js';
import { pathInside, writeOutput } from '../write-output.js';
import { migrate } from '../../src/legacy/migrate.js';
import { formatMigrationText } from '../../src/format/migrate/text.js';
import { COMMON_OPTIONS, flag, formatOption, outputFile, parse, str, strs, loadOptions } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { FILE_ROW, HELP_ROWS, KUSTOMIZE_ROW, NAMESPACE_ROW, optionTable, SEMANTICS_ROWS } from '../help.js';
import type { Io } from '../io.js';
import { loadForCommand } from '../load.js';

export const MIGRATE_HELP = `Usage: netpol-check migrate -f PATH [-f PATH…] [--output-dir DIR]

Writes the networking.k8s.io/v1 equivalent of extensions/v1beta1 and net.alpha.kubernetes.io
policies: each policy in v1 form, a default-deny-ingress policy for each namespace isolated by
an annotation (Kubernetes 1.2–1.6), and those Namespaces without the annotation. Then proves
it: reads the written manifests back and compares their reachability with the old semantics,
connection by connection, and prints "equivalent: …" or the differing connections.

${optionTable([
  FILE_ROW,
  ['--output-dir DIR', 'write one file per namespace (DIR/NAMESPACE.yaml) and print the\nreport; without it the manifests go to standard output and the report\nto stderr'],
  ['-o, --output FORMAT', 'yaml, the only one (--format is the same)'],
  NAMESPACE_ROW,
  KUSTOMIZE_ROW,
  ...SEMANTICS_ROWS,
  ...HELP_ROWS,
])}

Exit codes: 0 written and equivalent, 1 not equivalent (the differences are listed),
2 input or usage error.
`;

export async function migrateCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, { ...COMMON_OPTIONS, 'output-dir': { type: 'string' } });
  if (flag(args, 'help')) {
    io.out(MIGRATE_HELP);
    return EXIT.ok;
  }
  formatOption(args, ['yaml'] as const, 'yaml');
  if (outputFile(args)) throw new UsageError('migrate writes one file per namespace: give a folder with --output-dir DIR');
  const loaded = loadForCommand([...strs(args, 'file'), ...args.positionals], io, loadOptions(args));
  const migration = migrate(loaded);
  const dir = str(args, 'output-dir');
  const written: string[] = [];
  if (dir) {
    // Every path is checked before anything is written: all files or none.
    const targets = migration.files.map((f) => ({ path: pathInside(dir, f.name), text: f.text }));
    for (const t of targets) {
      writeOutput(io, t.path, t.text, loaded.inputFiles);
      written.push(t.path);
    }
    io.out(sanitizeTerminalText(formatMigrationText(migration, written)));
  } else {
    io.out(migration.files.map((f) => `# ${f.name}\n${f.text}`).join('---\n'));
    io.err(sanitizeTerminalText(formatMigrationText(migration, [])));
  }
  if (loaded.errors > 0) return EXIT.error;
  return migration.proof.equivalent ? EXIT.ok : EXIT.no;
}
