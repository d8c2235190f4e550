import type { Labels } from '../model/labels.js';
import type { Pod } from '../model/snapshot.js';
import { stableLabels } from './stable-labels.js';

/**
 * Pods that no label selector can tell apart: the same namespace and the same stable labels
 * (stable-labels.ts). A generated policy selects a class as a whole; usually a class is the pods
 * of one workload.
 */
export interface PodClass {
  index: number;
  namespace: string;
  labels: Labels;
  pods: Pod[];
  /** The workloads (`ns/name[Kind]`) whose pods are in the class. */
  owners: string[];
}

/** `ns/name[Kind]`, as the matrix names workloads (a bare pod is its own workload, kind Pod). */
export function ownerId(pod: Pod): string {
  return `${pod.namespace}/${pod.owner.name}[${pod.owner.kind}]`;
}

function labelKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Classes of the pods, ordered by namespace, then by their first owner. */
export function podClasses(pods: readonly Pod[]): PodClass[] {
  const byKey = new Map<string, PodClass>();
  for (const pod of pods) {
    const labels = stableLabels(pod.labels);
    const key = `${pod.namespace}\u0000${labelKey(labels)}`;
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { index: 0, namespace: pod.namespace, labels, pods: [], owners: [] }));
    c.pods.push(pod);
    const owner = ownerId(pod);
    if (!c.owners.includes(owner)) c.owners.push(owner);
  }
  const classes = [...byKey.values()];
  for (const c of classes) c.owners.sort();
  classes.sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.owners[0]! < b.owners[0]! ? -1 : a.owners[0]! > b.owners[0]! ? 1 : 0));
  classes.forEach((c, i) => (c.index = i));
  return classes;
}
