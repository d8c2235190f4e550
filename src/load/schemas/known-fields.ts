import { isRecord } from '../object-reader.js';

/**
 * Whether a NetworkPolicy holds only the fields NETWORK_POLICY_V1_SCHEMA (network-policy-v1.ts)
 * knows, with the types it asks for in metadata and at the top. Meant to run after
 * quickValidNetworkPolicy said yes (which checks the spec's values and types): both true, the
 * schema finds nothing, and the schema check (ajv's generated code, the null branches
 * everywhere) is skipped. Anything unusual answers false and the schema decides. A property
 * test holds "quick look and this ⇒ no schema problem" (test/load/validation).
 */
const TOP = new Set(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
const SPEC = new Set(['podSelector', 'policyTypes', 'ingress', 'egress']);
const SELECTOR = new Set(['matchLabels', 'matchExpressions']);
const REQUIREMENT = new Set(['key', 'operator', 'values']);
const PEER = new Set(['podSelector', 'namespaceSelector', 'ipBlock']);
const IP_BLOCK = new Set(['cidr', 'except']);
const PORT = new Set(['protocol', 'port', 'endPort']);
const STRING_META = new Set(['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'selfLink']);
const INTEGER_META = new Set(['generation', 'deletionGracePeriodSeconds']);
const ANY_META = new Set(['creationTimestamp', 'deletionTimestamp']);
const ARRAY_META = new Set(['ownerReferences', 'managedFields']);

type Obj = Record<string, unknown>;

function keysIn(o: Obj, known: ReadonlySet<string>): boolean {
  for (const k in o) if (!known.has(k)) return false;
  return true;
}

function stringMap(v: unknown): boolean {
  if (!isRecord(v)) return false;
  for (const k in v) if (typeof v[k] !== 'string') return false;
  return true;
}

function metadata(m: unknown): boolean {
  if (!isRecord(m)) return false;
  for (const k in m) {
    const v = m[k];
    if (STRING_META.has(k)) {
      if (typeof v !== 'string') return false;
    } else if (INTEGER_META.has(k)) {
      if (!Number.isInteger(v)) return false;
    } else if (ARRAY_META.has(k)) {
      if (!Array.isArray(v)) return false;
    } else if (k === 'labels' || k === 'annotations') {
      if (!stringMap(v)) return false;
    } else if (k === 'finalizers') {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return false;
    } else if (!ANY_META.has(k)) return false;
  }
  return true;
}

function selector(s: unknown): boolean {
  if (s === undefined) return true;
  if (!isRecord(s) || !keysIn(s, SELECTOR)) return false;
  const expressions = s.matchExpressions;
  if (expressions === undefined) return true;
  return Array.isArray(expressions) && expressions.every((e) => isRecord(e) && keysIn(e, REQUIREMENT));
}

function list(v: unknown, item: (x: unknown) => boolean): boolean {
  return v === undefined || (Array.isArray(v) && v.every(item));
}

const peer = (p: unknown): boolean => isRecord(p) && keysIn(p, PEER) && selector(p.podSelector) && selector(p.namespaceSelector) && (p.ipBlock === undefined || (isRecord(p.ipBlock) && keysIn(p.ipBlock, IP_BLOCK)));
const port = (p: unknown): boolean => isRecord(p) && keysIn(p, PORT);
const INGRESS_RULE = new Set(['from', 'ports']);
const EGRESS_RULE = new Set(['to', 'ports']);
const ingressRule = (r: unknown): boolean => isRecord(r) && keysIn(r, INGRESS_RULE) && list(r.from, peer) && list(r.ports, port);
const egressRule = (r: unknown): boolean => isRecord(r) && keysIn(r, EGRESS_RULE) && list(r.to, peer) && list(r.ports, port);

export function onlyKnownFields(raw: unknown): boolean {
  if (!isRecord(raw) || !keysIn(raw, TOP)) return false;
  if (typeof raw.apiVersion !== 'string' || typeof raw.kind !== 'string' || !metadata(raw.metadata)) return false;
  if (raw.status !== undefined && !isRecord(raw.status)) return false;
  const spec = raw.spec;
  if (spec === undefined) return true;
  if (!isRecord(spec) || !keysIn(spec, SPEC)) return false;
  return selector(spec.podSelector) && list(spec.ingress, ingressRule) && list(spec.egress, egressRule);
}
