import { CALICO_NAME_LABEL, CALICO_NAMESPACE_LABEL, CALICO_NAMESPACE_PREFIX, CALICO_ORCHESTRATOR_LABEL, CALICO_SERVICE_ACCOUNT_LABEL, CALICO_SERVICE_ACCOUNT_PREFIX } from '../model/calico-policy.js';
import type { Labels } from '../model/labels.js';
import type { ServiceAccount } from '../model/snapshot.js';

/**
 * Per `namespace/name`, the labels a ServiceAccount's profile `ksa.<namespace>.<name>` gives the
 * endpoints of its pods, without their `pcsa.` prefix: its labels and projectcalico.org/name
 * (conversion.go ServiceAccountToProfile).
 */
export function calicoServiceAccountProfiles(accounts: readonly ServiceAccount[] | undefined): ReadonlyMap<string, Labels> {
  return new Map((accounts ?? []).map((a) => [`${a.namespace}/${a.name}`, { ...a.labels, [CALICO_NAME_LABEL]: a.name }]));
}

/** What `serviceAccountSelector` and `serviceAccounts.selector` see of a thing's labels: its `pcsa.` labels, without the prefix (selectors.go parseSelectorAttachPrefix prefixes the selector instead). */
export function calicoServiceAccountView(labels: Labels): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (k.startsWith(CALICO_SERVICE_ACCOUNT_PREFIX)) out[k.slice(CALICO_SERVICE_ACCOUNT_PREFIX.length)] = v;
  return out;
}

/**
 * The labels of a pod's workload endpoint as Calico sets them
 * (libcalico-go/lib/backend/k8s/conversion/workload_endpoint_default.go): the pod's labels plus
 * projectcalico.org/namespace, projectcalico.org/orchestrator (k8s) and
 * projectcalico.org/serviceaccount; the pod's own `pcsa.` and `pcns.` labels are dropped
 * (updateprocessors/workloadendpointprocessor.go) and its ServiceAccount's profile labels
 * (`profiles`: calicoServiceAccountProfiles; none when the snapshot lacks it) come in with the
 * `pcsa.` prefix.
 */
export function calicoEndpointLabels(labels: Labels, namespace: string, serviceAccount: string, profiles?: ReadonlyMap<string, Labels>): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (!k.startsWith(CALICO_SERVICE_ACCOUNT_PREFIX) && !k.startsWith(CALICO_NAMESPACE_PREFIX)) out[k] = v;
  for (const [k, v] of Object.entries(profiles?.get(`${namespace}/${serviceAccount}`) ?? {})) out[CALICO_SERVICE_ACCOUNT_PREFIX + k] = v;
  return { ...out, [CALICO_NAMESPACE_LABEL]: namespace, [CALICO_ORCHESTRATOR_LABEL]: 'k8s', [CALICO_SERVICE_ACCOUNT_LABEL]: serviceAccount };
}

/** A namespace's labels for a `namespaceSelector`, with projectcalico.org/name (the namespace's name). */
export function calicoNamespaceLabels(namespace: string, labels: Labels | undefined): Labels {
  return { ...(labels ?? { 'kubernetes.io/metadata.name': namespace }), [CALICO_NAME_LABEL]: namespace };
}

/** A network set's labels; a namespaced one also carries projectcalico.org/namespace (which its own labels may not set). */
export function calicoSetLabels(labels: Labels, namespace: string | undefined): Labels {
  return namespace === undefined ? labels : { ...labels, [CALICO_NAMESPACE_LABEL]: namespace };
}
