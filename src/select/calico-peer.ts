import type { CalicoEntityRule, CalicoPolicy } from '../model/calico-policy.js';
import type { Labels } from '../model/labels.js';
import { calicoServiceAccountView } from './calico-labels.js';
import { calicoSelectorOf } from './calico-selector-cache.js';
import { matchesCalicoSelector } from './calico-selector.js';

/** Something a Calico selector can match: a pod's workload endpoint or a network set (labels as calico-labels.ts gives them). */
export interface CalicoSelectable {
  labels: Labels;
  /** Absent for a GlobalNetworkSet. */
  namespace?: string | undefined;
  /** A pod's service account; absent for network sets. */
  serviceAccount?: string | undefined;
}

/**
 * The positive part of a rule's `source` or `destination`, as Calico builds it
 * (libcalico-go updateprocessors/rules.go getEndpointSelector): the namespace part
 * (`namespaceSelector`, else the namespaced policy's own namespace) AND `selector` AND
 * `serviceAccounts` (`names`, and `selector` on the ServiceAccount's labels: calicoServiceAccountView);
 * the namespace part counts only when some selector field is given.
 * Undefined: the rule selects by address only. `namespaceLabels` gives a namespace's labels
 * (with projectcalico.org/name).
 */
export function calicoPositive(p: Pick<CalicoPolicy, 'namespace'>, e: CalicoEntityRule, namespaceLabels: (ns: string) => Labels): ((x: CalicoSelectable) => boolean) | undefined {
  const accounts = e.serviceAccountNames !== undefined || e.serviceAccountSelector !== undefined;
  const anySelector = e.selector !== undefined || e.notSelector !== undefined || e.namespaceSelector !== undefined || accounts;
  const namespacePart = anySelector && (e.namespaceSelector !== undefined || p.namespace !== undefined);
  if (!namespacePart && e.selector === undefined && !accounts) return undefined;
  const selector = e.selector !== undefined ? calicoSelectorOf(e.selector) : undefined;
  const accountSelector = e.serviceAccountSelector !== undefined ? calicoSelectorOf(e.serviceAccountSelector) : undefined;
  const nsSelector = e.namespaceSelector !== undefined ? calicoSelectorOf(e.namespaceSelector) : undefined;
  return (x) => {
    if (namespacePart) {
      if (nsSelector) {
        const namespaced = x.namespace !== undefined;
        if (!matchesCalicoSelector(nsSelector, namespaced ? namespaceLabels(x.namespace!) : {}, { scope: 'namespaceSelector', namespaced })) return false;
      } else if (x.namespace !== p.namespace) return false;
    }
    if (e.serviceAccountNames && !(x.serviceAccount !== undefined && e.serviceAccountNames.includes(x.serviceAccount))) return false;
    if (accountSelector && !matchesCalicoSelector(accountSelector, calicoServiceAccountView(x.labels))) return false;
    return selector === undefined || matchesCalicoSelector(selector, x.labels);
  };
}
