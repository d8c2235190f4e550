import { inputStatusJson } from '../input/input-status.js';
import type { InputStatus } from '../../load/input-status.js';
import { walkOf, type Connectivity, type ConnectivityWalk, type Edge, type Node } from '../../engine/connectivity.js';
import { perIndex } from '../../engine/edge-rows.js';
import type { AppliedFilters } from '../../engine/edge-filter.js';
import type { ReachabilityMatrix } from '../../engine/matrix.js';
import { PROTOCOLS } from '../../model/policy.js';
import type { SemanticsName } from '../../model/semantics.js';
import type { ConnectionSet } from '../../net/connection-set.js';
import { formatIp } from '../../net/ip-address.js';
import { ByteChunkBuilder, utf8 } from './byte-chunk-builder.js';
import { joinChunks, type Chunks } from './chunks.js';

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
 * The connections list, `item(connectionJson(e))` for each edge joined by `,\n`, as UTF-8 copied
 * from pieces encoded once (byte-chunk-builder.ts): per source, the item's opening up to the
 * destination; per node, its id as JSON; per connection id, the item's rest (a dense matrix
 * repeats a few connection sets millions of times).
 */
function* connectionChunks(c: ConnectivityWalk, out: ByteChunkBuilder): Generator<Uint8Array> {
  const id = c.nodes.map((n) => JSON.stringify(n.id));
  const idBytes = id.map(utf8);
  const rest = perIndex((cid) => {
    const cs = c.pool.get(cid);
    const inner = JSON.stringify({ all: cs.isAll(), text: cs.toString(), ports: portsJson(cs) }, null, 2);
    return utf8(`,\n    ${inner.slice(2, -2).replace(/\n/g, '\n    ')}\n    }`); // its lines without the braces, at depth 2
  });
  let first = true;
  for (const r of c.rows) {
    const to = r.to;
    if (to.length === 0) continue;
    // `,\n` then the item's opening; the list's first item has `  "connections": [\n` instead.
    const opening = utf8(`,\n    {\n      "src": ${id[r.src]},\n      "dst": `);
    for (let k = 0; k < to.length; k += 2) {
      if (first) {
        out.add(utf8('  "connections": [\n'));
        out.add(opening.subarray(2));
        first = false;
      } else out.add(opening);
      out.add(idBytes[to[k]!]!);
      out.add(rest(to[k + 1]!));
      if (out.full) yield out.take();
    }
  }
  out.add(utf8(first ? '  "connections": []\n' : '\n  ]\n'));
}

function* chunks(c: ConnectivityWalk, m: ReachabilityMatrix, input: InputStatus): Generator<Uint8Array> {
  const out = new ByteChunkBuilder();
  const top = JSON.stringify(head(c, m, input), null, 2);
  out.add(utf8(`${top.slice(0, -2)},\n`)); // without the closing "\n}"
  for (const piece of list('nodes', c.nodes, (n) => nodeJson(n, m), false)) {
    out.add(utf8(piece));
    if (out.full) yield out.take();
  }
  yield* connectionChunks(c, out);
  out.add(utf8('}\n'));
  yield out.take();
}

/**
 * The JSON document in chunks of about 64 KiB: the same text as `JSON.stringify(matrixJson(…),
 * null, 2)`, written one node and one connection at a time, so no string holds the whole document.
 */
export const jsonChunks = (c: ConnectivityWalk, m: ReachabilityMatrix, input: InputStatus = { complete: true, errors: [] }): Chunks => chunks(c, m, input);

export function formatJson(c: Connectivity, m: ReachabilityMatrix, input?: InputStatus): string {
  return joinChunks(jsonChunks(walkOf(c), m, input));
}
