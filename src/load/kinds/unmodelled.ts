import type { UnmodelledObject } from '../../model/unmodelled.js';
import type { ObjectReader } from '../object-reader.js';

interface KnownKind {
  owner: string;
  effect: UnmodelledObject['effect'];
  /** Cluster-wide: selects pods of every namespace. */
  cluster?: boolean;
}

/** Policy kinds of network plugins, by API group and kind (each plugin's CRD reference). */
const POLICY_KINDS: Record<string, Record<string, KnownKind>> = {
  'cilium.io': {
    CiliumNetworkPolicy: { owner: 'Cilium', effect: 'policy' },
    CiliumClusterwideNetworkPolicy: { owner: 'Cilium', effect: 'policy', cluster: true },
  },
  'crd.projectcalico.org': {
    NetworkPolicy: { owner: 'Calico', effect: 'policy' },
    GlobalNetworkPolicy: { owner: 'Calico', effect: 'policy', cluster: true },
  },
  'projectcalico.org': {
    NetworkPolicy: { owner: 'Calico', effect: 'policy' },
    GlobalNetworkPolicy: { owner: 'Calico', effect: 'policy', cluster: true },
  },
  'crd.antrea.io': {
    NetworkPolicy: { owner: 'Antrea', effect: 'policy' },
    ClusterNetworkPolicy: { owner: 'Antrea', effect: 'policy', cluster: true },
  },
  'k8s.ovn.org': {
    EgressFirewall: { owner: 'OVN-Kubernetes', effect: 'policy' },
  },
  'security.istio.io': {
    AuthorizationPolicy: { owner: 'Istio', effect: 'policy' },
  },
};

/** Operators' custom resources that run pods (their pods are separate objects: a snapshot of them alone has none). */
const POD_KINDS: Record<string, Record<string, string>> = {
  'monitoring.coreos.com': { Prometheus: 'Prometheus Operator', Alertmanager: 'Prometheus Operator', ThanosRuler: 'Prometheus Operator', PrometheusAgent: 'Prometheus Operator' },
  'argoproj.io': { Rollout: 'Argo Rollouts', Workflow: 'Argo Workflows' },
  'postgresql.cnpg.io': { Cluster: 'CloudNativePG' },
  'kafka.strimzi.io': { Kafka: 'Strimzi', KafkaConnect: 'Strimzi' },
  'elasticsearch.k8s.elastic.co': { Elasticsearch: 'Elastic' },
  'kibana.k8s.elastic.co': { Kibana: 'Elastic' },
  'serving.knative.dev': { Service: 'Knative' },
};

const group = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '');

/**
 * A kind the loader does not evaluate but an answer may depend on, or undefined. Cluster-wide
 * kinds carry no namespace.
 */
export function readUnmodelled(r: ObjectReader): UnmodelledObject | undefined {
  const g = group(r.raw.apiVersion);
  const policy = POLICY_KINDS[g]?.[r.raw.kind];
  const podOwner = POD_KINDS[g]?.[r.raw.kind];
  if (!policy && !podOwner) return undefined;
  const known: KnownKind = policy ?? { owner: podOwner!, effect: 'pods' };
  return {
    kind: r.raw.kind,
    apiVersion: r.raw.apiVersion,
    name: r.name || '<unnamed>',
    ...(known.cluster ? {} : { namespace: r.namespace }),
    effect: known.effect,
    owner: known.owner,
    source: r.at([]),
  };
}
