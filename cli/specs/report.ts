import { ALL_NAMESPACES_FILTER, CNI, FILE, HELP, KUSTOMIZE, LEVEL, NAMESPACE_FILTER, OUTPUT_FILE, SELECTOR_FILTER, SEMANTICS } from './common.js';
import type { CommandSpec } from './option.js';

export const REPORT: CommandSpec = {
  name: 'report',
  summary: 'a self-contained HTML report: interactive graph, findings, exposure',
  usage: 'report -f PATH [-f PATH…] --output-file report.html [--level workload|pod] [--title TEXT]',
  description: `Writes one self-contained HTML file (cytoscape embedded; opens without network). It
opens on a namespace × namespace heat map (each cell: the share of pod pairs allowed and the
union of connections); a click on a cell or a namespace opens the graph of those namespaces'
workloads and their neighbours, with outside ranges as their own nodes, edges labelled with
ports, isolation marked; search, click a node for what it reaches and what reaches it, click an
edge for why (the explanation can prints), filters by namespace, port and protocol, a legend,
and tables of lint findings, exposure to outside addresses and groups that all reach each other.
A graph draws at most 100 workloads of a namespace; past that the page says what it leaves out.
'netpol-check matrix -o html --output-file FILE' writes the same.`,
  options: [
    FILE,
    { ...OUTPUT_FILE, help: 'where to write the page (required)' },
    { name: 'output', short: 'o', value: 'FORMAT', choices: ['html'], help: 'html, the only one (--format is the same)' },
    { name: 'format', value: 'FORMAT', choices: ['html'], help: 'the same as -o' },
    LEVEL,
    { name: 'title', value: 'TEXT', help: 'the page title (default: netpol-check report: the inputs)' },
    { ...NAMESPACE_FILTER, help: 'only the pairs with an end in NS, in the graphs and the heat map\n(repeatable); manifests that name no namespace go to the first NS' },
    ALL_NAMESPACES_FILTER,
    { ...SELECTOR_FILTER, help: 'only the pairs with an end whose pods match SELECTOR, in the graphs\nand the heat map (kubectl -l syntax)' },
    KUSTOMIZE,
    ...SEMANTICS,
    CNI,
    ...HELP,
  ],
  exitCodes: 'Exit codes: 0 written, 2 input or usage error.',
};
