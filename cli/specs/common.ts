import { CNI_PROFILES } from '../../src/model/cni.js';
import type { OptionSpec } from './option.js';

/**
 * The flags every command parses, so that one a command does not take is refused with a reason
 * (not "unknown flag"). A command lists the ones it takes, with its own help text where the
 * meaning is its own (what -n does for a question and for a listing).
 */
export const COMMON_FLAGS = ['file', 'output', 'format', 'output-file', 'namespace', 'all-namespaces', 'selector', 'kustomize', 'semantics', 'legacy-semantics', 'follow-symlinks', 'cni', 'help', 'version'] as const;
export type CommonFlag = (typeof COMMON_FLAGS)[number];

export const FILE: OptionSpec = { name: 'file', short: 'f', value: 'PATH', multiple: true, complete: 'file', help: 'manifests: a file, a folder (read recursively) or - for stdin;\nrepeatable' };

/** -o FORMAT, its alias --format, and --output-file FILE. */
export function output(formats: readonly string[], help: string): OptionSpec[] {
  return [
    { name: 'output', short: 'o', value: 'FORMAT', choices: formats, help },
    { name: 'format', value: 'FORMAT', choices: formats, help: 'the same as -o' },
    OUTPUT_FILE,
  ];
}

export const OUTPUT_FILE: OptionSpec = { name: 'output-file', value: 'FILE', complete: 'file', help: 'write to FILE instead of standard output' };

/** --cache-dir: kubectl's name for where it keeps what it fetched. */
export const CACHE_DIR: OptionSpec = {
  name: 'cache-dir',
  value: 'DIR',
  complete: 'dir',
  help: 'keep the loaded snapshot in DIR and read it back when the inputs are\nunchanged: later questions read only the namespaces they name\n(docs/snapshot-cache.md)',
};

/** -n where it filters a listing: repeatable. */
export const NAMESPACE_FILTER: OptionSpec = {
  name: 'namespace',
  short: 'n',
  value: 'NS',
  multiple: true,
  help: 'only what concerns NS (repeatable), as kubectl get -n; manifests that\nname no namespace go to the first NS, as with kubectl apply -n',
};

/** -n where a name is looked up. */
export const NAMESPACE_LOOKUP: OptionSpec = {
  name: 'namespace',
  short: 'n',
  value: 'NS',
  help: 'look names and selectors up in NS (default: all namespaces), and put\nmanifests that name no namespace in NS, as kubectl apply -n does',
};

/** -n where nothing is filtered: only the namespace of namespace-less manifests. */
export const NAMESPACE_APPLY: OptionSpec = {
  name: 'namespace',
  short: 'n',
  value: 'NS',
  help: 'the namespace of manifests that name none, as with kubectl apply -n\n(default: default)',
};

export const ALL_NAMESPACES_FILTER: OptionSpec = { name: 'all-namespaces', short: 'A', help: 'every namespace (the default); overrides -n as a filter' };

export const ALL_NAMESPACES_LOOKUP: OptionSpec = { name: 'all-namespaces', short: 'A', help: 'look names up in every namespace (the default); overrides -n there' };

export const SELECTOR_FILTER: OptionSpec = {
  name: 'selector',
  short: 'l',
  value: 'SELECTOR',
  help: 'only what concerns pods whose labels match SELECTOR (kubectl -l syntax:\napp=web,tier!=canary,env in (a,b)); with -n, in those namespaces',
};

export const KUSTOMIZE: OptionSpec = { name: 'kustomize', short: 'k', value: 'DIR', multiple: true, complete: 'dir', help: 'a kustomize folder, read as kubectl kustomize DIR renders it;\nrepeatable' };

export const SEMANTICS: OptionSpec[] = [
  { name: 'semantics', value: 'S', choices: ['auto', 'v1', 'legacy'], help: 'auto (default) | v1 | legacy: how to read policies (legacy =\nKubernetes 1.2–1.6 namespace isolation annotations)' },
  { name: 'legacy-semantics', help: 'the same as --semantics legacy' },
  { name: 'follow-symlinks', help: 'follow symlinks in a folder that point outside it (default:\nskipped, with a warning)' },
];

export const CNI: OptionSpec = {
  name: 'cni',
  value: 'PROFILE',
  choices: CNI_PROFILES,
  help: 'generic (default) | calico | cilium | antrea | ovn: what the network\nplugin does where NetworkPolicy leaves it open (docs/cni-profiles.md)',
};

export const LEVEL: OptionSpec = { name: 'level', value: 'LEVEL', choices: ['workload', 'pod'], help: 'workload (default: one node per Deployment, StatefulSet, …) | pod' };

export const HELP: OptionSpec[] = [
  { name: 'help', short: 'h', help: 'this help' },
  { name: 'version', short: 'V', help: 'print the version and exit' },
];

/** Every common flag, for parsing: the first spelling of each (the help text is the command's own). */
export const COMMON_SPECS: readonly OptionSpec[] = [FILE, ...output([], ''), NAMESPACE_FILTER, ALL_NAMESPACES_FILTER, SELECTOR_FILTER, KUSTOMIZE, ...SEMANTICS, CNI, ...HELP];
