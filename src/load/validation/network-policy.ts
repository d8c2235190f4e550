import { invalid, notSupported, type FieldError, type FieldPath } from './field-error.js';
import { validateLabelSelector } from './label-selector.js';
import { validateNetworkPolicyName } from './name-funcs.js';
import { validateNetworkPolicyPeer } from './network-policy-peer.js';
import { validateNetworkPolicyPort } from './network-policy-port.js';
import type { NetworkPolicyInput, NetworkPolicySpecInput, NetworkPolicyValidationOptions } from './network-policy-types.js';
import { validateObjectMeta } from './object-meta.js';

/**
 * NetworkPolicy, transcribed from Kubernetes 1.32 kubernetes
 * pkg/apis/networking/validation/validation.go: ValidateNetworkPolicySpec, ValidateNetworkPolicy.
 */

export const POLICY_TYPES: readonly string[] = ['Ingress', 'Egress'];

/**
 * ValidateNetworkPolicySpec, in Go's order: spec.podSelector; each ingress rule's ports then
 * from; each egress rule's ports then to; then policyTypes:
 * - more than two entries → one Invalid "may not specify more than two policyTypes" at
 *   `spec.policyTypes`, and the entries are not checked;
 * - otherwise each entry must be exactly "Ingress" or "Egress" → NotSupported at policyTypes[i].
 * Duplicates are NOT refused in 1.32: ["Ingress", "Ingress"] is valid (it means Ingress only).
 * Empty lists (ingress: [], ports: [], from: []) are valid; a rule {} is valid.
 */
export function validateNetworkPolicySpec(
  spec: NetworkPolicySpecInput,
  path: FieldPath = ['spec'],
  opts: NetworkPolicyValidationOptions = {},
): FieldError[] {
  const errs = validateLabelSelector(spec.podSelector ?? {}, [...path, 'podSelector'], opts);
  (spec.ingress ?? []).forEach((rule, i) => {
    const rulePath = [...path, 'ingress', i];
    (rule.ports ?? []).forEach((p, j) => errs.push(...validateNetworkPolicyPort(p, [...rulePath, 'ports', j])));
    (rule.from ?? []).forEach((peer, j) => errs.push(...validateNetworkPolicyPeer(peer, [...rulePath, 'from', j], opts)));
  });
  (spec.egress ?? []).forEach((rule, i) => {
    const rulePath = [...path, 'egress', i];
    (rule.ports ?? []).forEach((p, j) => errs.push(...validateNetworkPolicyPort(p, [...rulePath, 'ports', j])));
    (rule.to ?? []).forEach((peer, j) => errs.push(...validateNetworkPolicyPeer(peer, [...rulePath, 'to', j], opts)));
  });
  const types = spec.policyTypes ?? [];
  if (types.length > POLICY_TYPES.length) {
    errs.push(invalid([...path, 'policyTypes'], types, 'may not specify more than two policyTypes'));
    return errs;
  }
  types.forEach((t, i) => {
    if (!POLICY_TYPES.includes(t)) errs.push(notSupported([...path, 'policyTypes', i], t, POLICY_TYPES));
  });
  return errs;
}

/**
 * ValidateNetworkPolicy: metadata (namespaced, name a DNS-1123 subdomain — core's
 * ValidateObjectMeta) then the spec.
 */
export function validateNetworkPolicy(np: NetworkPolicyInput, opts: NetworkPolicyValidationOptions = {}): FieldError[] {
  return [
    ...validateObjectMeta(np.metadata, { namespaced: true, nameFn: validateNetworkPolicyName }, ['metadata']),
    ...validateNetworkPolicySpec(np.spec, ['spec'], opts),
  ];
}
