import { isDns1123Label, isDns1123Subdomain } from './dns-name.js';
import { isValidLabelValue } from './labels.js';
import type { LabelSelectorInput } from './label-selector.js';
import type { NetworkPolicyInput, NetworkPolicyPeerInput, NetworkPolicyPortInput } from './network-policy-types.js';
import { isValidPortName } from './ports.js';
import { isQualifiedName } from './qualified-name.js';

/**
 * A quick look that says "valid" only for NetworkPolicies `validateNetworkPolicy` would find no
 * error in: the plain shapes nearly every policy has, checked without building field paths or
 * messages. Anything else (an ipBlock, finalizers, generateName, a generation, …) answers false
 * and the full transcription decides. Why: the full validation builds a path and an error list
 * per field, which a cold process (one `can`, one `lint`) pays for at ~35 µs a policy before
 * V8 warms up; a property test holds this to "true ⇒ no error" (test/load/validation).
 */
export function quickValidNetworkPolicy(np: NetworkPolicyInput): boolean {
  const m = np.metadata;
  for (const k in m) if (k !== 'name' && k !== 'namespace' && k !== 'labels' && k !== 'annotations') return false;
  if (!m.name || isDns1123Subdomain(m.name).length > 0) return false;
  if (!m.namespace || isDns1123Label(m.namespace).length > 0) return false;
  if (m.labels && !validLabels(m.labels)) return false;
  if (m.annotations) {
    let size = 0;
    for (const k in m.annotations) {
      if (isQualifiedName(k.toLowerCase()).length > 0) return false;
      size += k.length + m.annotations[k]!.length;
    }
    if (size >= 64 * 1024) return false; // the limit is 256 KiB in UTF-8 bytes: leave anything near it to the full check
  }
  const s = np.spec;
  if (s.podSelector && !validSelector(s.podSelector)) return false;
  if (s.policyTypes) {
    if (s.policyTypes.length > 2) return false;
    for (const t of s.policyTypes) if (t !== 'Ingress' && t !== 'Egress') return false;
  }
  for (const rule of s.ingress ?? []) if (!validPorts(rule.ports) || !validPeers(rule.from)) return false;
  for (const rule of s.egress ?? []) if (!validPorts(rule.ports) || !validPeers(rule.to)) return false;
  return true;
}

function validLabels(labels: Record<string, string>): boolean {
  for (const k in labels) if (isQualifiedName(k).length > 0 || isValidLabelValue(labels[k]!).length > 0) return false;
  return true;
}

function validSelector(sel: LabelSelectorInput): boolean {
  if (sel.matchLabels && !validLabels(sel.matchLabels)) return false;
  for (const e of sel.matchExpressions ?? []) {
    const values = e.values ?? [];
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (values.length === 0) return false;
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (values.length > 0) return false;
    } else return false;
    if (isQualifiedName(e.key).length > 0) return false;
    for (const v of values) if (isValidLabelValue(v).length > 0) return false;
  }
  return true;
}

function validPorts(ports: readonly NetworkPolicyPortInput[] | undefined): boolean {
  for (const p of ports ?? []) {
    if (p.protocol !== undefined && p.protocol !== 'TCP' && p.protocol !== 'UDP' && p.protocol !== 'SCTP') return false;
    if (typeof p.port === 'number') {
      if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) return false;
      if (p.endPort !== undefined && (!Number.isInteger(p.endPort) || p.endPort < p.port || p.endPort > 65535)) return false;
    } else if (typeof p.port === 'string') {
      if (p.endPort !== undefined || isValidPortName(p.port).length > 0) return false;
    } else if (p.endPort !== undefined) return false;
  }
  return true;
}

function validPeers(peers: readonly NetworkPolicyPeerInput[] | undefined): boolean {
  for (const peer of peers ?? []) {
    if (peer.ipBlock) return false; // CIDRs: the full check
    if (!peer.podSelector && !peer.namespaceSelector) return false;
    if (peer.podSelector && !validSelector(peer.podSelector)) return false;
    if (peer.namespaceSelector && !validSelector(peer.namespaceSelector)) return false;
  }
  return true;
}
