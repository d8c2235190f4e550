import { progressFor } from '../progress.js';
import { jsonOrYaml } from '../json-or-yaml.js';
import { emit } from '../emit.js';
import { paintLint } from '../paint.js';
import { formatInputStatusText } from '../../src/format/input/input-status.js';
import { inputStatus } from '../../src/load/input-status.js';
import { formatFindingsGithub } from '../../src/format/findings/github.js';
import { formatFindingsJson } from '../../src/format/findings/json.js';
import { formatFindingsSarif } from '../../src/format/findings/sarif.js';
import { formatRulesMarkdown } from '../../src/format/findings/rules-md.js';
import { formatFindingsText } from '../../src/format/findings/text.js';
import { RULES } from '../../src/lint/registry.js';
import { runLint, SEVERITY_RANK } from '../../src/lint/run-lint.js';
import { findingsInScope } from '../../src/lint/finding-scope.js';
import { findingScope } from '../scope-filters.js';
import { loadSnapshot } from '../../src/load/load-snapshot.js';
import { semanticsName } from '../../src/model/semantics.js';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { repositoryRoot } from '../../src/load/repository-root.js';
import { parseConfig, type LintConfig } from '../../src/lint/config.js';
import { flag, formatOption, loadOptions, oneOf, outputFile, parse, str, strs, type Parsed } from '../args.js';
import { readInputs } from '../../src/load/read-inputs.js';
import { fixFiles } from '../../src/fix/fix-files.js';
import { formatFixText } from '../../src/format/fix/text.js';
import { escapeTerminal, sanitizeTerminalText } from '../../src/text/escape/terminal.js';
import { helpPage } from '../help.js';
import { LINT } from '../specs/lint.js';
import { EXIT, UsageError } from '../errors.js';
import { formatDiagnostic, type Io } from '../io.js';
import { reportSemantics } from '../load.js';
import { cniOption, noteCiliumCni } from '../cni.js';
import { withProfile } from '../plugin-matrix.js';
import { version } from '../version.js';

const DEFAULT_CONFIG = '.netpol-check.yaml';

/** `lint --fix` / `--fix-dry-run`: the diff and the proof, then (with --fix) the files written back. */
function fixCommand(args: Parsed, files: string[], options: ReturnType<typeof loadOptions>, io: Io): number {
  if (str(args, 'output') !== undefined || str(args, 'format') !== undefined) throw new UsageError('--fix prints a diff and a report: it takes no -o/--format');
  if (outputFile(args)) throw new UsageError('--fix writes the fixed files back: it takes no --output-file');
  const read = readInputs(files, { readStdin: io.readStdin, ...options });
  for (const d of read.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  if (read.diagnostics.some((d) => d.severity === 'error')) return EXIT.error;
  const result = fixFiles(read.inputs, { ...options, cni: cniOption(args) });
  const dryRun = !flag(args, 'fix');
  const written: string[] = [];
  if (!dryRun) {
    for (const f of result.files) {
      try {
        io.writeFile(f.file, f.after);
      } catch (e) {
        throw new UsageError(`cannot write ${escapeTerminal(f.file)}: ${(e as Error).message}`);
      }
      written.push(f.file);
    }
  }
  io.out(sanitizeTerminalText(formatFixText(result, dryRun ? 'dry-run' : written)));
  return EXIT.ok;
}

export const LINT_HELP = helpPage(LINT);

export async function lintCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, LINT);
  if (flag(args, 'help')) {
    io.out(LINT_HELP);
    return EXIT.ok;
  }
  if (flag(args, 'list-rules')) {
    if (formatOption(args, ['text', 'md'] as const, 'text') === 'md') io.out(formatRulesMarkdown(RULES));
    else for (const r of RULES) io.out(`${r.meta.id.padEnd(30)} ${r.meta.severity.padEnd(8)} ${r.meta.description}\n`);
    return EXIT.ok;
  }
  const format = formatOption(args, ['text', 'json', 'yaml', 'sarif', 'github'] as const, 'text');
  const configFile = str(args, 'config') ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
  let config: LintConfig | undefined;
  if (configFile) {
    let text: string;
    try {
      text = readFileSync(configFile, 'utf8');
    } catch {
      throw new UsageError(`cannot read config file ${configFile}`);
    }
    const parsed = parseConfig(configFile, text, RULES.map((r) => r.meta.id));
    if (parsed.problems.length) {
      for (const p of parsed.problems) io.err(`${formatDiagnostic(p)}\n`);
      return EXIT.error;
    }
    config = parsed.config;
  }
  const failOn = oneOf('fail-on', str(args, 'fail-on'), ['error', 'warning', 'info'] as const, config?.failOn ?? 'warning');
  const files = [...strs(args, 'file'), ...args.positionals];
  const options = loadOptions(args);
  if (files.length === 0 && !options.kustomize?.length) throw new UsageError('no input: give -f PATH (a file, a folder, or - for standard input) or -k DIR (a kustomize folder)');
  if (flag(args, 'fix') || flag(args, 'fix-dry-run')) return fixCommand(args, files, options, io);
  const progress = progressFor(io);
  const loaded = loadSnapshot(files, { readStdin: io.readStdin, ...(progress ? { progress } : {}), ...options });
  reportSemantics(loaded.snapshot, io);
  // Problems no rule speaks for (unreadable files, YAML syntax, duplicates) are input errors: exit 2.
  const owned = new Set<string>(['policy-not-applied', ...RULES.flatMap((r) => r.inputCodes ?? [])]);
  const unreadable = loaded.diagnostics.some((d) => d.severity === 'error' && !owned.has(d.code));
  const input = inputStatus(loaded.diagnostics, loaded.snapshot);
  noteCiliumCni(io, loaded.snapshot, cniOption(args));
  const all = runLint(withProfile(loaded.snapshot, cniOption(args)), loaded.diagnostics, { disable: (str(args, 'disable') ?? '').split(',').filter(Boolean), ...(config ? { config } : {}), ...(progress ? { progress } : {}) });
  const findings = findingsInScope(all, loaded.snapshot, findingScope(args));
  const text =
    format === 'json' || format === 'yaml'
      ? await jsonOrYaml(format, formatFindingsJson(findings, semanticsName(loaded.snapshot.semantics), input))
      : format === 'sarif'
        ? formatFindingsSarif(findings, version(), { root: repositoryRoot(), cwd: realpathSync(process.cwd()) })
        : format === 'github'
          ? formatFindingsGithub(findings)
          : formatInputStatusText(input) + formatFindingsText(findings);
  emit(io, text, { paint: paintLint, format, output: outputFile(args), inputFiles: [...(loaded.inputFiles ?? []), ...(configFile ? [configFile] : [])] });
  if (unreadable) return EXIT.error;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]) ? EXIT.no : EXIT.ok;
}
