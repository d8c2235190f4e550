import type { IPBlockInput } from './ip-block.js';
import type { LabelSelectorInput } from './label-selector.js';
import type { ObjectMetaInput } from './object-meta.js';

/**
 * The NetworkPolicy shape the validators take, mirroring networking.k8s.io/v1 (Kubernetes 1.32,
 * staging/src/k8s.io/api/networking/v1/types.go). Optional Go pointers are optional fields;
 * `port` is Go's IntOrString (a number or a string, as written in the manifest).
 */

export interface NetworkPolicyPortInput {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

export interface NetworkPolicyPeerInput {
  podSelector?: LabelSelectorInput;
  namespaceSelector?: LabelSelectorInput;
  ipBlock?: IPBlockInput;
}

export interface NetworkPolicyIngressRuleInput {
  ports?: NetworkPolicyPortInput[];
  from?: NetworkPolicyPeerInput[];
}

export interface NetworkPolicyEgressRuleInput {
  ports?: NetworkPolicyPortInput[];
  to?: NetworkPolicyPeerInput[];
}

export interface NetworkPolicySpecInput {
  /** Not a pointer in Go: absent reads as the empty selector (all pods). */
  podSelector?: LabelSelectorInput;
  policyTypes?: string[];
  ingress?: NetworkPolicyIngressRuleInput[];
  egress?: NetworkPolicyEgressRuleInput[];
}

export interface NetworkPolicyInput {
  metadata: ObjectMetaInput;
  spec: NetworkPolicySpecInput;
}

export interface NetworkPolicyValidationOptions {
  /** Go's AllowInvalidLabelValueInSelector: false on create (the default here). */
  allowInvalidLabelValueInSelector?: boolean;
}
