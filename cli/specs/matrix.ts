import { ALL_NAMESPACES_FILTER, CNI, FILE, HELP, KUSTOMIZE, LEVEL, NAMESPACE_FILTER, output, SELECTOR_FILTER, SEMANTICS } from './common.js';
import type { CommandSpec } from './option.js';

export const MATRIX_FORMAT_NAMES = ['txt', 'text', 'json', 'csv', 'md', 'dot', 'gexf', 'graphml', 'html'] as const;

export const MATRIX: CommandSpec = {
  name: 'matrix',
  summary: 'every allowed connection between workloads, pods and external ranges',
  usage: 'matrix -f PATH [-f PATH…] [-o FORMAT] [--level LEVEL] [--output-file FILE]',
  description: 'Prints every allowed connection between workloads (or pods) and external address ranges.',
  options: [
    FILE,
    ...output(MATRIX_FORMAT_NAMES, 'txt (default; text is the same) | json | csv | md | dot | gexf | graphml\n| html (the report)'),
    {
      ...LEVEL,
      choices: ['workload', 'pod', 'namespace'],
      help: 'workload (default: one node per Deployment, StatefulSet, …) | pod\n| namespace (namespace × namespace: the union of connections and how\nmany pod pairs are allowed, "all (40)" or "some (12/40)"; with the\nfilters below, of the pairs they keep; txt, json, csv, md)',
    },
    { name: 'grouped', help: 'the workload matrix as lines SOURCES => DESTINATIONS : CONNS, each\nside written as can and --from/--to take it (NS/*, NS/app=web,\napp=web, NS/deployment/NAME, a range): exactly the same pairs (with\nthe filters below, the pairs they keep), in far fewer lines (txt,\njson, csv, md)' },
    { name: 'from', value: 'SEL', help: 'only pairs whose source is SEL: a name as can takes it (NAME,\nNS/NAME, KIND/NAME), a label selector (app=web), an address or CIDR' },
    { name: 'to', value: 'SEL', help: 'only pairs whose destination is SEL (the same syntax)' },
    { name: 'port', value: 'PORT[/PROTO]', help: 'only pairs that allow that port (tcp by default), each shown\nwith that port only' },
    { ...NAMESPACE_FILTER, help: 'only the pairs with an end in NS (repeatable), as kubectl get -n;\nmanifests that name no namespace go to the first NS' },
    ALL_NAMESPACES_FILTER,
    { ...SELECTOR_FILTER, help: 'only the pairs with an end whose pods match SELECTOR (kubectl -l\nsyntax: app=web,tier!=canary); with -n, an end in NS that matches' },
    KUSTOMIZE,
    ...SEMANTICS,
    CNI,
    ...HELP,
  ],
  exitCodes: 'Exit codes: 0 done, 2 input or usage error (the result still covers what could be read).',
};
