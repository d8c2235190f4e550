import { describe, expect, it } from 'vitest';
import { formatFieldError, formatFieldPath, type FieldError } from '../../../src/load/validation/field-error.js';
import { validateNetworkPolicyPeer } from '../../../src/load/validation/network-policy-peer.js';
import type { NetworkPolicyInput, NetworkPolicyPeerInput, NetworkPolicySpecInput } from '../../../src/load/validation/network-policy-types.js';
import { validateNetworkPolicy, validateNetworkPolicySpec } from '../../../src/load/validation/network-policy.js';

const NP = 'networking validation_test.go TestValidateNetworkPolicy';
const PEER = 'networking validation.go ValidateNetworkPolicyPeer';
const SPEC = 'networking validation.go ValidateNetworkPolicySpec';
const brief = (errs: FieldError[]) => errs.map((e) => [formatFieldPath(e.path), e.type]);
const INVALID_SELECTOR = { matchLabels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'b' } };
const ipv4 = { cidr: '192.168.0.0/16', except: ['192.168.3.0/24', '192.168.4.0/24'] };
const cd = { matchLabels: { c: 'd' } };

describe('ValidateNetworkPolicyPeer (Kubernetes 1.32)', () => {
  it.each([
    { peer: { podSelector: cd }, source: NP },
    { peer: { namespaceSelector: cd }, source: NP },
    { peer: { podSelector: { matchLabels: { e: 'f' } }, namespaceSelector: cd }, source: `${NP} (both selectors together are allowed)` },
    { peer: { ipBlock: ipv4 }, source: NP },
    { peer: { podSelector: {} }, source: `${PEER} (an empty selector counts as a peer)` },
  ] as { peer: NetworkPolicyPeerInput; source: string }[])('valid: $peer ($source)', ({ peer }) => {
    expect(validateNetworkPolicyPeer(peer, ['from', 0])).toEqual([]);
  });

  it.each([
    { peer: {}, errors: [['from[0]', 'Required']], message: 'must specify a peer', source: `${NP} "missing from and to type"` },
    { peer: { namespaceSelector: cd, ipBlock: ipv4 }, errors: [['from[0]', 'Forbidden']], message: 'may not specify both ipBlock and another peer', source: `${NP} "namespaceSelector and ipBlock"` },
    { peer: { podSelector: cd, ipBlock: ipv4 }, errors: [['from[0]', 'Forbidden']], message: 'may not specify both ipBlock and another peer', source: `${NP} "podSelector and ipBlock"` },
    { peer: { podSelector: INVALID_SELECTOR }, errors: [['from[0].podSelector.matchLabels', 'Invalid']], message: 'name part must consist of', source: `${NP} "invalid ingress.from.podSelector"` },
    { peer: { namespaceSelector: INVALID_SELECTOR }, errors: [['from[0].namespaceSelector.matchLabels', 'Invalid']], message: 'name part must consist of', source: `${NP} "invalid ingress.from.namespaceSelector"` },
    { peer: { podSelector: INVALID_SELECTOR, ipBlock: { cidr: '' } }, errors: [['from[0].podSelector.matchLabels', 'Invalid'], ['from[0].ipBlock.cidr', 'Required'], ['from[0]', 'Forbidden']], message: 'name part', source: `${PEER} (selectors, ipBlock, then the count rule)` },
  ] as { peer: NetworkPolicyPeerInput; errors: string[][]; message: string; source: string }[])('invalid: $errors ($source)', ({ peer, errors, message }) => {
    const errs = validateNetworkPolicyPeer(peer, ['from', 0]);
    expect(brief(errs)).toEqual(errors);
    expect(errs[0]!.message).toContain(message);
  });
});

