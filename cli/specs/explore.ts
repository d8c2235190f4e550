import { CNI, HELP, KUSTOMIZE, LEVEL, NAMESPACE_APPLY, SEMANTICS } from './common.js';
import type { CommandSpec } from './option.js';

const NO_OUTPUT = 'explore draws in the terminal and has no output format or file; for a file use matrix, lint or report';
const ALL = 'the explorer lists every namespace and workload; choose inside it (matrix, lint and report take -n, -A and -l)';

export const EXPLORE: CommandSpec = {
  name: 'explore',
  summary: 'interactive terminal UI: who reaches whom, why, policies, findings',
  usage: 'explore -f PATH [-f PATH…] [--level workload|pod]',
  description: `An interactive terminal UI: workloads grouped by namespace with their isolation, who each one
reaches and is reached by, why (the explanation \`can\` prints), the policies and what they
select, and lint findings next to the objects they concern. Press ? inside for the keys.`,
  options: [
    { name: 'file', short: 'f', value: 'PATH', multiple: true, complete: 'file', help: 'manifests: a file or a folder, repeatable (not -: stdin is the keyboard)' },
    { ...LEVEL, help: 'workload (default) | pod' },
    NAMESPACE_APPLY,
    KUSTOMIZE,
    ...SEMANTICS,
    CNI,
    ...HELP,
  ],
  refused: { output: NO_OUTPUT, format: NO_OUTPUT, 'output-file': NO_OUTPUT, 'all-namespaces': ALL, selector: ALL },
  exitCodes: `Needs an interactive terminal: without one (CI, a pipe) it says so and exits with code 2.
Exit codes: 0 quit, 2 no terminal, or input or usage error, 130 stopped (q or Ctrl-C) while loading.`,
};
