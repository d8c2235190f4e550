import { escapeTerminal } from '../../src/format/escape/terminal.js';
import { writeOutput } from '../write-output.js';
import { connectivity, type Level } from '../../src/engine/connectivity.js';
import { computeMatrix } from '../../src/engine/matrix.js';
import { formatReportHtml } from '../../src/format/report/html.js';
import { reportData } from '../../src/format/report/report-data.js';
import { runLint } from '../../src/lint/run-lint.js';
import { COMMON_OPTIONS, flag, oneOf, parse, SEMANTICS_HELP, semanticsOption, str, strs } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadForCommand } from '../load.js';
import { reportAssets } from '../report-assets.js';

export const REPORT_HELP = `Usage: netpol-check report -f PATH [-f PATH…] -o report.html [--level workload|pod] [--title TEXT]

Writes one self-contained HTML file (cytoscape embedded; opens without network): the
reachability graph with namespaces as groups and outside ranges as their own nodes, edges
labelled with ports, isolation marked; search, click a node for what it reaches and what
reaches it, click an edge for why (the explanation can prints), filters by namespace, port and
protocol, a workload/namespace toggle (namespaces first past 150 nodes), a legend, and tables of
lint findings, exposure to outside addresses and groups that all reach each other.
'netpol-check matrix --format html -o FILE' writes the same.

Options:
  -f, --file PATH     manifests: file, folder or - for stdin; repeatable
  -o, --output FILE   where to write the page (required)
      --level LEVEL   workload (default) | pod
      --title TEXT    the page title (default: netpol-check report: the inputs)
${SEMANTICS_HELP}
  -h, --help          this help

Exit codes: 0 written, 2 input or usage error.
`;

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, { ...COMMON_OPTIONS, level: { type: 'string' }, title: { type: 'string' } });
  if (flag(args, 'help')) {
    io.out(REPORT_HELP);
    return EXIT.ok;
  }
  const output = str(args, 'output');
  if (!output) throw new UsageError('report needs -o FILE (an HTML page is not for the terminal)');
  const level = oneOf<Level>('level', str(args, 'level'), ['workload', 'pod'], 'workload');
  const files = [...strs(args, 'file'), ...args.positionals];
  const loaded = loadForCommand(files, io, semanticsOption(args), flag(args, 'follow-symlinks'));
  writeOutput(io, output, reportHtml(loaded, level, str(args, 'title') ?? `netpol-check report: ${files.join(', ')}`), loaded.inputFiles);
  io.err(`wrote ${escapeTerminal(output)}\n`);
  return loaded.errors > 0 ? EXIT.error : EXIT.ok;
}

/** The page for a loaded snapshot (also `matrix --format html`). */
export function reportHtml(loaded: ReturnType<typeof loadForCommand>, level: Level, title: string): string {
  const matrix = computeMatrix(loaded.snapshot);
  const view = connectivity(matrix, level);
  const findings = runLint(loaded.snapshot, loaded.diagnostics, { matrix });
  return formatReportHtml(reportData(loaded.snapshot, matrix, view, findings, title), reportAssets());
}