describe('ValidateNetworkPolicySpec (Kubernetes 1.32)', () => {
  it.each([
    { spec: { podSelector: { matchLabels: { a: 'b' } }, ingress: [{}] }, source: `${NP} setIngressEmptyFirstElement` },
    { spec: { podSelector: { matchLabels: { a: 'b' } }, ingress: [] }, source: `${NP} (empty ingress list)` },
    { spec: { ingress: [{ from: [], ports: [] }] }, source: `${NP} (old form: empty from and ports)` },
    { spec: {}, source: `${SPEC} (absent podSelector reads as {})` },
    { spec: { egress: [{ to: [{ ipBlock: ipv4 }] }], policyTypes: ['Egress'] }, source: `${NP} setPolicyTypesEgress` },
    { spec: { egress: [{ to: [{ ipBlock: ipv4 }] }], policyTypes: ['Ingress', 'Egress'] }, source: `${NP} setPolicyTypesIngressEgress` },
    { spec: { policyTypes: ['Ingress', 'Ingress'] }, source: `${SPEC} (duplicates are not refused in 1.32)` },
    { spec: { policyTypes: ['Egress', 'Egress'] }, source: `${SPEC} (duplicates are not refused in 1.32)` },
    { spec: { policyTypes: [] }, source: SPEC },
    { spec: { egress: [{ to: [{ namespaceSelector: cd }], ports: [{ port: 30000, endPort: 32768 }, { port: 32000, endPort: 32768 }] }], ingress: [{ from: [{ podSelector: { matchLabels: { e: 'f' } } }], ports: [{ protocol: 'TCP', port: 32768, endPort: 32768 }] }] }, source: `${NP} (last success case)` },
  ] as { spec: NetworkPolicySpecInput; source: string }[])('valid: $source', ({ spec }) => {
    expect(validateNetworkPolicySpec(spec)).toEqual([]);
  });

  it.each([
    { spec: { podSelector: INVALID_SELECTOR }, errors: [['spec.podSelector.matchLabels', 'Invalid']], source: `${NP} "invalid spec.podSelector"` },
    { spec: { egress: [{ to: [{ podSelector: INVALID_SELECTOR }] }] }, errors: [['spec.egress[0].to[0].podSelector.matchLabels', 'Invalid']], source: `${NP} "invalid egress.to.podSelector"` },
    { spec: { egress: [{ ports: [{ protocol: 'ICMP', port: 80 }] }] }, errors: [['spec.egress[0].ports[0].protocol', 'NotSupported']], source: `${NP} "invalid egress.ports.protocol"` },
    { spec: { egress: [{ ports: [{ protocol: 'TCP', port: 123456789 }] }] }, errors: [['spec.egress[0].ports[0].port', 'Invalid']], source: `${NP} "invalid egress.ports.port (int)"` },
    { spec: { egress: [{ to: [{ namespaceSelector: cd }], ports: [{ protocol: 'UDP', port: 35000, endPort: 32768 }, { port: 32000, endPort: 32768 }] }] }, errors: [['spec.egress[0].ports[0].endPort', 'Invalid']], source: `${NP} "multiple ports defined, one port range is invalid"` },
    { spec: { egress: [{ to: [{ namespaceSelector: cd }], ports: [{ protocol: 'UDP', port: 35000, endPort: 32768 }, { protocol: 'TCP', endPort: 32768 }, { protocol: 'TCP', port: 'https', endPort: 32768 }] }] }, errors: [['spec.egress[0].ports[0].endPort', 'Invalid'], ['spec.egress[0].ports[1].endPort', 'Invalid'], ['spec.egress[0].ports[2].endPort', 'Invalid']], source: `${NP} "multiple invalid port ranges defined"` },
    { spec: { ingress: [{ from: [{}] }], egress: [{ to: [{}] }] }, errors: [['spec.ingress[0].from[0]', 'Required'], ['spec.egress[0].to[0]', 'Required']], source: `${NP} "missing from and to type"` },
    { spec: { egress: [{ to: [{ ipBlock: ipv4 }] }], policyTypes: ['foo', 'bar'] }, errors: [['spec.policyTypes[0]', 'NotSupported'], ['spec.policyTypes[1]', 'NotSupported']], source: `${NP} "invalid policyTypes"` },
    { spec: { egress: [{ to: [{ ipBlock: ipv4 }] }], policyTypes: ['foo', 'bar', 'baz'] }, errors: [['spec.policyTypes', 'Invalid']], source: `${NP} "too many policyTypes" (one error; entries not checked)` },
    { spec: { policyTypes: ['Ingress', 'Egress', 'Ingress'] }, errors: [['spec.policyTypes', 'Invalid']], source: `${SPEC} (three valid names are still too many)` },
    { spec: { policyTypes: ['ingress'] }, errors: [['spec.policyTypes[0]', 'NotSupported']], source: `${SPEC} (case-sensitive)` },
    { spec: { policyTypes: [''] }, errors: [['spec.policyTypes[0]', 'NotSupported']], source: SPEC },
    { spec: { policyTypes: ['x'], egress: [{ to: [{}] }], ingress: [{ ports: [{ port: 0 }] }], podSelector: { matchExpressions: [{ key: 'k', operator: 'Exists', values: ['v'] }] } }, errors: [['spec.podSelector.matchExpressions[0].values', 'Forbidden'], ['spec.ingress[0].ports[0].port', 'Invalid'], ['spec.egress[0].to[0]', 'Required'], ['spec.policyTypes[0]', 'NotSupported']], source: `${SPEC} (order: podSelector, ingress, egress, policyTypes)` },
  ] as { spec: NetworkPolicySpecInput; errors: string[][]; source: string }[])('invalid: $errors ($source)', ({ spec, errors }) => {
    expect(brief(validateNetworkPolicySpec(spec))).toEqual(errors);
  });

  it('policyTypes messages say what the API server says', () => {
    const [tooMany] = validateNetworkPolicySpec({ policyTypes: ['a', 'b', 'c'] });
    expect(tooMany!.message).toBe('may not specify more than two policyTypes');
    const [bad] = validateNetworkPolicySpec({ policyTypes: ['Both'] });
    expect(formatFieldError(bad!)).toBe('spec.policyTypes[0]: Unsupported value: "Both": supported values: "Ingress", "Egress"');
  });

  it('allowInvalidLabelValueInSelector (update of an already-invalid policy) skips expression values only', () => {
    const spec = { podSelector: { matchExpressions: [{ key: 'k', operator: 'In', values: ['-bad'] }] } };
    expect(validateNetworkPolicySpec(spec, ['spec'], { allowInvalidLabelValueInSelector: true })).toEqual([]);
    expect(brief(validateNetworkPolicySpec(spec))).toEqual([['spec.podSelector.matchExpressions[0].values[0]', 'Invalid']]);
  });
});

