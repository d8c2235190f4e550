/**
 * Help pages share one layout: Usage, what the command does, one aligned table of options
 * (common options spelled once, here), exit codes. A row is [flags, text]; text lines after the
 * first continue under the text column.
 */
export type OptionRow = readonly [flags: string, text: string];

const COLUMN = 26;

export function optionTable(rows: readonly OptionRow[]): string {
  const lines = rows.map(([flags, text]) => {
    const head = `  ${flags.startsWith('--') ? `    ${flags}` : flags}`;
    const [first, ...rest] = text.split('\n');
    const lead = head.length < COLUMN ? head.padEnd(COLUMN) : `${head}\n${' '.repeat(COLUMN)}`;
    return [lead + first, ...rest.map((l) => ' '.repeat(COLUMN) + l)].join('\n');
  });
  return `Options:\n${lines.join('\n')}`;
}

export const FILE_ROW: OptionRow = ['-f, --file PATH', 'manifests: a file, a folder (read recursively) or - for stdin;\nrepeatable'];

/** -o FORMAT, its alias --format, and --output-file FILE. */
export function outputRows(formats: string): OptionRow[] {
  return [
    ['-o, --output FORMAT', formats],
    ['--format FORMAT', 'the same as -o'],
    ['--output-file FILE', 'write to FILE instead of standard output'],
  ];
}

export const NAMESPACE_ROW: OptionRow = ['-n, --namespace NS', 'the namespace of manifests that name none, as with kubectl apply -n\n(default: default)'];

export const KUSTOMIZE_ROW: OptionRow = ['-k, --kustomize DIR', 'a kustomize folder, read as kubectl kustomize DIR renders it;\nrepeatable'];

export const SEMANTICS_ROWS: OptionRow[] = [
  ['--semantics S', 'auto (default) | v1 | legacy: how to read policies (legacy =\nKubernetes 1.2–1.6 namespace isolation annotations)'],
  ['--legacy-semantics', 'the same as --semantics legacy'],
  ['--follow-symlinks', 'follow symlinks in a folder that point outside it (default:\nskipped, with a warning)'],
];

export const CNI_ROW: OptionRow = [
  '--cni PROFILE',
  'generic (default) | calico | cilium | antrea | ovn: what the network\nplugin does where NetworkPolicy leaves it open (ipBlock over pod IPs,\nhostNetwork pods; docs/cni-profiles.md); generic: answers that\ndiffer are undetermined',
];

export const HELP_ROWS: OptionRow[] = [
  ['-h, --help', 'this help'],
  ['-V, --version', 'print the version and exit'],
];
