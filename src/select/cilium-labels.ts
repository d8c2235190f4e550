import type { Labels } from '../model/labels.js';

/** The label Cilium gives every pod for its namespace (pkg/k8s/apis/cilium.io const.go). */
export const CILIUM_NAMESPACE_LABEL = 'io.kubernetes.pod.namespace';
/** Prefix of the labels Cilium copies from the pod's namespace onto the pod's identity. */
export const CILIUM_NAMESPACE_LABELS_PREFIX = 'io.cilium.k8s.namespace.labels.';

/**
 * The labels a Cilium endpoint selector sees on a pod (its security identity): the pod's labels,
 * `io.kubernetes.pod.namespace`, and `io.cilium.k8s.namespace.labels.<key>` for each label of its
 * namespace. Selector keys are compared without their `k8s:`/`any:` source prefix.
 */
export function ciliumLabels(podLabels: Labels, namespace: string, namespaceLabels: Labels): Labels {
  const out: Record<string, string> = { ...podLabels, [CILIUM_NAMESPACE_LABEL]: namespace };
  for (const [k, v] of Object.entries(namespaceLabels)) out[`${CILIUM_NAMESPACE_LABELS_PREFIX}${k}`] = v;
  return out;
}
