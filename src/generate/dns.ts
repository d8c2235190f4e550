import type { Pod, Snapshot } from '../model/snapshot.js';
import { ConnectionSet } from '../net/connection-set.js';
import { PortSet } from '../net/port-set.js';

/** DNS: UDP and TCP 53 (RFC 7766: TCP is not optional). */
export const DNS = ConnectionSet.of({ UDP: PortSet.range(53), TCP: PortSet.range(53) });

/** The label the cluster resolver's pods carry: CoreDNS and kube-dns alike (kubeadm, kops, GKE, EKS, AKS). */
export const RESOLVER_NAMESPACE = 'kube-system';
export const RESOLVER_LABELS = { 'k8s-app': 'kube-dns' } as const;

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
