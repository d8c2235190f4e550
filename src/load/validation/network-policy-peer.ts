import { forbidden, required, type FieldError, type FieldPath } from './field-error.js';
import { validateIPBlock } from './ip-block.js';
import { validateLabelSelector } from './label-selector.js';
import type { NetworkPolicyPeerInput, NetworkPolicyValidationOptions } from './network-policy-types.js';

/**
 * NetworkPolicyPeer, transcribed from Kubernetes 1.32 kubernetes
 * pkg/apis/networking/validation/validation.go: ValidateNetworkPolicyPeer.
 *
 * podSelector, namespaceSelector and ipBlock are validated in that order; then a peer with none
 * of them → Required "must specify a peer" at the peer's path, and ipBlock with either selector →
 * Forbidden "may not specify both ipBlock and another peer". An empty selector ({}) counts as
 * given; podSelector with namespaceSelector is allowed.
 */
export function validateNetworkPolicyPeer(
  peer: NetworkPolicyPeerInput,
  path: FieldPath,
  opts: NetworkPolicyValidationOptions = {},
): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  if (peer.podSelector !== undefined) {
    count++;
    errs.push(...validateLabelSelector(peer.podSelector, [...path, 'podSelector'], opts));
  }
  if (peer.namespaceSelector !== undefined) {
    count++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, [...path, 'namespaceSelector'], opts));
  }
  if (peer.ipBlock !== undefined) {
    count++;
    errs.push(...validateIPBlock(peer.ipBlock, [...path, 'ipBlock']));
  }
  if (count === 0) errs.push(required(path, 'must specify a peer'));
  else if (count > 1 && peer.ipBlock !== undefined) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}