describe('ValidateNetworkPolicy (Kubernetes 1.32)', () => {
  const np = (metadata: NetworkPolicyInput['metadata'], spec: NetworkPolicySpecInput = { podSelector: { matchLabels: { a: 'b' } } }) => ({ metadata, spec });
  it.each([
    { policy: np({ name: 'foo', namespace: 'bar' }), errors: [], source: `${NP} makeValidNetworkPolicy` },
    { policy: np({ name: 'allow.dns-v1', namespace: 'bar' }), errors: [], source: 'networking validation.go ValidateNetworkPolicyName = NameIsDNSSubdomain (dots allowed)' },
    { policy: np({ name: 'Foo', namespace: 'bar' }), errors: [['metadata.name', 'Invalid']], source: 'networking validation.go ValidateNetworkPolicyName' },
    { policy: np({ name: 'a'.repeat(254), namespace: 'bar' }), errors: [['metadata.name', 'Invalid']], source: 'NameIsDNSSubdomain (254 > 253)' },
    { policy: np({ name: 'foo' }), errors: [['metadata.namespace', 'Required']], source: 'ValidateObjectMeta(requiresNamespace=true)' },
    { policy: np({ name: 'foo', namespace: 'Bar' }, { policyTypes: ['x'] }), errors: [['metadata.namespace', 'Invalid'], ['spec.policyTypes[0]', 'NotSupported']], source: 'networking validation.go ValidateNetworkPolicy: metadata, then spec' },
  ] as { policy: NetworkPolicyInput; errors: string[][]; source: string }[])('$errors ($source)', ({ policy, errors }) => {
    expect(brief(validateNetworkPolicy(policy))).toEqual(errors);
  });
});
