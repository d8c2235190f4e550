import { escapeTerminal } from '../../src/format/escape/terminal.js';
import { writeOutput } from '../write-output.js';
import { connectivity, type Level } from '../../src/engine/connectivity.js';
import { filterConnectivity, type EdgeFilter } from '../../src/engine/edge-filter.js';
import { formatReportHtml } from '../../src/format/report/html.js';
import { reportData } from '../../src/format/report/report-data.js';
import { runLint } from '../../src/lint/run-lint.js';
import { COMMON_OPTIONS, flag, oneOf, parse, NAMESPACE_HELP, KUSTOMIZE_HELP, SEMANTICS_HELP, str, strs, loadOptions } from '../args.js';
import { EXIT, UsageError } from '../errors.js';
import { loadForCommand } from '../load.js';
import { CNI_HELP, CNI_OPTION, cniOption } from '../cni.js';
import { pluginMatrix, withProfile } from '../plugin-matrix.js';
import type { CniProfile } from '../../src/model/cni.js';
import { formatInputStatusText } from '../../src/format/input/input-status.js';
import type { Io } from '../io.js';
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
${NAMESPACE_HELP}
${KUSTOMIZE_HELP}
${SEMANTICS_HELP}
${CNI_HELP}
  -h, --help          this help

Exit codes: 0 written, 2 input or usage error.
`;

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, { ...COMMON_OPTIONS, ...CNI_OPTION, level: { type: 'string' }, title: { type: 'string' } });
  if (flag(args, 'help')) {
    io.out(REPORT_HELP);
    return EXIT.ok;
  }
  const output = str(args, 'output');
  if (!output) throw new UsageError('report needs -o FILE (an HTML page is not for the terminal)');
  const level = oneOf<Level>('level', str(args, 'level'), ['workload', 'pod'], 'workload');
  const files = [...strs(args, 'file'), ...args.positionals];
  const loaded = loadForCommand(files, io, loadOptions(args));
  writeOutput(io, output, reportHtml(loaded, level, str(args, 'title') ?? `netpol-check report: ${files.join(', ')}`, cniOption(args), io), loaded.inputFiles);
  io.err(`wrote ${escapeTerminal(output)}\n`);
  return loaded.errors > 0 ? EXIT.error : EXIT.ok;
}

/** The page for a loaded snapshot (also `matrix --format html`). */
export function reportHtml(loaded: ReturnType<typeof loadForCommand>, level: Level, title: string, cni: CniProfile = 'generic', io?: Pick<Io, 'err'>, filter?: EdgeFilter): string {
  // Where plugins differ (no --cni), the page shows what any of them allows; stderr names the pairs.
  const { matrix, input } = pluginMatrix(loaded.snapshot, cni, loaded.input, level);
  if (io && input.plugin?.dependent.length) io.err(formatInputStatusText({ complete: true, errors: [], plugin: input.plugin }));
  const snapshot = withProfile(loaded.snapshot, cni);
  const view = filter ? filterConnectivity(connectivity(matrix, level), filter) : connectivity(matrix, level);
  const findings = runLint(snapshot, loaded.diagnostics, { matrix });
  const notices = formatInputStatusText(input).split('\n').filter(Boolean);
  return formatReportHtml({ ...reportData(snapshot, matrix, view, findings, title), ...(notices.length ? { notices } : {}) }, reportAssets());
}
