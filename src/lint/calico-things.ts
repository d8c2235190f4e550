import type { CalicoPolicy } from '../model/calico-policy.js';
import type { Labels } from '../model/labels.js';
import type { Snapshot } from '../model/snapshot.js';
import { calicoEndpointLabels, calicoNamespaceLabels, calicoServiceAccountProfiles, calicoServiceAccountView, calicoSetLabels } from '../select/calico-labels.js';
import type { CalicoSelectable } from '../select/calico-peer.js';
import { calicoSelectorOf } from '../select/calico-selector-cache.js';
import { matchesCalicoSelector } from '../select/calico-selector.js';

/** The pods' workload endpoints (not on the host network) and the network sets of a snapshot, as Calico's selectors see them. */
export class CalicoThings {
  readonly endpoints: CalicoSelectable[];
  readonly sets: CalicoSelectable[];

  constructor(
    snapshot: Snapshot,
    private readonly nsLabels: ReadonlyMap<string, Labels>,
  ) {
    const profiles = calicoServiceAccountProfiles(snapshot.serviceAccounts);
    this.endpoints = snapshot.pods
      .filter((p) => !p.hostNetwork)
      .map((p) => ({ labels: calicoEndpointLabels(p.labels, p.namespace, p.serviceAccountName ?? 'default', profiles), namespace: p.namespace, serviceAccount: p.serviceAccountName ?? 'default' }));
    this.sets = (snapshot.calico?.networkSets ?? []).map((s) => ({ labels: calicoSetLabels(s.labels, s.namespace), namespace: s.namespace }));
  }

  readonly namespaceLabels = (ns: string): Labels => calicoNamespaceLabels(ns, this.nsLabels.get(ns));

  /**
   * Whether the policy's `selector` (in its namespace; a GlobalNetworkPolicy's `namespaceSelector`
   * and any policy's `serviceAccountSelector`, on the labels of the endpoint's ServiceAccount, too)
   * selects some endpoint.
   */
  selectsSome(p: CalicoPolicy): boolean {
    const selector = calicoSelectorOf(p.selector);
    const nsSelector = p.namespaceSelector !== undefined ? calicoSelectorOf(p.namespaceSelector) : undefined;
    const saSelector = p.serviceAccountSelector !== undefined ? calicoSelectorOf(p.serviceAccountSelector) : undefined;
    return this.endpoints.some(
      (e) =>
        (p.namespace === undefined || e.namespace === p.namespace) &&
        matchesCalicoSelector(selector, e.labels) &&
        (!nsSelector || matchesCalicoSelector(nsSelector, this.namespaceLabels(e.namespace!))) &&
        (!saSelector || matchesCalicoSelector(saSelector, calicoServiceAccountView(e.labels))),
    );
  }
}
