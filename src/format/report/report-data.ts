import type { EdgeFilter } from '../../engine/edge-filter.js';
import type { ReachabilityMatrix } from '../../engine/matrix.js';
import type { Level, Node } from '../../engine/node.js';
import { Explainer } from '../../explain/explain.js';
import { reachGraph } from '../../graph/reach-graph.js';
import { mutualReachGroups } from '../../graph/strongly-connected.js';
import type { Finding } from '../../lint/rule.js';
import { PROTOCOLS } from '../../model/policy.js';
import { semanticsName } from '../../model/semantics.js';
import type { Snapshot } from '../../model/snapshot.js';
import { formatSource } from '../../model/source.js';
import type { ConnectionSet } from '../../net/connection-set.js';
import { filteredNamespaceMatrix } from '../../summary/filtered-namespace-matrix.js';
import { namespaceMatrix } from '../../summary/namespace-matrix.js';
import { explainNodePair } from '../explanation/text.js';
import { neighbourhoods, type GraphCaps } from './neighbourhoods.js';

/** [id, name, namespace ('' outside), kind label (Deployment…, '' for a pod or range), isolation (0 none, 1 one way, 2 both, 3 outside range), findings] */
export type ReportNode = [string, string, string, string, number, number];

/** One namespace's graph: its own units (up to the cap) and the pairs to draw. */
export interface NamespaceView {
  ns: string;
  /** Node indices of its workloads (or pods), at most `caps.nodes`. */
  units: number[];
  /** How many it has in all. */
  total: number;
  /** Edge indices: every pair with an end here when `whole`, else the pairs between its shown units. */
  edges: number[];
  /** Neighbours drawn one by one (they fit); else the page draws them as namespaces, from the heat map. */
  whole: boolean;
  /** Pairs between its own units left out past the edge cap. */
  intraLeftOut: number;
}

/** The graphs of the namespaces. */
export interface ReportGraph {
  nodes: ReportNode[];
  /** [src node, dst node, conn, explanation index or -1] */
  edges: [number, number, number, number][];
  /** Each explanation as indices into `lines` (explanations share most of their lines). */
  explanations: number[][];
  lines: string[];
  views: NamespaceView[];
}

/** What the HTML report's page is drawn from (embedded as JSON, in compact rows). */
export interface ReportData {
  title: string;
  semantics: string;
  /** What the answer on the page leaves out or depends on (partial input, plugin policies not evaluated, plugin-dependent pairs), as the text outputs say it. */
  notices?: string[];
  counts: Record<string, number>;
  level: Level;
  caps: ReportCaps;
  /** Connection sets by index: [text, [protocol, from port, to port]…]. */
  conns: [string, [string, number, number][]][];
  /** Namespace × namespace (outside ranges as their own rows): nodes [name, 1 if a range], cells [src, dst, conn, allowed pairs, pairs]. */
  heat: { nodes: [string, number][]; cells: [number, number, number, number, number][] };
  /** Every node and pair fit one graph. */
  whole: boolean;
  /** What the graphs are drawn from (the page parses it when a graph is first opened). */
  graph: ReportGraph;
  findings: { severity: string; rule: string; message: string; where: string; object: string }[];
  /** The first `caps.listed` (by id) of `counts.exposed`. */
  exposed: { id: string; from: string }[];
  /** Undefined past `caps.analysed` pairs. */
  groups?: string[][];
}

/** Measured in Chromium on the project's 2-core machine (test/report/browser.test.ts): about a second of layout and drawing. */
export const REPORT_CAPS: ReportCaps = { nodes: 100, edges: 250, neighbours: 50, analysed: 200_000, explained: 1000, listed: 200 };

export interface ReportCaps extends GraphCaps {
  /** Neighbour namespaces drawn around a namespace whose neighbours are too many to draw one by one. */
  neighbours: number;
  /** Pairs explained on the page (the rest say which `can` to run). */
  explained: number;
  /** Entries of the exposure list. */
  listed: number;
}

