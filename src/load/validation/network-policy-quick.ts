import { isRecord } from '../object-reader.js';
import { isDns1123Label, isDns1123Subdomain } from './dns-name.js';
import { plainIPv4BlockValid } from './ip-block-quick.js';
import { isValidLabelValue } from './labels.js';
import { isValidPortName } from './ports.js';
import { isQualifiedName } from './qualified-name.js';

/**
 * A quick look that says "valid" only for NetworkPolicies `validateNetworkPolicy` would find no
 * error in: the plain shapes nearly every policy has, checked on the decoded manifest itself
 * (before any typed view is built) without building field paths or messages. Anything else —
 * a null anywhere, an IPv6 or unusually written ipBlock, finalizers, generateName, a value of
 * an unexpected type — answers false, and the typed view and the full transcription decide.
 * Why: the typed view and the full validation build objects, paths and error lists per field,
 * which a cold process (one `can`, one `lint`) pays for at tens of µs a policy before V8 warms
 * up. A property test holds this to "true ⇒ no error" (test/load/validation).
 *
 * `namespace` is the namespace the object is created in (its own, else the request's: what
 * prepareForCreate gives the validation).
 */
export function quickValidNetworkPolicy(raw: unknown, namespace: string): boolean {
  if (!isRecord(raw)) return false;
  const m = raw.metadata;
  if (!isRecord(m)) return false;
  // The typed view keeps only these metadata fields; the others (uid, resourceVersion, …) are
  // not validated. generateName and finalizers: the full check.
  if ('generateName' in m || 'finalizers' in m) return false;
  if (typeof m.name !== 'string' || m.name === '' || isDns1123Subdomain(m.name).length > 0) return false;
  if (m.namespace !== undefined && typeof m.namespace !== 'string') return false;
  if (isDns1123Label(namespace).length > 0) return false;
  if (m.labels !== undefined && !validLabels(m.labels)) return false;
  if (m.annotations !== undefined && !validAnnotations(m.annotations)) return false;
  const s = raw.spec;
  if (s === undefined) return true;
  if (!isRecord(s)) return false;
  if (s.podSelector !== undefined && !validSelector(s.podSelector)) return false;
  if (s.policyTypes !== undefined) {
    if (!Array.isArray(s.policyTypes) || s.policyTypes.length > 2) return false;
    for (const t of s.policyTypes) if (t !== 'Ingress' && t !== 'Egress') return false;
  }
  return validRules(s.ingress, 'from') && validRules(s.egress, 'to');
}

function validLabels(labels: unknown): boolean {
  if (!isRecord(labels)) return false;
  for (const k in labels) {
    const v = labels[k];
    if (typeof v !== 'string' || isQualifiedName(k).length > 0 || isValidLabelValue(v).length > 0) return false;
  }
  return true;
}

function validAnnotations(annotations: unknown): boolean {
  if (!isRecord(annotations)) return false;
  let size = 0;
  for (const k in annotations) {
    const v = annotations[k];
    if (typeof v !== 'string' || isQualifiedName(k.toLowerCase()).length > 0) return false;
    size += k.length + v.length;
  }
  return size < 64 * 1024; // the limit is 256 KiB in UTF-8 bytes: leave anything near it to the full check
}

function validSelector(sel: unknown): boolean {
  if (!isRecord(sel)) return false;
  if (sel.matchLabels !== undefined && !validLabels(sel.matchLabels)) return false;
  const expressions = sel.matchExpressions;
  if (expressions === undefined) return true;
  if (!Array.isArray(expressions)) return false;
  for (const e of expressions) {
    if (!isRecord(e) || typeof e.key !== 'string') return false;
    const values = e.values === undefined ? [] : e.values;
    if (!Array.isArray(values)) return false;
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (values.length === 0) return false;
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (values.length > 0) return false;
    } else return false;
    if (isQualifiedName(e.key).length > 0) return false;
    for (const v of values) if (typeof v !== 'string' || isValidLabelValue(v).length > 0) return false;
  }
  return true;
}

function validRules(rules: unknown, peersField: 'from' | 'to'): boolean {
  if (rules === undefined) return true;
  if (!Array.isArray(rules)) return false;
  for (const rule of rules) {
    if (!isRecord(rule) || !validPorts(rule.ports) || !validPeers(rule[peersField])) return false;
  }
  return true;
}

function validPorts(ports: unknown): boolean {
  if (ports === undefined) return true;
  if (!Array.isArray(ports)) return false;
  for (const p of ports) {
    if (!isRecord(p)) return false;
    if (p.protocol !== undefined && p.protocol !== 'TCP' && p.protocol !== 'UDP' && p.protocol !== 'SCTP') return false;
    const { port, endPort } = p;
    if (endPort !== undefined && typeof endPort !== 'number') return false;
    if (typeof port === 'number') {
      if (!Number.isInteger(port) || port < 1 || port > 65535) return false;
      if (endPort !== undefined && (!Number.isInteger(endPort) || endPort < port || endPort > 65535)) return false;
    } else if (typeof port === 'string') {
      if (endPort !== undefined || isValidPortName(port).length > 0) return false;
    } else if (port !== undefined || endPort !== undefined) return false;
  }
  return true;
}

function validPeers(peers: unknown): boolean {
  if (peers === undefined) return true;
  if (!Array.isArray(peers)) return false;
  for (const peer of peers) {
    if (!isRecord(peer)) return false;
    const { podSelector, namespaceSelector, ipBlock } = peer;
    if (ipBlock !== undefined) {
      if (podSelector !== undefined || namespaceSelector !== undefined || !isRecord(ipBlock)) return false;
      const { cidr, except } = ipBlock;
      if (typeof cidr !== 'string') return false;
      if (except !== undefined && !(Array.isArray(except) && except.every((e) => typeof e === 'string'))) return false;
      if (!plainIPv4BlockValid(cidr, except as string[] | undefined)) return false;
      continue;
    }
    if (podSelector === undefined && namespaceSelector === undefined) return false;
    if (podSelector !== undefined && !validSelector(podSelector)) return false;
    if (namespaceSelector !== undefined && !validSelector(namespaceSelector)) return false;
  }
  return true;
}
