import { sanitizeTerminalText } from '../../src/text/escape/terminal.js';
import { pathInside, writeOutput } from '../write-output.js';
import { convertCilium } from '../../src/legacy/cilium-convert.js';
import { migrate, type MigrationFile } from '../../src/legacy/migrate.js';
import { formatCiliumConversionText } from '../../src/format/migrate/cilium-text.js';
import { formatMigrationText } from '../../src/format/migrate/text.js';
import { flag, formatOption, outputFile, parse, str, strs, loadOptions } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { helpPage } from '../help.js';
import { MIGRATE } from '../specs/migrate.js';
import type { Io } from '../io.js';
import { loadForCommand } from '../load.js';

export const MIGRATE_HELP = helpPage(MIGRATE);

export async function migrateCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, MIGRATE);
  if (flag(args, 'help')) {
    io.out(MIGRATE_HELP);
    return EXIT.ok;
  }
  formatOption(args, ['yaml'] as const, 'yaml');
  const loaded = loadForCommand([...strs(args, 'file'), ...args.positionals], io, loadOptions(args));
  const dir = str(args, 'output-dir');
  if (flag(args, 'cilium')) {
    const conversion = convertCilium(loaded.snapshot);
    const written = writeFiles(io, dir, conversion.files, loaded.inputFiles);
    const report = sanitizeTerminalText(formatCiliumConversionText(conversion, written));
    if (dir) io.out(report);
    else {
      io.out(conversion.files.map((f) => `# ${f.name}\n${f.text}`).join('---\n'));
      io.err(report);
    }
    if (loaded.errors > 0 || conversion.reloadProblems.length) return EXIT.error;
    return conversion.items.every((i) => i.status === 'exact') ? EXIT.ok : EXIT.no;
  }
  const migration = migrate(loaded);
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

/** Every path checked before anything is written: all files or none. Nothing without a folder. */
function writeFiles(io: Io, dir: string | undefined, files: readonly MigrationFile[], inputs: Parameters<typeof writeOutput>[3]): string[] {
  if (!dir) return [];
  const targets = files.map((f) => ({ path: pathInside(dir, f.name), text: f.text }));
  for (const t of targets) writeOutput(io, t.path, t.text, inputs);
  return targets.map((t) => t.path);
}
