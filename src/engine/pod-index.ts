import type { Labels } from '../model/labels.js';
import type { ContainerPort, Pod, Snapshot } from '../model/snapshot.js';

/**
 * Pods that no policy can tell apart: same namespace, same labels, same named container ports,
 * and both or neither on the host network.
 * The engine computes one row per class instead of one per pod.
 */
export interface PodClass {
  index: number;
  namespace: string;
  labels: Labels;
  ports: readonly ContainerPort[];
  hostNetwork: boolean;
  pods: Pod[];
}

export interface PodIndex {
  classes: PodClass[];
  classOf: Map<Pod, number>;
  namespaceLabels: Map<string, Labels>;
}

function classKey(pod: Pod): string {
  const labels = Object.keys(pod.labels)
    .sort()
    .map((k) => [k, pod.labels[k]]);
  const named = pod.ports
    .filter((p) => p.name)
    .map((p) => `${p.name}/${p.protocol}/${p.port}`)
    .sort();
  // hostNetwork pods are left out of cluster-wide policies' subjects and pod peers: their own class.
  return JSON.stringify([pod.namespace, labels, named, pod.hostNetwork]);
}

export function buildPodIndex(snapshot: Snapshot): PodIndex {
  const classes: PodClass[] = [];
  const byKey = new Map<string, PodClass>();
  const classOf = new Map<Pod, number>();
  for (const pod of snapshot.pods) {
    const key = classKey(pod);
    let c = byKey.get(key);
    if (!c) {
      c = { index: classes.length, namespace: pod.namespace, labels: pod.labels, ports: pod.ports.filter((p) => p.name), hostNetwork: pod.hostNetwork, pods: [] };
      classes.push(c);
      byKey.set(key, c);
    }
    c.pods.push(pod);
    classOf.set(pod, c.index);
  }
  const namespaceLabels = new Map<string, Labels>();
  for (const ns of snapshot.namespaces) namespaceLabels.set(ns.name, ns.labels);
  return { classes, classOf, namespaceLabels };
}
