import { progressFor } from '../progress.js';
import { emit } from '../emit.js';
import { formatInputStatusText, inputStatusJson } from '../../src/format/input/input-status.js';
import { connectivity, type Level } from '../../src/engine/connectivity.js';
import { formatBlastRadius, formatPath } from '../../src/format/graph/text.js';
import { blastRadius } from '../../src/graph/blast-radius.js';
import { shortestPath } from '../../src/graph/paths.js';
import { reachGraph } from '../../src/graph/reach-graph.js';
import { resolveNode } from '../../src/query/resolve-node.js';
import { flag, formatOption, oneOf, outputFile, parse, str, strs, loadOptions } from '../args.js';
import { helpPage } from '../help.js';
import { PATH, REACH_FROM } from '../specs/graph.js';
import type { CommandSpec } from '../specs/option.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadForCommand } from '../load.js';
import { cniOption, noteCiliumCni } from '../cni.js';
import { pluginMatrix } from '../plugin-matrix.js';

export const REACH_FROM_HELP = helpPage(REACH_FROM);

export const PATH_HELP = helpPage(PATH);

function prepare(argv: string[], io: Io, names: number, help: string, spec: CommandSpec) {
  const args = parse(argv, spec);
  if (flag(args, 'help')) {
    io.out(help);
    return undefined;
  }
  if (args.positionals.length !== names) throw new UsageError(`expected ${names === 1 ? 'one name' : 'two names'} (see netpol-check help ${names === 1 ? 'reach-from' : 'path'})`);
  const level = oneOf<Level>('level', str(args, 'level'), ['workload', 'pod'], 'workload');
  const format = formatOption(args, ['text', 'json'] as const, 'text');
  const loaded = loadForCommand(strs(args, 'file'), io, loadOptions(args));
  noteCiliumCni(io, loaded.snapshot, cniOption(args));
  const { matrix, input } = pluginMatrix(loaded.snapshot, cniOption(args), loaded.input, level, progressFor(io));
  const view = connectivity(matrix, level);
  const graph = reachGraph(view);
  const namespace = flag(args, 'all-namespaces') ? undefined : str(args, 'namespace');
  const nodes = args.positionals.map((name) => {
    const r = resolveNode(loaded.snapshot, view, name, namespace);
    if (!r.ok) throw new UsageError(`${r.reason}${r.candidates.length ? `\n  did you mean: ${r.candidates.join(', ')}` : ''}`);
    return r.node.id;
  });
  return { args, format, loaded, graph, nodes, input };
}

export async function reachFromCommand(argv: string[], io: Io): Promise<number> {
  const p = prepare(argv, io, 1, REACH_FROM_HELP, REACH_FROM);
  if (!p) return EXIT.ok;
  const hopsText = str(p.args, 'hops') ?? '1';
  const hops = Number(hopsText);
  if (!Number.isInteger(hops) || hops < 1) throw new UsageError(`--hops must be a whole number of at least 1, got "${hopsText}"`);
  const reached = blastRadius(p.graph, p.nodes[0]!, hops);
  emit(io, p.format === 'json' ? `${JSON.stringify({ format: 'netpol-check/reach-from', version: 1, ...inputStatusJson(p.input), source: p.nodes[0], hops, reached }, null, 2)}\n` : formatInputStatusText(p.input) + formatBlastRadius(p.nodes[0]!, hops, reached), { format: p.format, output: outputFile(p.args), inputFiles: p.loaded.inputFiles });
  return p.loaded.errors > 0 ? EXIT.error : EXIT.ok;
}

export async function pathCommand(argv: string[], io: Io): Promise<number> {
  const p = prepare(argv, io, 2, PATH_HELP, PATH);
  if (!p) return EXIT.ok;
  const [a, b] = p.nodes as [string, string];
  const hops = shortestPath(p.graph, a, b);
  emit(io, p.format === 'json' ? `${JSON.stringify({ format: 'netpol-check/path', version: 1, ...inputStatusJson(p.input), from: a, to: b, hops }, null, 2)}\n` : formatInputStatusText(p.input) + formatPath(a, b, hops), { format: p.format, output: outputFile(p.args), inputFiles: p.loaded.inputFiles });
  if (p.loaded.errors > 0) return EXIT.error;
  return hops ? EXIT.ok : EXIT.no;
}
