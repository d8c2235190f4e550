import { CALICO_NAME_LABEL, CALICO_NAMESPACE_LABEL, CALICO_ORCHESTRATOR_LABEL, CALICO_SERVICE_ACCOUNT_LABEL } from '../model/calico-policy.js';
import type { Labels } from '../model/labels.js';

/**
 * The labels of a pod's workload endpoint as Calico sets them
 * (libcalico-go/lib/backend/k8s/conversion/workload_endpoint_default.go): the pod's labels plus
 * projectcalico.org/namespace, projectcalico.org/orchestrator (k8s) and
 * projectcalico.org/serviceaccount.
 */
export function calicoEndpointLabels(labels: Labels, namespace: string, serviceAccount: string): Labels {
  return { ...labels, [CALICO_NAMESPACE_LABEL]: namespace, [CALICO_ORCHESTRATOR_LABEL]: 'k8s', [CALICO_SERVICE_ACCOUNT_LABEL]: serviceAccount };
}

/** A namespace's labels for a `namespaceSelector`, with projectcalico.org/name (the namespace's name). */
export function calicoNamespaceLabels(namespace: string, labels: Labels | undefined): Labels {
  return { ...(labels ?? { 'kubernetes.io/metadata.name': namespace }), [CALICO_NAME_LABEL]: namespace };
}

/** A network set's labels; a namespaced one also carries projectcalico.org/namespace (which its own labels may not set). */
export function calicoSetLabels(labels: Labels, namespace: string | undefined): Labels {
  return namespace === undefined ? labels : { ...labels, [CALICO_NAMESPACE_LABEL]: namespace };
}
