import type { SourceRef } from './source.js';

/**
 * An object netpol-check reads but does not evaluate, whose presence an answer may depend on:
 * - `policy`: a network plugin's own policy (Cilium, Calico, Antrea, OVN, Istio); it may allow
 *   or deny traffic of the pods it selects — those answers are undetermined;
 * - `pods`: a custom resource whose operator runs pods that the snapshot does not hold
 *   (Prometheus, Alertmanager, …): include them with `kubectl get pods -o yaml`.
 */
export interface UnmodelledObject {
  kind: string;
  apiVersion: string;
  name: string;
  /** Absent for cluster-wide objects, which may select pods of every namespace. */
  namespace?: string;
  effect: 'policy' | 'pods';
  /** The network plugin or project the kind belongs to. */
  owner: string;
  /** A policy evaluated except these parts (a Cilium policy's L7 rules, toFQDNs, …), in words; absent: not evaluated at all. */
  parts?: readonly string[];
  source: SourceRef;
}
