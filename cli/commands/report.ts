import { progressFor } from '../progress.js';
import { escapeTerminal } from '../../src/text/escape/terminal.js';
import { writeOutput } from '../write-output.js';
import type { Level } from '../../src/engine/connectivity.js';
import type { EdgeFilter } from '../../src/engine/edge-filter.js';
import { formatReportHtml } from '../../src/format/report/html.js';
import { reportData } from '../../src/format/report/report-data.js';
import { runLint } from '../../src/lint/run-lint.js';
import { flag, oneOf, outputFile, parse, str, strs, loadOptions } from '../args.js';
import { helpPage } from '../help.js';
import { REPORT } from '../specs/report.js';
import { EXIT, UsageError } from '../errors.js';
import { loadForCommand } from '../load.js';
import { cniOption, noteCiliumCni } from '../cni.js';
import { pluginMatrix, withProfile } from '../plugin-matrix.js';
import type { CniProfile } from '../../src/model/cni.js';
import { formatInputStatusText } from '../../src/format/input/input-status.js';
import type { Io } from '../io.js';
import { reportAssets } from '../report-assets.js';
import { matrixFilter } from '../scope-filters.js';

export const REPORT_HELP = helpPage(REPORT);

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, REPORT);
  if (flag(args, 'help')) {
    io.out(REPORT_HELP);
    return EXIT.ok;
  }
  const format = str(args, 'output') ?? str(args, 'format');
  if (format !== undefined && format !== 'html') throw new UsageError(`report writes HTML; -o is the format, so give the file with --output-file FILE${/[./\\]/.test(format) ? ` (--output-file ${format})` : ''}`);
  const output = outputFile(args);
  if (!output) throw new UsageError('report needs --output-file FILE (an HTML page is not for the terminal)');
  const level = oneOf<Level>('level', str(args, 'level'), ['workload', 'pod'], 'workload');
  const files = [...strs(args, 'file'), ...args.positionals];
  const loaded = loadForCommand(files, io, loadOptions(args));
  noteCiliumCni(io, loaded.snapshot, cniOption(args));
  const filter = matrixFilter(args, loaded.snapshot);
  writeOutput(io, output, reportHtml(loaded, level, str(args, 'title') ?? `netpol-check report: ${files.join(', ')}`, cniOption(args), io, filter), loaded.inputFiles);
  io.err(`wrote ${escapeTerminal(output)}\n`);
  return loaded.errors > 0 ? EXIT.error : EXIT.ok;
}

/** The page for a loaded snapshot (also `matrix --format html`). */
export function reportHtml(loaded: ReturnType<typeof loadForCommand>, level: Level, title: string, cni: CniProfile = 'generic', io?: Pick<Io, 'err' | 'statusLine'>, filter?: EdgeFilter): string {
  // Where plugins differ (no --cni), the page shows what any of them allows; stderr names the pairs.
  const progress = io && progressFor(io);
  const { matrix, input } = pluginMatrix(loaded.snapshot, cni, loaded.input, level, progress);
  if (io && input.plugin?.dependent.length) io.err(formatInputStatusText({ complete: true, errors: [], plugin: input.plugin }));
  const snapshot = withProfile(loaded.snapshot, cni);
  const findings = runLint(snapshot, loaded.diagnostics, { matrix, ...(progress ? { progress } : {}) });
  const notices = formatInputStatusText(input).split('\n').filter(Boolean);
  return formatReportHtml({ ...reportData(snapshot, matrix, level, findings, title, filter), ...(notices.length ? { notices } : {}) }, reportAssets());
}
