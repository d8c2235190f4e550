import type { CalicoPolicy, CalicoRule, CalicoTier } from '../model/calico-policy.js';
import type { ConnectionSet } from '../net/connection-set.js';
import type { Protocol } from '../model/policy.js';
import type { ServiceEndpointPort } from '../select/service-endpoints.js';
import type { AdminRuleVerdict } from './verdict.js';

/** A Service named by a rule's `services`. */
export interface CalicoServiceRef {
  namespace: string;
  name: string;
  /** A Service without selector: the EndpointSlices (of its namespace) holding this end's address, and that address. */
  endpointSlices?: { names: string[]; address: string };
}

/** One step of a tier for one pair, in evaluation order. `effect`: what it decided (allow, deny) or passed on, first match winning. */
export type CalicoStepVerdict =
  | {
      kind: 'rule';
      policy: CalicoPolicy;
      rule: CalicoRule;
      matched: ConnectionSet;
      effect: ConnectionSet;
      /** When the rule matched and its source or destination selects by service account (names or selector): that end's pod's `namespace/serviceAccount`. */
      serviceAccounts?: { source?: string; destination?: string };
      /**
       * When the rule matched and one of its ends is a Service's endpoints (`services`): that Service, and in a destination the ports
       * the pod serves for it (`ports`: a Service with a selector) or the numbered ports of the EndpointSlices holding its address (`slicePorts`).
       */
      services?: { source?: CalicoServiceRef; destination?: CalicoServiceRef & { ports: ServiceEndpointPort[]; slicePorts?: { port: number; protocol: Protocol }[] } };
      /** When the rule matched and one of its ends has `nets` and is a pod: the pod's IP in them. */
      podNets?: { source?: string; destination?: string };
    }
  /** Kubernetes NetworkPolicy, as Calico's `knp.default.*` policies (default tier, order 1000): what its rules allow. */
  | { kind: 'networkPolicy'; matched: ConnectionSet; effect: ConnectionSet }
  /** A rule of an admin network policy in the kube-admin or kube-baseline tier. */
  | { kind: 'admin'; verdict: AdminRuleVerdict; effect: ConnectionSet };

/** A tier that applies to the pod in this direction (some policy of it selects the pod). */
export interface CalicoTierVerdict {
  tier: CalicoTier;
  /** The Calico policies of the tier that select the pod, in order. */
  selectedBy: CalicoPolicy[];
  steps: CalicoStepVerdict[];
  /** What no step of the tier decided or passed: the tier's default action took it. */
  ended: ConnectionSet;
}

/** Calico's tiers on one side of a pair (docs/calico.md); `profile`: what no tier decided, allowed by the namespace's profile. */
export interface CalicoVerdict {
  tiers: CalicoTierVerdict[];
  profile: ConnectionSet;
}
