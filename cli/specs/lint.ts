import { ALL_NAMESPACES_FILTER, CNI, FILE, HELP, KUSTOMIZE, NAMESPACE_FILTER, output, SELECTOR_FILTER, SEMANTICS } from './common.js';
import type { CommandSpec } from './option.js';

export const LINT: CommandSpec = {
  name: 'lint',
  summary: 'common policy mistakes, as text, JSON, SARIF or GitHub annotations',
  usage: 'lint -f PATH [-o text|json|sarif|github] [--fail-on error|warning|info]',
  description: `Finds common NetworkPolicy mistakes, with positions, in the formats CI systems read.

An object annotated netpol-check.io/ignore: RULE-ID[,RULE-ID] (or *) is silenced for those rules.

--fix edits the YAML files in place, only where the fix is mechanical, and shows each file's
diff and the engine's comparison of connectivity before and after (--fix-dry-run: the same,
nothing written). For pods egress-without-dns reports, it adds DNS (UDP and TCP 53 to
kube-system pods labelled k8s-app=kube-dns) to the NetworkPolicy that isolates them.`,
  options: [
    FILE,
    ...output(['text', 'txt', 'json', 'yaml', 'sarif', 'github'], 'text (default; txt is the same) | json | yaml | sarif (SARIF 2.1.0)\n| github (workflow annotations)'),
    { name: 'fail-on', value: 'SEV', choices: ['error', 'warning', 'info'], help: 'exit 1 when a finding is at least this severe (default: warning)' },
    { name: 'disable', value: 'IDS', help: 'comma-separated rule ids to skip' },
    { name: 'config', short: 'c', value: 'FILE', complete: 'file', help: 'settings (default: .netpol-check.yaml if present): rules:\n{RULE-ID: off|error|warning|info}, ignorePaths: [GLOB], failOn: SEV' },
    { name: 'list-rules', help: 'print the rules and exit (with -o md: the rule reference)' },
    { name: 'fix', help: 'fix what is mechanical in the YAML files (protocol case, implicit\npolicyTypes, a split namespace/pod selector, DNS for egress-isolated\npods): print the diff and what it does to connectivity, then write\nthe files' },
    { name: 'fix-dry-run', help: 'the same, writing nothing' },
    { ...NAMESPACE_FILTER, help: 'only findings on objects in NS (repeatable), as kubectl get -n;\nmanifests that name no namespace go to the first NS' },
    ALL_NAMESPACES_FILTER,
    { ...SELECTOR_FILTER, help: 'only findings on objects whose labels match SELECTOR (kubectl -l\nsyntax); a workload by its pods\' labels' },
    KUSTOMIZE,
    ...SEMANTICS,
    CNI,
    ...HELP,
  ],
  exitCodes: 'Exit codes: 0 clean (with --fix: fixed, or nothing to fix), 1 findings at or above --fail-on,\n2 usage error or unreadable input.',
};
