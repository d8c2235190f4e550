import { jsonOrYaml } from '../json-or-yaml.js';
import { emit } from '../emit.js';
import { diffConnectivity } from '../../src/diff/connectivity-diff.js';
import { Responsibility } from '../../src/diff/responsible.js';
import { connectivity } from '../../src/engine/connectivity.js';
import { sameFamilies } from '../../src/engine/show-ipv6.js';
import { chosenEnd } from '../../src/engine/edge-filter.js';
import type { Connectivity } from '../../src/engine/connectivity.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import type { Parsed } from '../args.js';
import { matrixFilter } from '../scope-filters.js';
import { formatDiffJson } from '../../src/format/diff/json.js';
import { formatDiffMarkdown } from '../../src/format/diff/markdown.js';
import { formatDiffText } from '../../src/format/diff/text.js';
import { formatInputStatusMarkdown, formatInputStatusText } from '../../src/format/input/input-status.js';
import { inputStatus } from '../../src/load/input-status.js';
import { readGitRevision } from '../../src/load/git-source.js';
import { loadSnapshot, loadTexts, type LoadOptions, type LoadResult } from '../../src/load/load-snapshot.js';
import { cniOption, noteCiliumCni } from '../cni.js';
import { pluginMatrix, withProfile } from '../plugin-matrix.js';
import { flag, formatOption, loadOptions, outputFile, parse, str } from '../args.js';
import { helpPage } from '../help.js';
import { DIFF } from '../specs/diff.js';
import { EXIT, UsageError } from '../errors.js';
import { formatDiagnostic, type Io } from '../io.js';
import { reportSemantics } from '../load.js';
import { semanticsName } from '../../src/model/semantics.js';

export const DIFF_HELP = helpPage(DIFF);

function load(spec: string, io: Io, which: string, options: LoadOptions): LoadResult {
  const result = spec.startsWith('git:')
    ? (() => {
        const read = readGitRevision(spec);
        const loaded = loadTexts(read.inputs, options);
        return { ...loaded, diagnostics: [...read.diagnostics, ...loaded.diagnostics] };
      })()
    : loadSnapshot([spec], { readStdin: io.readStdin, ...options });
  for (const d of result.diagnostics) io.err(`${which}: ${formatDiagnostic(d)}\n`);
  reportSemantics(result.snapshot, io, `${which}: `);
  return result;
}

export async function diffCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, DIFF);
  if (flag(args, 'help')) {
    io.out(DIFF_HELP);
    return EXIT.ok;
  }
  const baseSpec = str(args, 'base');
  const headSpec = str(args, 'head');
  if (!baseSpec || !headSpec) throw new UsageError('diff needs --base PATH and --head PATH (see netpol-check help diff)');
  const format = formatOption(args, ['text', 'json', 'yaml', 'md'] as const, 'text');
  const base = load(baseSpec, io, 'base', loadOptions(args));
  const head = load(headSpec, io, 'head', loadOptions(args));
  const errors = [...base.diagnostics, ...head.diagnostics].filter((d) => d.severity === 'error').length;
  const cni = cniOption(args);
  noteCiliumCni(io, head.snapshot.ciliumPolicies?.length ? head.snapshot : base.snapshot, cni);
  const basePlugin = pluginMatrix(base.snapshot, cni, { complete: true, errors: [] });
  const headPlugin = pluginMatrix(head.snapshot, cni, { complete: true, errors: [] });
  const [baseMatrix, headMatrix] = sameFamilies(basePlugin.matrix, headPlugin.matrix);
  const baseView = connectivity(baseMatrix, 'workload');
  const headView = connectivity(headMatrix, 'workload');
  const responsibility = new Responsibility(withProfile(base.snapshot, cni), baseView, withProfile(head.snapshot, cni), headView);
  const chosen = chosenNodes(args, [base.snapshot, baseView], [head.snapshot, headView]);
  const changes = diffConnectivity(baseView, headView)
    .filter((c) => !chosen || chosen.has(c.src) || chosen.has(c.dst))
    .map((change) => ({ change, reasons: responsibility.reasons(change) }));
  const input = inputStatus([...base.diagnostics.map((d) => ({ ...d, message: `base: ${d.message}` })), ...head.diagnostics.map((d) => ({ ...d, message: `head: ${d.message}` }))], {
    unmodelled: [...(base.snapshot.unmodelled ?? []), ...(head.snapshot.unmodelled ?? [])],
  });
  // Pairs the plugin decides, in head (where plugins differ without --cni, the diff compares what any of them allows).
  if (headPlugin.dependent.length || basePlugin.dependent.length) input.plugin = { profile: cni, dependent: headPlugin.dependent.length ? headPlugin.dependent : basePlugin.dependent };
  const text =
    format === 'json' || format === 'yaml'
      ? await jsonOrYaml(format, formatDiffJson(changes, { base: semanticsName(base.snapshot.semantics), head: semanticsName(head.snapshot.semantics) }, input))
      : format === 'md'
        ? formatInputStatusMarkdown(input) + formatDiffMarkdown(changes)
        : formatInputStatusText(input) + formatDiffText(changes);
  emit(io, text, { format, output: outputFile(args), inputFiles: [...(base.inputFiles ?? []), ...(head.inputFiles ?? [])] });
  if (errors > 0) return EXIT.error;
  return flag(args, 'exit-code') && changes.length > 0 ? EXIT.no : EXIT.ok;
}

/**
 * The workloads -n and -l choose, before or after the change (each snapshot's pods matched on
 * their own labels); undefined when neither is given (or -A overrides -n).
 */
function chosenNodes(args: Parsed, ...sides: [Snapshot, Connectivity][]): Set<string> | undefined {
  let chosen: Set<string> | undefined;
  for (const [snapshot, view] of sides) {
    const filter = matrixFilter(args, snapshot);
    if (!filter) return undefined;
    chosen ??= new Set();
    for (const n of view.nodes) if (chosenEnd(filter, n)) chosen.add(n.id);
  }
  return chosen;
}
