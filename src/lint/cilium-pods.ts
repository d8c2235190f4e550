import type { LabelSelector } from '../model/labels.js';
import type { Pod, Snapshot } from '../model/snapshot.js';
import { ciliumLabels } from '../select/cilium-labels.js';
import { matchesSelector } from '../select/label-selector.js';

/**
 * The pods a Cilium selector sees (src/engine/compile-cilium.ts matches classes the same way):
 * host-network pods are never selected, a namespace confines the search, and the labels seen are
 * the pod's plus Cilium's namespace labels (select/cilium-labels.ts). Pods are grouped by
 * namespace once per lint run.
 */
export class CiliumPods {
  private readonly byNamespace = new Map<string, Pod[]>();

  constructor(
    private readonly snapshot: Snapshot,
    private readonly namespaceLabels: ReadonlyMap<string, Readonly<Record<string, string>>>,
  ) {
    for (const pod of snapshot.pods) {
      if (pod.hostNetwork) continue;
      const list = this.byNamespace.get(pod.namespace);
      if (list) list.push(pod);
      else this.byNamespace.set(pod.namespace, [pod]);
    }
  }

  /** The namespaces (sorted) with a pod the selector matches; only `namespace` when given. */
  namespacesMatching(selector: LabelSelector, namespace?: string): string[] {
    const names = namespace !== undefined ? [namespace] : [...this.byNamespace.keys()].sort();
    return names.filter((ns) => (this.byNamespace.get(ns) ?? []).some((p) => matchesSelector(selector, ciliumLabels(p.labels, ns, this.namespaceLabels.get(ns) ?? {}))));
  }

  /** The pods the selector matches, in snapshot order within each namespace (only `namespace` when given). */
  podsMatching(selector: LabelSelector, namespace?: string): Pod[] {
    const names = namespace !== undefined ? [namespace] : [...this.byNamespace.keys()].sort();
    return names.flatMap((ns) => (this.byNamespace.get(ns) ?? []).filter((p) => matchesSelector(selector, ciliumLabels(p.labels, ns, this.namespaceLabels.get(ns) ?? {}))));
  }

  /** Every pod Cilium manages (not on the host network). */
  get endpoints(): Pod[] {
    return [...this.byNamespace.values()].flat();
  }

  get hasPods(): boolean {
    return this.snapshot.pods.length > 0;
  }
}
