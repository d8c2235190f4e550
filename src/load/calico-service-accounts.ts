import { calicoPolicyRef, type CalicoObjects, type CalicoPolicy } from '../model/calico-policy.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Pod, ServiceAccount } from '../model/snapshot.js';
import { calicoSelectorOf } from '../select/calico-selector-cache.js';
import { calicoSelectorOnUnknownLabels } from '../select/calico-selector-unknown.js';

/**
 * Calico matches `serviceAccountSelector` and `serviceAccounts.selector` on the labels of a pod's
 * ServiceAccount. A pod whose ServiceAccount the snapshot lacks has unknown labels there (the
 * object may exist in the cluster): a policy with such a selector whose answer depends on them
 * (calicoSelectorOnUnknownLabels) gets an unmodelled part, so answers for the pods it may select
 * are undetermined. The engine evaluates it as Calico does for a ServiceAccount that does not
 * exist: no labels.
 */
export function markUnknownServiceAccounts(calico: CalicoObjects, pods: readonly Pod[], accounts: readonly ServiceAccount[], diagnostics: Diagnostic[]): CalicoObjects {
  const known = new Set(accounts.map((a) => `${a.namespace}/${a.name}`));
  const missing = new Map<string, { namespace: string; name: string }>();
  for (const p of pods) {
    if (p.hostNetwork) continue;
    const name = p.serviceAccountName ?? 'default';
    const key = `${p.namespace}/${name}`;
    if (!known.has(key)) missing.set(key, { namespace: p.namespace, name });
  }
  if (missing.size === 0) return calico;
  const policies = calico.policies.map((p): CalicoPolicy => {
    const undecided = (text: string | undefined) => text !== undefined && calicoSelectorOnUnknownLabels(calicoSelectorOf(text)) === undefined;
    // The policy's own selector only looks at the pods it may select; a rule's at every pod.
    const subjectsMissing = [...missing.values()].filter((m) => p.namespace === undefined || m.namespace === p.namespace);
    const rules = [...p.ingress, ...p.egress];
    const own = undecided(p.serviceAccountSelector) && subjectsMissing.length > 0;
    const inRules = rules.some((r) => undecided(r.source.serviceAccountSelector) || undecided(r.destination.serviceAccountSelector));
    if (!own && !inRules) return p;
    const which = (own ? subjectsMissing : [...missing.values()]).slice(0, 3).map((m) => `${m.namespace}/${m.name}`);
    const more = (own ? subjectsMissing : [...missing.values()]).length - which.length;
    const list = `${which.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
    diagnostics.push({
      severity: 'warning',
      code: 'calico-unknown-service-account',
      message: `${calicoPolicyRef(p)} selects by ServiceAccount labels, and the snapshot lacks the ServiceAccount of some pods (${list}): answers for the endpoints this policy selects are undetermined (add kubectl get serviceaccounts -A -o yaml)`,
      source: p.source,
      object: calicoPolicyRef(p),
    });
    return { ...p, unmodelled: [...p.unmodelled, `service account selectors (ServiceAccount ${list} not in the snapshot)`], unknownServiceAccounts: { own, rules: inRules } };
  });
  return { ...calico, policies };
}
