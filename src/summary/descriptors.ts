import type { ReachabilityMatrix } from '../engine/matrix.js';
import type { LabelSelector } from '../model/labels.js';
import { formatSelector, isEmptySelector, matchesSelector } from '../select/label-selector.js';
import { parseTarget } from '../query/target-spec.js';
import type { WorkloadUnits } from './workload-units.js';

/**
 * How a set of workloads is written, in the syntax `can` and `matrix --from/--to` take:
 * `*` (every pod), `NS/*`, `NS/SELECTOR`, `SELECTOR` (in every namespace), a workload's
 * `NS/KIND/NAME`, an outside range.
 */
export type DescriptorKind = 'everything' | 'namespace' | 'labels' | 'namespace-labels' | 'workload' | 'external';

export interface Descriptor {
  text: string;
  kind: DescriptorKind;
  /** The units it denotes, sorted (workload-units.ts). */
  units: number[];
  /** Written in a policy (its pod selector, a peer's): preferred over a label picked from the pods. */
  fromPolicy?: boolean;
}

/** Which of two descriptors of the same size reads better: the simpler kind, then one a policy wrote, then the shorter. */
export function preferred(a: Descriptor, b: Descriptor): number {
  return RANK[a.kind] - RANK[b.kind] || Number(!a.fromPolicy) - Number(!b.fromPolicy) || a.text.length - b.text.length || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

/** Labels that controllers stamp on pods for themselves: nobody selects by them. */
const GENERATED = new Set(['pod-template-hash', 'controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'controller-uid', 'batch.kubernetes.io/controller-uid', 'pod-template-generation']);

/** Simpler first, when two descriptors denote the same workloads. */
export const RANK: Readonly<Record<DescriptorKind, number>> = { everything: 0, namespace: 1, labels: 2, 'namespace-labels': 3, workload: 4, external: 5 };

const selectorText = (s: LabelSelector): string => (isEmptySelector(s) ? '*' : formatSelector(s));

/**
 * The descriptors a person would write for this snapshot, each kept only if it denotes whole
 * workloads (every pod of a workload matches, or none): every namespace; every label
 * `key=value` in each namespace and in every namespace; each policy's pod selector in its
 * namespace; each pod peer's selector in the namespaces it speaks of. Two descriptors of the same
 * workloads: the simpler is kept. Cost: selectors × classes of their namespace, once.
 */
export function candidateDescriptors(m: ReachabilityMatrix, u: WorkloadUnits, namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>>>): Descriptor[] {
  const classes = m.pods.classes;
  const classesByNs = new Map<string, number[]>();
  const byLabel = new Map<string, number[]>();
  classes.forEach((c, i) => {
    let list = classesByNs.get(c.namespace);
    if (!list) classesByNs.set(c.namespace, (list = []));
    list.push(i);
    for (const [k, v] of Object.entries(c.labels)) {
      if (GENERATED.has(k)) continue;
      const key = `${k}=${v}`;
      let l = byLabel.get(key);
      if (!l) byLabel.set(key, (l = []));
      l.push(i);
    }
  });
  const all = classes.map((_, i) => i);
  const namespaces = [...classesByNs.keys()];

  const whole = wholeWorkloads(u, classes.length);
  const seen = new Set<string>();
  const bySet = new Map<string, Descriptor>();
  const offer = (namespace: string | undefined, text: string, kind: DescriptorKind, matched: () => number[], fromPolicy = false): void => {
    const full = namespace === undefined ? text : `${namespace}/${text}`;
    if (seen.has(full)) return;
    seen.add(full);
    if (!readsBack(full, namespace)) return;
    const units = whole(matched());
    if (!units) return;
    const key = units.join(',');
    const had = bySet.get(key);
    const d: Descriptor = { text: full, kind, units, ...(fromPolicy ? { fromPolicy } : {}) };
    if (!had || preferred(d, had) < 0) bySet.set(key, d);
  };
  const matchingNs = new Map<string, string[]>();
  const namespacesOf = (s: LabelSelector): string[] => {
    const key = formatSelector(s);
    let list = matchingNs.get(key);
    if (!list) matchingNs.set(key, (list = namespaces.filter((ns) => matchesSelector(s, namespaceLabels.get(ns) ?? {}))));
    return list;
  };
  const select = (list: readonly number[], s: LabelSelector) => (): number[] => list.filter((c) => matchesSelector(s, classes[c]!.labels));

  offer(undefined, '*', 'everything', () => all);
  for (const ns of namespaces) offer(ns, '*', 'namespace', () => classesByNs.get(ns)!);
  // A policy's own words first: the same text offered later as a label keeps `fromPolicy`.
  for (const p of m.policies) {
    const ns = p.policy.namespace;
    const own = classesByNs.get(ns) ?? [];
    offer(ns, selectorText(p.policy.podSelector), isEmptySelector(p.policy.podSelector) ? 'namespace' : 'namespace-labels', select(own, p.policy.podSelector), true);
    for (const r of [...p.policy.ingress, ...p.policy.egress]) {
      if (r.peers === 'any') continue;
      for (const peer of r.peers) {
        if (peer.kind !== 'pods') continue;
        const pods = peer.podSelector ?? { matchLabels: {}, matchExpressions: [] };
        const text = selectorText(pods);
        if (!peer.namespaceSelector) offer(ns, text, text === '*' ? 'namespace' : 'namespace-labels', select(own, pods), true);
        else if (isEmptySelector(peer.namespaceSelector)) offer(undefined, text, text === '*' ? 'everything' : 'labels', select(all, pods), true);
        else for (const other of namespacesOf(peer.namespaceSelector)) offer(other, text, text === '*' ? 'namespace' : 'namespace-labels', select(classesByNs.get(other)!, pods), true);
      }
    }
  }
  for (const [label, list] of byLabel) {
    offer(undefined, label, 'labels', () => list);
    const perNs = new Map<string, number[]>();
    for (const c of list) {
      const ns = classes[c]!.namespace;
      let l = perNs.get(ns);
      if (!l) perNs.set(ns, (l = []));
      l.push(c);
    }
    for (const [ns, l] of perNs) offer(ns, label, 'namespace-labels', () => l);
  }
  return [...bySet.values()];
}

/** The descriptor must read back as what it means: a selector, in that namespace or in all of them. */
function readsBack(text: string, namespace: string | undefined): boolean {
  const t = parseTarget(text);
  return t.ok && !t.port && t.target.kind === 'selector' && t.target.namespace === namespace;
}

/**
 * `whole(classes)`: the workloads these classes make up, sorted, or undefined if they hold only
 * some pods of a workload. Marks in typed arrays, reset by a new stamp per call.
 */
function wholeWorkloads(u: WorkloadUnits, classCount: number): (matched: readonly number[]) => number[] | undefined {
  const classMark = new Int32Array(classCount);
  const unitMark = new Int32Array(u.workloads);
  let stamp = 0;
  return (matched) => {
    if (matched.length === 0) return undefined;
    stamp++;
    for (const c of matched) classMark[c] = stamp;
    const units: number[] = [];
    for (const c of matched)
      for (const w of u.unitsOfClass[c]!) {
        if (unitMark[w] === stamp) continue;
        unitMark[w] = stamp;
        for (const other of u.classesOf[w]!) if (classMark[other] !== stamp) return undefined;
        units.push(w);
      }
    return units.sort((a, b) => a - b);
  };
}
