import type { Connectivity, Node } from '../../engine/connectivity.js';
import type { ReachabilityMatrix } from '../../engine/matrix.js';
import { Explainer } from '../../explain/explain.js';
import { exposedToOutside } from '../../graph/exposure.js';
import { reachGraph } from '../../graph/reach-graph.js';
import { mutualReachGroups } from '../../graph/strongly-connected.js';
import type { Finding } from '../../lint/rule.js';
import { PROTOCOLS } from '../../model/policy.js';
import { semanticsName } from '../../model/semantics.js';
import type { Snapshot } from '../../model/snapshot.js';
import { formatSource } from '../../model/source.js';
import { explainNodePair } from '../explanation/text.js';

/** What the HTML report's page is drawn from (embedded as JSON). */
export interface ReportData {
  title: string;
  semantics: string;
  /** What the answer on the page leaves out or depends on (partial input, plugin policies not evaluated, plugin-dependent pairs), as the text outputs say it. */
  notices?: string[];
  counts: Record<string, number>;
  nodes: { id: string; name: string; namespace: string; kind: Node['kind']; workloadKind?: string; isolated: { ingress: boolean; egress: boolean }; findings: number }[];
  edges: { id: string; src: string; dst: string; text: string; ports: [string, number, number][]; explanation: string[] }[];
  findings: { severity: string; rule: string; message: string; where: string; object: string }[];
  exposed: { id: string; from: string }[];
  groups: string[][];
}

/** Explanations are precomputed per edge up to this many; past it the page says which `can` to run. */
const MAX_EXPLAINED = 4000;

export function reportData(snapshot: Snapshot, matrix: ReachabilityMatrix, view: Connectivity, findings: readonly Finding[], title: string): ReportData {
  const explainer = new Explainer(snapshot);
  const findingsByObject = new Map<string, number>();
  for (const f of findings) if (f.object) findingsByObject.set(f.object, (findingsByObject.get(f.object) ?? 0) + 1);
  const nodes = view.nodes.map((n) => {
    if (n.kind === 'external') return { id: n.id, name: n.id.replace('[External]', ''), namespace: '', kind: n.kind, isolated: { ingress: false, egress: false }, findings: 0 };
    const pods = n.kind === 'workload' ? n.pods : [n.pod];
    const classes = pods.map((p) => matrix.pods.classOf.get(p)!);
    return {
      id: n.id,
      name: n.name,
      namespace: n.namespace,
      kind: n.kind,
      ...(n.kind === 'workload' ? { workloadKind: n.workloadKind } : {}),
      isolated: { ingress: classes.some((c) => matrix.isolated.ingress.has(c)), egress: classes.some((c) => matrix.isolated.egress.has(c)) },
      findings: pods.reduce((sum, p) => sum + (findingsByObject.get(`Pod ${p.id}`) ?? 0), 0),
    };
  });
  const edges = view.edges.map((e, i) => {
    const explanation = (i < MAX_EXPLAINED ? explainNodePair(explainer, e.src, e.dst) : undefined) ?? [`netpol-check can '${e.src.id}' reach '${e.dst.id}' explains this connection.`];
    const ports = PROTOCOLS.flatMap((p) => e.connections.ports(p).ranges.map(([lo, hi]): [string, number, number] => [p, lo, hi]));
    return { id: `e${i}`, src: e.src.id, dst: e.dst.id, text: e.connections.toString(), ports, explanation };
  });
  const graph = reachGraph(view);
  const inside = view.nodes.filter((n) => n.kind !== 'external');
  return {
    title,
    semantics: semanticsName(snapshot.semantics),
    counts: {
      namespaces: snapshot.namespaces.length,
      [view.level === 'pod' ? 'pods' : 'workloads']: inside.length,
      policies: snapshot.policies.length,
      'cluster-wide policies': snapshot.adminPolicies?.length ?? 0,
      'isolated for ingress': nodes.filter((n) => n.isolated.ingress).length,
      'isolated for egress': nodes.filter((n) => n.isolated.egress).length,
      'allowed pairs': view.edges.length,
      'lint findings': findings.length,
    },
    nodes,
    edges,
    findings: findings.map((f) => ({ severity: f.severity, rule: f.ruleId, message: f.message, where: f.source ? formatSource(f.source) : '', object: f.object ?? '' })),
    exposed: exposedToOutside(graph).map((x) => ({ id: x.id, from: x.from.map((f) => `${f.range.replace('[External]', '')}: ${f.connections}`).join('; ') })),
    groups: mutualReachGroups(graph),
  };
}
