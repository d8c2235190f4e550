import type { Pod, Snapshot } from './snapshot.js';

/**
 * The cluster resolver, as `generate` (its DNS flows) and `lint --fix` (egress-without-dns)
 * name it: the kube-system pods labelled k8s-app=kube-dns — CoreDNS and kube-dns alike
 * (kubeadm, kops, GKE, EKS, AKS) — on UDP and TCP 53 (RFC 7766: TCP is not optional).
 */
export const RESOLVER_NAMESPACE = 'kube-system';
export const RESOLVER_LABELS = { 'k8s-app': 'kube-dns' } as const;
export const DNS_PORT = 53;
export const DNS_PROTOCOLS = ['UDP', 'TCP'] as const;

const src = { file: '(cluster resolver)', doc: 0, line: 0, col: 0 };

/**
 * The cluster resolver's pods: those of the snapshot, or, when the snapshot has none, one that
 * stands for them (kube-system pods labelled k8s-app=kube-dns), so that policies can name it.
 */
export function resolverPods(snapshot: Snapshot): { pods: Pod[]; assumed: boolean } {
  const found = snapshot.pods.filter((p) => p.namespace === RESOLVER_NAMESPACE && p.labels['k8s-app'] === RESOLVER_LABELS['k8s-app']);
  if (found.length) return { pods: found, assumed: false };
  const pod: Pod = {
    id: `${RESOLVER_NAMESPACE}/kube-dns[Deployment]`,
    name: 'kube-dns',
    namespace: RESOLVER_NAMESPACE,
    labels: { ...RESOLVER_LABELS },
    ports: [],
    ips: [],
    hostNetwork: false,
    owner: { kind: 'Deployment', name: 'kube-dns' },
    fromTemplate: true,
    replicas: 2,
    source: src,
  };
  return { pods: [pod], assumed: true };
}

/**
 * The snapshot with the stand-in resolver when it has none: the pod, and its namespace (inferred,
 * labelled with its name as the API server labels every namespace) when the snapshot lacks it.
 */
export function withResolver(snapshot: Snapshot): { snapshot: Snapshot; assumed: boolean } {
  const resolver = resolverPods(snapshot);
  if (!resolver.assumed) return { snapshot, assumed: false };
  const namespaces = snapshot.namespaces.some((n) => n.name === RESOLVER_NAMESPACE)
    ? snapshot.namespaces
    : [...snapshot.namespaces, { name: RESOLVER_NAMESPACE, labels: { 'kubernetes.io/metadata.name': RESOLVER_NAMESPACE }, annotations: {}, implicit: true }];
  return { snapshot: { ...snapshot, namespaces, pods: [...snapshot.pods, ...resolver.pods] }, assumed: true };
}
