import type { Labels, LabelSelector } from './labels.js';
import type { NetworkPolicy, Protocol } from './policy.js';
import type { AdminPolicy } from './admin-policy.js';
import type { CalicoObjects } from './calico-policy.js';
import type { CiliumPolicy } from './cilium-policy.js';
import type { LegacyIsolation, Semantics } from './semantics.js';
import type { SourceRef } from './source.js';
import type { UnmodelledObject } from './unmodelled.js';
import type { Assumptions } from './cni.js';
import type { EndpointSlice } from './endpoint-slice.js';

export interface Namespace {
  name: string;
  /** Always includes `kubernetes.io/metadata.name`. */
  labels: Labels;
  annotations: Labels;
  /** True when no Namespace object was given and the namespace was inferred from its use. */
  implicit: boolean;
  source?: SourceRef;
  /** Ingress isolation from a legacy annotation (only acted on under legacy semantics). */
  legacyIsolation?: LegacyIsolation;
}

export interface ContainerPort {
  name?: string;
  port: number;
  protocol: Protocol;
}

/**
 * A string a container is given (an env value, an argument, a command word), kept when asked
 * (`generate --references`): where workloads name the Services they call.
 */
export interface ContainerText {
  text: string;
  /** `env DB_HOST`, `args[1]`, `command[0]` of container `name`. */
  field: string;
  source: SourceRef;
}

/** The unit that owns pods in the output: `ns/name[Kind]`. */
export interface Owner {
  kind: string;
  name: string;
}

/**
 * A pod, real (kind: Pod) or standing for the pod template of a workload that has no pods in
 * the snapshot.
 */
export interface Pod {
  /** `ns/name` of the Pod object, or `ns/name[Kind]` for a workload template. */
  id: string;
  name: string;
  namespace: string;
  labels: Labels;
  /** Annotations of the Pod, or of the workload and its template. */
  annotations?: Labels;
  ports: readonly ContainerPort[];
  /** Pod IPs from `status.podIPs`/`status.podIP`, when present. */
  ips: readonly string[];
  hostNetwork: boolean;
  /** `spec.serviceAccountName` (absent: not given, which Kubernetes reads as `default`). */
  serviceAccountName?: string;
  /** Its containers' env values, args and commands, when the load was asked to keep them. */
  containerText?: readonly ContainerText[];
  /** The workload this pod belongs to in reports; a bare Pod owns itself (kind Pod). */
  owner: Owner;
  /** True when this pod stands for a workload's template rather than a Pod object. */
  fromTemplate: boolean;
  /** Number of replicas a template stands for (1 for a real pod). */
  replicas: number;
  source: SourceRef;
}

export interface ServicePort {
  name?: string;
  port: number;
  protocol: Protocol;
  /** Number or container port name; defaults to `port`. */
  targetPort: number | string;
}

export interface Service {
  name: string;
  namespace: string;
  /** The Service's own labels (`metadata.labels`; absent: none). */
  labels?: Labels;
  /** Absent selector: the Service has no pods selected automatically. */
  selector?: Labels;
  ports: readonly ServicePort[];
  source: SourceRef;
}

/** A v1 ServiceAccount: Calico gives its labels to the workload endpoints of its pods (docs/calico.md). */
export interface ServiceAccount {
  name: string;
  namespace: string;
  labels: Labels;
  source: SourceRef;
}

export interface Snapshot {
  namespaces: readonly Namespace[];
  pods: readonly Pod[];
  policies: readonly NetworkPolicy[];
  services: readonly Service[];
  /** ServiceAccount objects (absent: none given; only Calico's service account selectors read them). */
  serviceAccounts?: readonly ServiceAccount[];
  /** EndpointSlices (discovery.k8s.io/v1): the addresses behind Services without a selector. */
  endpointSlices?: readonly EndpointSlice[];
  /** AdminNetworkPolicy, BaselineAdminNetworkPolicy and ClusterNetworkPolicy objects (absent: none). */
  adminPolicies?: readonly AdminPolicy[];
  /** CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy rules, one per spec (absent: none). */
  ciliumPolicies?: readonly CiliumPolicy[];
  /** Calico's policies, network sets and tiers (absent: none; docs/calico.md). */
  calico?: CalicoObjects;
  /** How the policies were read; absent means networking.k8s.io/v1 with nothing legacy in sight. */
  semantics?: Semantics;
  /** Objects read but not evaluated that answers may depend on (plugin policies, operators' resources). */
  unmodelled?: readonly UnmodelledObject[];
  /** What the network plugin is assumed to do where NetworkPolicy leaves it open (absent: DEFAULT_ASSUMPTIONS). */
  assumptions?: Assumptions;
}

export type { LabelSelector };