export function reportData(snapshot: Snapshot, matrix: ReachabilityMatrix, level: Level, findings: readonly Finding[], title: string, filter?: EdgeFilter, caps = REPORT_CAPS): ReportData {
  const nb = neighbourhoods(matrix, level, caps, filter);
  const U = nb.units.nodes.length;
  const findingsByObject = new Map<string, number>();
  for (const f of findings) if (f.object) findingsByObject.set(f.object, (findingsByObject.get(f.object) ?? 0) + 1);

  const connOf = new Map<number, number>();
  const conns: ReportData['conns'] = [];
  const conn = (cs: ConnectionSet): number => {
    const id = matrix.pool.id(cs);
    let i = connOf.get(id);
    if (i === undefined) {
      connOf.set(id, (i = conns.length));
      conns.push([cs.toString(), PROTOCOLS.flatMap((p) => cs.ports(p).ranges.map(([lo, hi]): [string, number, number] => [p, lo, hi]))]);
    }
    return i;
  };
  const connIndex = nb.conns.map(conn);

  const isolation = (n: Node): number => {
    if (n.kind === 'external') return 3;
    const { ingress, egress } = isolatedOf(matrix, n);
    return ingress && egress ? 2 : ingress || egress ? 1 : 0;
  };
  const nodes: ReportNode[] = [];
  const nodeIndex = new Map<number, number>();
  const node = (end: number): number => {
    let i = nodeIndex.get(end);
    if (i !== undefined) return i;
    const n = end < U ? nb.units.nodes[end]! : nb.ranges[end - U]!;
    const pods = n.kind === 'workload' ? n.pods : n.kind === 'pod' ? [n.pod] : [];
    const label = n.kind === 'workload' ? n.workloadKind : '';
    nodes.push([n.id, n.kind === 'external' ? n.id.replace('[External]', '') : n.name, n.kind === 'external' ? '' : n.namespace, label, isolation(n), pods.reduce((sum, p) => sum + (findingsByObject.get(`Pod ${p.id}`) ?? 0), 0)]);
    nodeIndex.set(end, (i = nodes.length - 1));
    return i;
  };

  const explainer = new Explainer(snapshot);
  const edges: ReportGraph['edges'] = [];
  const explanations: number[][] = [];
  const lines: string[] = [];
  const lineIndex = new Map<string, number>();
  const line = (text: string): number => {
    let i = lineIndex.get(text);
    if (i === undefined) lineIndex.set(text, (i = lines.push(text) - 1));
    return i;
  };
  const edgeIndex = new Map<number, number>();
  const edge = (s: number, d: number, c: number): number => {
    const key = s * (U + nb.ranges.length) + d;
    let i = edgeIndex.get(key);
    if (i !== undefined) return i;
    const src = nb.units.nodes[s] ?? nb.ranges[s - U]!;
    const dst = nb.units.nodes[d] ?? nb.ranges[d - U]!;
    let x = -1;
    if (explanations.length < caps.explained) {
      const text = explainNodePair(explainer, src, dst);
      if (text) x = explanations.push(text.map(line)) - 1;
    }
    edges.push([node(s), node(d), connIndex[c]!, x]);
    edgeIndex.set(key, (i = edges.length - 1));
    return i;
  };

  const views: NamespaceView[] = nb.units.namespaces.map((ns, a) => {
    const own = nb.units.unitsOfNs[a]!.filter((u) => nb.shown[u]);
    const v = nb.views[a]!;
    const whole = v.edges !== undefined && own.length + v.neighbours!.size <= caps.nodes;
    const units = own.slice(0, caps.nodes).map(node);
    const drawn = new Set(own.slice(0, caps.nodes));
    const triples = whole ? v.edges! : v.intra;
    const list: number[] = [];
    for (let i = 0; i < triples.length; i += 3) {
      const [s, d, c] = [triples[i]!, triples[i + 1]!, triples[i + 2]!];
      if (whole || (drawn.has(s) && drawn.has(d))) list.push(edge(s, d, c));
    }
    return { ns, units, total: own.length, edges: list, whole, intraLeftOut: v.intraLeftOut + (whole ? 0 : v.intra.length / 3 - list.length) };
  });
  const shownUnits = nb.units.nodes.filter((_, u) => nb.shown[u]);

  // The heat map counts the pairs the filters keep, as `matrix --level namespace` with them does.
  const heatMatrix = filter ? filteredNamespaceMatrix(matrix, filter) : namespaceMatrix(matrix);
  const heatIndex = new Map(heatMatrix.nodes.map((n, i) => [n.id, i]));
  const rangeCount = nb.ranges.length;
  return {
    title,
    semantics: semanticsName(snapshot.semantics),
    counts: {
      namespaces: snapshot.namespaces.length,
      [level === 'pod' ? 'pods' : 'workloads']: shownUnits.length,
      policies: snapshot.policies.length,
      'cluster-wide policies': snapshot.adminPolicies?.length ?? 0,
      'isolated for ingress': shownUnits.filter((n) => isolatedOf(matrix, n).ingress).length,
      'isolated for egress': shownUnits.filter((n) => isolatedOf(matrix, n).egress).length,
      'allowed pairs': nb.total,
      'lint findings': findings.length,
      'reachable from outside': nb.exposed.size,
    },
    level,
    caps,
    conns,
    heat: {
      nodes: heatMatrix.nodes.map((n) => [n.id, n.kind === 'external' ? 1 : 0]),
      cells: heatMatrix.cells.map((c) => [heatIndex.get(c.src.id)!, heatIndex.get(c.dst.id)!, conn(c.connections), c.allowed, c.pairs]),
    },
    graph: { nodes, edges, explanations, lines, views },
    whole: nb.total <= caps.edges && shownUnits.length + rangeCount <= caps.nodes,
    findings: findings.map((f) => ({ severity: f.severity, rule: f.ruleId, message: f.message, where: f.source ? formatSource(f.source) : '', object: f.object ?? '' })),
    exposed: [...nb.exposed]
      .sort((x, y) => x[0] - y[0])
      .slice(0, caps.listed)
      .map(([u, from]) => ({ id: nb.units.nodes[u]!.id, from: pairsOf(from).map(([r, c]) => `${nb.ranges[r - U]!.id.replace('[External]', '')}: ${nb.conns[c]!.toString()}`).join('; ') })),
    ...(nb.all ? { groups: mutualReachGroups(reachGraph({ level, nodes: [...shownUnits, ...nb.ranges], edges: nb.all })) } : {}),
  };
}

function isolatedOf(m: ReachabilityMatrix, n: Node): { ingress: boolean; egress: boolean } {
  if (n.kind === 'external') return { ingress: false, egress: false };
  const classes = (n.kind === 'workload' ? n.pods : [n.pod]).map((p) => m.pods.classOf.get(p)!);
  return { ingress: classes.some((c) => m.isolated.ingress.has(c)), egress: classes.some((c) => m.isolated.egress.has(c)) };
}

function pairsOf(flat: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out.sort((a, b) => a[0] - b[0]);
}
