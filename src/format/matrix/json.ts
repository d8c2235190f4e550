import { inputStatusJson } from '../input/input-status.js';
import type { InputStatus } from '../../load/input-status.js';
import { walkOf, type Connectivity, type ConnectivityWalk, type Edge, type Node } from '../../engine/connectivity.js';
import { perIndex, type EdgeRow } from '../../engine/edge-rows.js';
import type { AppliedFilters } from '../../engine/edge-filter.js';
import type { ReachabilityMatrix } from '../../engine/matrix.js';
import { PROTOCOLS } from '../../model/policy.js';
import type { SemanticsName } from '../../model/semantics.js';
import type { ConnectionSet } from '../../net/connection-set.js';
import { formatIp } from '../../net/ip-address.js';
import { batch, joinChunks, type Chunks } from './chunks.js';

/** Stable JSON shape, version 1 (documented in README "JSON output"). */
export interface MatrixJson {
  format: 'netpol-check/matrix';
  version: 1;
  semantics: SemanticsName;
  complete: boolean;
  inputErrors?: InputStatus['errors'];
  level: Connectivity['level'];
  /** Present when `--from`, `--to`, `--port` or `-n` left pairs out. */
  filters?: AppliedFilters;
  nodes: NodeJson[];
  connections: { src: string; dst: string; all: boolean; text: string; ports: PortsJson }[];
}

type PortsJson = Partial<Record<'TCP' | 'UDP' | 'SCTP', [number, number][]>>;

type NodeJson =
  | { id: string; kind: 'workload' | 'pod'; namespace: string; name: string; workloadKind?: string; isolated: { ingress: boolean; egress: boolean } }
  | { id: string; kind: 'external'; family: 4 | 6; first: string; last: string };

export function portsJson(cs: ConnectionSet): PortsJson {
  const out: PortsJson = {};
  for (const p of PROTOCOLS) {
    const ranges = cs.ports(p).ranges;
    if (ranges.length) out[p] = ranges.map(([a, b]) => [a, b]);
  }
  return out;
}

export function nodeJson(n: Node, m: ReachabilityMatrix): NodeJson {
  if (n.kind === 'external') return { id: n.id, kind: 'external', family: n.family, first: formatIp(n.family, n.lo), last: formatIp(n.family, n.hi) };
  const pods = n.kind === 'workload' ? n.pods : [n.pod];
  const classes = pods.map((p) => m.pods.classOf.get(p)!);
  const isolated = { ingress: classes.some((c) => m.isolated.ingress.has(c)), egress: classes.some((c) => m.isolated.egress.has(c)) };
  return n.kind === 'workload'
    ? { id: n.id, kind: 'workload', namespace: n.namespace, name: n.name, workloadKind: n.workloadKind, isolated }
    : { id: n.id, kind: 'pod', namespace: n.namespace, name: n.name, isolated };
}

/** Everything but the two lists, in the order of the document. */
function head(c: Pick<ConnectivityWalk, 'level' | 'filters'>, m: ReachabilityMatrix, input: InputStatus): Omit<MatrixJson, 'nodes' | 'connections'> {
  return { format: 'netpol-check/matrix', version: 1, semantics: m.semantics, ...inputStatusJson(input), level: c.level, ...(c.filters ? { filters: c.filters } : {}) };
}

const connectionJson = (e: Edge): MatrixJson['connections'][number] => ({
  src: e.src.id,
  dst: e.dst.id,
  all: e.connections.isAll(),
  text: e.connections.toString(),
  ports: portsJson(e.connections),
});

export function matrixJson(c: Connectivity, m: ReachabilityMatrix, input: InputStatus = { complete: true, errors: [] }): MatrixJson {
  return { ...head(c, m, input), nodes: c.nodes.map((n) => nodeJson(n, m)), connections: c.edges.map(connectionJson) };
}

/** One array item as `JSON.stringify(…, null, 2)` lays it out at depth 2 (JSON strings hold no raw line feed). */
const item = (v: unknown): string => `    ${JSON.stringify(v, null, 2).replace(/\n/g, '\n    ')}`;

/** A list member of the document: `"key": [`, the items one by one, `]`; `[]` when empty. */
function* list<T>(key: string, items: Iterable<T>, toJson: (t: T) => unknown, last: boolean): Generator<string> {
  const end = last ? '\n' : ',\n';
  let first = true;
  for (const t of items) {
    yield `${first ? `  ${JSON.stringify(key)}: [\n` : ',\n'}${item(toJson(t))}`;
    first = false;
  }
  yield first ? `  ${JSON.stringify(key)}: []${end}` : `\n  ]${end}`;
}

/**
 * `item(connectionJson(e))` of each edge of a row, made from pieces computed once: each node's id
 * as JSON (by position), and each connection id's lines (a dense matrix repeats a few connection
 * sets millions of times).
 */
function connectionItems(c: ConnectivityWalk): (r: EdgeRow, k: number) => string {
  const id = c.nodes.map((n) => JSON.stringify(n.id));
  const tail = perIndex((cid) => {
    const cs = c.pool.get(cid);
    const inner = JSON.stringify({ all: cs.isAll(), text: cs.toString(), ports: portsJson(cs) }, null, 2);
    return `    ${inner.slice(2, -2).replace(/\n/g, '\n    ')}`; // its lines without the braces, at depth 2
  });
  return (r, k) => `    {\n      "src": ${id[r.src]},\n      "dst": ${id[r.to[k]!]},\n${tail(r.to[k + 1]!)}\n    }`;
}

function* pieces(c: ConnectivityWalk, m: ReachabilityMatrix, input: InputStatus): Generator<string> {
  const top = JSON.stringify(head(c, m, input), null, 2);
  yield `${top.slice(0, -2)},\n`; // without the closing "\n}"
  yield* list('nodes', c.nodes, (n) => nodeJson(n, m), false);
  const edgeItem = connectionItems(c);
  let first = true;
  for (const r of c.rows) {
    for (let k = 0; k < r.to.length; k += 2) {
      yield `${first ? '  "connections": [\n' : ',\n'}${edgeItem(r, k)}`;
      first = false;
    }
  }
  yield first ? '  "connections": []\n' : '\n  ]\n';
  yield '}\n';
}

/**
 * The JSON document in chunks of about 64 KiB: the same text as `JSON.stringify(matrixJson(…),
 * null, 2)`, written one node and one connection at a time, so no string holds the whole document.
 */
export const jsonChunks = (c: ConnectivityWalk, m: ReachabilityMatrix, input: InputStatus = { complete: true, errors: [] }): Chunks => batch(pieces(c, m, input));

export function formatJson(c: Connectivity, m: ReachabilityMatrix, input?: InputStatus): string {
  return joinChunks(jsonChunks(walkOf(c), m, input));
}
