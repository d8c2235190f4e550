import { ALL_NAMESPACES_LOOKUP, CNI, FILE, HELP, KUSTOMIZE, LEVEL, NAMESPACE_LOOKUP, output, SEMANTICS } from './common.js';
import type { CommandSpec, OptionSpec } from './option.js';

function options(own: OptionSpec[]): OptionSpec[] {
  return [
    FILE,
    { ...NAMESPACE_LOOKUP, help: 'look names up in NS, and put manifests that name no namespace in NS\n(as kubectl apply -n does)' },
    ALL_NAMESPACES_LOOKUP,
    { ...LEVEL, help: 'workload (default) | pod' },
    ...own,
    ...output(['text', 'txt', 'json'], 'text (default; txt is the same) | json'),
    KUSTOMIZE,
    ...SEMANTICS,
    CNI,
    ...HELP,
  ];
}

const NO_SELECTOR = 'name one workload, pod or address (a selector that stands for one workload works too: app=web)';

export const REACH_FROM: CommandSpec = {
  name: 'reach-from',
  summary: 'blast radius: everything a workload reaches in K hops',
  usage: 'reach-from NAME [--hops K] -f PATH [-o text|json] [--output-file FILE]',
  description: `Blast radius: everything NAME (a workload, pod, … as for can) reaches in at most K steps
(default 1), each step an allowed connection from the previous workload. Outside ranges are
reached but not stepped through.`,
  options: options([{ name: 'hops', value: 'K', help: 'how many steps (default 1)' }]),
  refused: { selector: NO_SELECTOR },
  exitCodes: 'Exit codes: 0 done, 2 error (unknown or ambiguous name, bad input).',
};

export const PATH: CommandSpec = {
  name: 'path',
  summary: 'a shortest chain of allowed connections from A to B (lateral movement)',
  usage: 'path A B -f PATH [-o text|json] [--output-file FILE]',
  description: `A shortest chain of allowed connections from A to B (lateral movement through other
workloads), or "no path".`,
  options: options([]),
  refused: { selector: NO_SELECTOR },
  exitCodes: 'Exit codes: 0 a path exists, 1 none, 2 error.',
};
