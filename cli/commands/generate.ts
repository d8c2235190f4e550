import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { escapeTerminal, sanitizeTerminalText } from '../../src/text/escape/terminal.js';
import { withProfile } from '../../src/engine/with-profile.js';
import { parseFlowCsv } from '../../src/generate/csv-flows.js';
import { checkGenerated, flowLinesOf, type ExpectationOutcome } from '../../src/generate/from-expectations.js';
import { generateFromFlows } from '../../src/generate/from-flows.js';
import type { FlowLine } from '../../src/generate/flows.js';
import { freeze, type Generation } from '../../src/generate/generate.js';
import { parseHubbleFlows } from '../../src/generate/hubble-flows.js';
import { POLICY_KIND, POLICY_KINDS, type PolicyKind } from '../../src/generate/policy-kind.js';
import { referenceFlows } from '../../src/generate/references.js';
import { formatGenerateText } from '../../src/format/generate/text.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { parseExpectations, type Expectation } from '../../src/verify/expectations.js';
import { flag, formatOption, oneOf, parse, str, strs, loadOptions } from '../args.js';
import { cniOption } from '../cni.js';
import { EXIT, UsageError } from '../errors.js';
import { helpPage } from '../help.js';
import { formatDiagnostic, type Io } from '../io.js';
import { loadForCommand } from '../load.js';
import { GENERATE } from '../specs/generate.js';
import { pathInside, writeOutput } from '../write-output.js';

export const GENERATE_HELP = helpPage(GENERATE);

type Source =
  | { kind: 'expectations'; expectations: Expectation[]; lines: FlowLine[] }
  | { kind: 'flows'; lines: FlowLine[]; skipped?: Map<string, number> };

