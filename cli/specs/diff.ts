import { ALL_NAMESPACES_FILTER, CNI, HELP, NAMESPACE_FILTER, output, SELECTOR_FILTER, SEMANTICS } from './common.js';
import type { CommandSpec } from './option.js';

const TWO_INPUTS = 'diff compares --base PATH with --head PATH';

export const DIFF: CommandSpec = {
  name: 'diff',
  summary: 'connections a change opens and closes (--base, --head; git:REV works)',
  usage: 'diff --base PATH --head PATH [-o text|json|md] [--exit-code]',
  description: `What a change does to connectivity: the connections it opens (+) and closes (-), per workload
pair and port, with the policies responsible.

PATH is a file, a folder, - for stdin, or git:REV[:DIR] for the manifests of a git revision of
the current checkout (git:origin/main, git:HEAD~1:deploy/).`,
  options: [
    { name: 'base', value: 'PATH', complete: 'file', help: 'the snapshot before the change' },
    { name: 'head', value: 'PATH', complete: 'file', help: 'the snapshot after the change' },
    ...output(['text', 'txt', 'json', 'yaml', 'md'], 'text (default; txt is the same) | json | yaml | md (for a pull-request\ncomment)'),
    { name: 'exit-code', help: 'exit 1 when anything changed' },
    { ...NAMESPACE_FILTER, help: 'only the changes with an end in NS (repeatable); manifests that name\nno namespace go to the first NS' },
    ALL_NAMESPACES_FILTER,
    { ...SELECTOR_FILTER, help: 'only the changes with an end whose pods match SELECTOR (kubectl -l\nsyntax), before or after the change' },
    ...SEMANTICS,
    CNI,
    ...HELP,
  ],
  refused: { file: TWO_INPUTS, kustomize: `${TWO_INPUTS} (a folder each)` },
  exitCodes: 'Exit codes: 0 done (or nothing changed, with --exit-code), 1 changed (with --exit-code), 2 error.',
};
