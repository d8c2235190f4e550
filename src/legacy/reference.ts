import type { Traffic } from '../engine/endpoint.js';
import { ReferenceEvaluator } from '../engine/reference.js';
import type { Snapshot } from '../model/snapshot.js';
import { matchesSelector } from '../select/label-selector.js';

/**
 * The legacy oracle, written straight from the 1.5/1.6 documents and the 2016 alpha blog, on the
 * policies as declared (not their v1 translation):
 * - "only isolation policy on inbound traffic (ingress) can be defined": egress is never limited;
 * - "By default, all traffic is allowed between all pods (and NetworkPolicy resources have no
 *   effect)": a pod in a namespace without isolation accepts everything;
 * - "When a namespace has been configured to isolate inbound traffic, all traffic to pods in that
 *   namespace (even from other pods in the same namespace) will be blocked. NetworkPolicy objects
 *   can then be added to the isolated namespace to specify what traffic should be allowed": a
 *   pod of an isolated namespace accepts what some policy of its namespace that selects it allows.
 * Traffic from the pod's own node is not modelled (nodes are not in manifests). A hostNetwork
 * pod is node traffic under every profiled plugin (docs/cni-profiles.md): isolation does not reach it.
 */
export class LegacyReferenceEvaluator extends ReferenceEvaluator {
  private readonly isolated = new Set<string>();

  constructor(private readonly declared: Snapshot) {
    super(declared);
    for (const ns of declared.namespaces) if (ns.legacyIsolation?.isolated) this.isolated.add(ns.name);
  }

  override egressAllows(): boolean {
    return true;
  }

  override ingressAllows(t: Traffic): boolean {
    if (t.dst.kind !== 'pod') return true;
    const pod = t.dst.pod;
    if (!this.isolated.has(pod.namespace)) return true;
    if (pod.hostNetwork && this.plugin.hostNetwork === 'node') return true;
    return this.declared.policies
      .filter((p) => p.namespace === pod.namespace && matchesSelector(p.podSelector, pod.labels))
      .some((p) => p.ingress.some((r) => this.ruleAllows(p, r, t.src, t)));
  }
}