/** Reads --from FILE by its extension; problems carry file and line. */
function readSource(file: string): { source?: Source; problems: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read --from ${escapeTerminal(file)}`);
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') {
    const parsed = parseExpectations(file, text);
    return { source: { kind: 'expectations', expectations: parsed.expectations, lines: flowLinesOf(parsed.expectations) }, problems: parsed.problems };
  }
  if (ext === '.csv') {
    const parsed = parseFlowCsv(file, text);
    return { source: { kind: 'flows', lines: parsed.lines }, problems: parsed.problems };
  }
  if (ext === '.json' || ext === '.jsonl' || ext === '.ndjson') {
    const parsed = parseHubbleFlows(file, text);
    return { source: { kind: 'flows', lines: parsed.lines, skipped: parsed.skipped }, problems: parsed.problems };
  }
  throw new UsageError(`--from ${escapeTerminal(file)}: name an expectations file (.yaml, .yml), a CSV of flows (.csv) or a Hubble export (.json, .jsonl)`);
}

export async function generateCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, GENERATE);
  if (flag(args, 'help')) {
    io.out(GENERATE_HELP);
    return EXIT.ok;
  }
  const from = str(args, 'from');
  const frozen = flag(args, 'freeze');
  const references = flag(args, 'references');
  if ([frozen, from !== undefined, references].filter(Boolean).length !== 1) throw new UsageError('generate needs one of --freeze (keep what the snapshot allows now), --from FILE (the flows you need) or --references (the Services workloads name); see netpol-check help generate');
  if (frozen && flag(args, 'no-dns')) throw new UsageError('--no-dns goes with --from: --freeze keeps DNS exactly as the snapshot allows it');
  const format = formatOption(args, ['yaml', 'json'] as const, 'yaml');
  const outDir = str(args, 'output-dir');
  const outDirAlias = str(args, 'out-dir');
  if (outDir !== undefined && outDirAlias !== undefined && outDir !== outDirAlias) throw new UsageError('--output-dir and --out-dir disagree: give the folder once');
  const dir = outDir ?? outDirAlias;
  if (dir !== undefined && format === 'json') throw new UsageError('--output-dir writes YAML files (NAMESPACE.yaml); -o json prints one kind: List on standard output');

  const kind = oneOf<PolicyKind>('policy-kind', str(args, 'policy-kind'), POLICY_KINDS, 'networkpolicy');
  // The written policies are proven as their plugin reads them.
  const plugin = POLICY_KIND[kind].plugin;
  if (plugin && str(args, 'cni') !== undefined && str(args, 'cni') !== plugin) throw new UsageError(`--policy-kind ${kind} writes ${plugin}'s policies: the proof reads them as ${plugin} does (leave out --cni, or give --cni ${plugin})`);
  const cni = plugin ?? cniOption(args);
  const read = from !== undefined ? readSource(from) : undefined;
  if (read?.problems.length) {
    for (const p of read.problems) io.err(`${formatDiagnostic(p)}\n`);
    return EXIT.error;
  }
  const loaded = loadForCommand([...strs(args, 'file'), ...args.positionals], io, { ...loadOptions(args), ...(references ? { containerText: true } : {}) });
  const snapshot = withProfile(loaded.snapshot, cni);
  // One network plugin enforces a cluster's policies: its own kind is not written next to another's.
  if (kind === 'cilium' && snapshot.calico?.policies.length) throw new UsageError('--policy-kind cilium: the snapshot has Calico policies, so the cluster runs Calico (--policy-kind calico writes its kind)');
  if (kind === 'calico' && snapshot.ciliumPolicies?.length) throw new UsageError('--policy-kind calico: the snapshot has Cilium policies, so the cluster runs Cilium (--policy-kind cilium writes its kind)');
  let generation: Generation;
  let expectations: ExpectationOutcome | undefined;
  const lines = references ? referenceFlows(snapshot) : read?.source?.lines;
  if (references && lines!.length === 0) {
    io.err('netpol-check: no container of the snapshot names a Service of the snapshot (env values, args, commands): nothing to generate\n');
    return EXIT.error;
  }
  if (!lines) generation = freeze(snapshot, kind);
  else {
    const made = generateFromFlows(snapshot, lines, { dns: !flag(args, 'no-dns'), kind });
    if (!made.generation) {
      for (const p of made.problems) io.err(`${formatDiagnostic(p)}\n`);
      return EXIT.error;
    }
    generation = made.generation;
    if (read?.source?.kind === 'expectations') expectations = checkGenerated(generation.after, read.source.expectations, made.flows, cni);
  }

  const written: string[] = [];
  if (dir !== undefined) {
    // Every path is checked before anything is written: all files or none.
    const targets = generation.files.map((f) => ({ path: pathInside(dir, `${f.namespace}.yaml`), text: f.text }));
    for (const t of targets) {
      writeOutput(io, t.path, t.text, loaded.inputFiles);
      written.push(t.path);
    }
  } else if (format === 'json') {
    io.out(`${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: generation.files.flatMap((f) => f.policies.map((p) => p.manifest)) }, null, 2)}\n`);
  } else {
    io.out(generation.files.map((f) => `# ${escapeTerminal(f.namespace)}.yaml\n${f.text}`).join('---\n'));
  }
  const report = formatGenerateText({
    source: from !== undefined ? `--from ${from}` : references ? '--references' : '--freeze',
    generation,
    assumed: cni === 'generic' ? 'by the engine (as Calico where network plugins differ; --cni names yours)' : `by the engine (as ${cni})`,
    written,
    ...(expectations ? { expectations } : {}),
    ...(read?.source?.kind === 'flows' && read.source.skipped ? { skipped: read.source.skipped } : {}),
  });
  if (dir !== undefined) io.out(sanitizeTerminalText(report));
  else io.err(sanitizeTerminalText(report));
  if (loaded.errors > 0) return EXIT.error;
  const failed = generation.proof.missing.length > 0 || generation.reloadProblems.length > 0 || (expectations && (expectations.conflicts.length > 0 || expectations.unmet.length > 0));
  return failed ? EXIT.no : EXIT.ok;
}
