import type { Cidr, Direction, NetworkPolicy, Peer, PortSpec, Protocol, Rule } from '../../model/policy.js';
import { PROTOCOLS } from '../../model/policy.js';
import { parseCidr } from '../../net/cidr.js';
import { EVERYTHING } from '../../select/label-selector.js';
import type { Path } from '../locate.js';
import { describe, type ObjectReader } from '../object-reader.js';
import { fieldPath } from '../../model/source.js';
import { validateNetworkPolicyShape } from '../validate.js';
import { onlyKnownFields } from '../schemas/known-fields.js';
import { formatFieldError, prepareForCreate, quickValidNetworkPolicy, validateNetworkPolicy, type FieldError, type NetworkPolicyInput } from '../validation/index.js';
import { typedNetworkPolicy } from './network-policy-typed.js';

function withCreateDefaults(np: NetworkPolicyInput, namespace: string): NetworkPolicyInput {
  return { ...np, metadata: prepareForCreate(np.metadata, true, namespace) };
}

/**
 * The API server's own validation (validation/, Kubernetes 1.32), after the readers' checks:
 * what it refuses is an error and the object is left out. With names 'warn', refused names are
 * warnings (see ObjectReader).
 */
export function reportApiValidation(r: ObjectReader, errors: readonly FieldError[]): void {
  for (const e of errors) {
    const isName = e.path[0] === 'metadata' && (e.path[1] === 'name' || e.path[1] === 'namespace' || e.path[1] === 'generateName');
    r.report(isName && r.names === 'warn' ? 'warning' : 'error', e.path, 'refused-by-api-server', `the API server refuses this: ${formatFieldError(e)}`);
  }
}

export const V1 = 'networking.k8s.io/v1';

/** The raw value at path, null kept (ObjectReader.get reads null as absent). */
function getRaw(r: ObjectReader, path: Path): unknown {
  let v: unknown = r.raw.value;
  for (const seg of path) v = v === null || typeof v !== 'object' ? undefined : (v as Record<string | number, unknown>)[seg];
  return v;
}

/** IANA_SVC_NAME: at most 15 lower-case letters, digits and single hyphens, with a letter. */
export function isPortName(s: string): boolean {
  return /^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/.test(s) && /[a-z]/.test(s) && !s.includes('--');
}

export function readCidr(r: ObjectReader, path: Path): Cidr | undefined {
  const text = r.get(path);
  if (typeof text !== 'string') {
    r.report('error', path, 'invalid-cidr', text === undefined ? 'ipBlock needs a cidr' : `expected a CIDR string, got ${describe(text)}`);
    return undefined;
  }
  const parsed = parseCidr(text);
  if (!parsed.ok) {
    r.report('error', path, 'invalid-cidr', `invalid CIDR: ${parsed.reason}`);
    return undefined;
  }
  if (parsed.hostBitsSet) {
    r.report('warning', path, 'cidr-host-bits', `CIDR "${text}" has host bits set; read as ${parsed.cidr.text}`);
  }
  return parsed.cidr;
}

function readPeer(r: ObjectReader, path: Path): Peer | undefined {
  if (getRaw(r, path) === null) {
    r.report('error', path, 'invalid-peer', 'an empty (null) peer: the API server requires a podSelector, a namespaceSelector or an ipBlock');
    return undefined;
  }
  const item = r.object(path);
  if (!item) return undefined;
  for (const key of Object.keys(item)) {
    if (!['podSelector', 'namespaceSelector', 'ipBlock'].includes(key)) {
      r.report('error', [...path, key], 'unknown-field', `unknown peer field "${key}" (expected podSelector, namespaceSelector or ipBlock)`);
    }
  }
  const hasPod = item.podSelector !== undefined && item.podSelector !== null;
  const hasNs = item.namespaceSelector !== undefined && item.namespaceSelector !== null;
  const hasIp = item.ipBlock !== undefined && item.ipBlock !== null;
  if (hasIp) {
    if (hasPod || hasNs) {
      r.report('error', path, 'invalid-peer', 'a peer may not combine ipBlock with podSelector or namespaceSelector');
      return undefined;
    }
    const cidr = readCidr(r, [...path, 'ipBlock', 'cidr']);
    const except: Cidr[] = [];
    (r.list([...path, 'ipBlock', 'except']) ?? []).forEach((_, i) => {
      const ePath = [...path, 'ipBlock', 'except', i];
      const e = readCidr(r, ePath);
      if (!e || !cidr) return;
      if (e.family !== cidr.family || e.lo < cidr.lo || e.hi > cidr.hi || (e.lo === cidr.lo && e.hi === cidr.hi)) {
        r.report('error', ePath, 'except-outside-cidr', `except ${e.text} must be a strict subset of cidr ${cidr.text}`);
        return;
      }
      except.push(e);
    });
    return cidr ? { kind: 'ipBlock', cidr, except, source: r.at(path) } : undefined;
  }
  if (!hasPod && !hasNs) {
    r.report('error', path, 'invalid-peer', 'a peer must have a podSelector, a namespaceSelector or an ipBlock');
    return undefined;
  }
  const podSelector = r.selector([...path, 'podSelector']);
  const namespaceSelector = r.selector([...path, 'namespaceSelector']);
  return {
    kind: 'pods',
    ...(podSelector ? { podSelector } : {}),
    ...(namespaceSelector ? { namespaceSelector } : {}),
    source: r.at(path),
  };
}

export interface PolicyReadOptions {
  /** Kubernetes 1.5/1.6 accepted `protocol: tcp` (the documentation's own example). */
  lowerCaseProtocols?: boolean;
}

function readPort(r: ObjectReader, path: Path, options: PolicyReadOptions): PortSpec | undefined {
  // A null entry decodes as the zero NetworkPolicyPort: every port of TCP.
  if (getRaw(r, path) === null) return { kind: 'all', protocol: 'TCP', source: r.at(path) };
  const item = r.object(path);
  if (!item) return undefined;
  const source = r.at(path);
  const written = item.protocol ?? 'TCP';
  const protocolText = options.lowerCaseProtocols && typeof written === 'string' ? written.toUpperCase() : written;
  if (typeof protocolText !== 'string' || !PROTOCOLS.includes(protocolText as Protocol)) {
    const hint = typeof protocolText === 'string' && PROTOCOLS.includes(protocolText.toUpperCase() as Protocol) ? ` (write ${protocolText.toUpperCase()}: protocol names are case-sensitive)` : '';
    const shown = typeof protocolText === 'string' ? `"${protocolText}"` : describe(protocolText);
    r.report('error', [...path, 'protocol'], 'invalid-protocol', `protocol ${shown} is not TCP, UDP or SCTP${hint}`);
    return undefined;
  }
  const protocol = protocolText as Protocol;
  const port = item.port;
  const endPort = item.endPort;
  if (port === undefined || port === null) {
    if (endPort !== undefined && endPort !== null) {
      r.report('error', [...path, 'endPort'], 'invalid-port-range', 'endPort can only be set together with port');
      return undefined;
    }
    return { kind: 'all', protocol, source };
  }
  if (typeof port === 'string') {
    if (!isPortName(port)) {
      r.report('error', [...path, 'port'], 'invalid-port', `port "${port}" is neither a number nor a valid port name (IANA_SVC_NAME: up to 15 lower-case letters, digits and '-', with a letter)`);
      return undefined;
    }
    if (endPort !== undefined && endPort !== null) {
      r.report('error', [...path, 'endPort'], 'invalid-port-range', 'endPort cannot be used with a named port');
      return undefined;
    }
    return { kind: 'named', protocol, name: port, source };
  }
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    r.report('error', [...path, 'port'], 'invalid-port', `port must be a number from 1 to 65535 or a port name, got ${describe(port)}`);
    return undefined;
  }
  if (endPort === undefined || endPort === null) return { kind: 'range', protocol, from: port, to: port, source };
  if (typeof endPort !== 'number' || !Number.isInteger(endPort) || endPort < 1 || endPort > 65535) {
    r.report('error', [...path, 'endPort'], 'invalid-port-range', `endPort must be a number from 1 to 65535, got ${describe(endPort)}`);
    return undefined;
  }
  if (endPort < port) {
    r.report('error', [...path, 'endPort'], 'invalid-port-range', `endPort ${endPort} is less than port ${port}`);
    return undefined;
  }
  return { kind: 'range', protocol, from: port, to: endPort, source };
}

function readRules(r: ObjectReader, direction: Direction, options: PolicyReadOptions): Rule[] {
  const peerField = direction === 'ingress' ? 'from' : 'to';
  const rules: Rule[] = [];
  (r.list(['spec', direction]) ?? []).forEach((raw, index) => {
    const path = ['spec', direction, index];
    const item: unknown = raw ?? {}; // `- ` with nothing: an empty rule
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      r.report('error', path, 'wrong-type', `expected a rule mapping, got ${describe(item)}`);
      return;
    }
    for (const key of Object.keys(item)) {
      if (key !== peerField && key !== 'ports') {
        r.report('error', [...path, key], 'unknown-field', `unknown ${direction} rule field "${key}" (expected ${peerField} or ports)`);
      }
    }
    const peerList = r.list([...path, peerField]) ?? [];
    const portList = r.list([...path, 'ports']) ?? [];
    const peers = peerList.map((_, i) => readPeer(r, [...path, peerField, i])).filter((p): p is Peer => p !== undefined);
    const ports = portList.map((_, i) => readPort(r, [...path, 'ports', i], options)).filter((p): p is PortSpec => p !== undefined);
    rules.push({
      direction,
      index,
      peers: peerList.length === 0 ? 'any' : peers,
      ports: portList.length === 0 ? 'any' : ports,
      source: r.at(path),
    });
  });
  return rules;
}

/** The schema's findings on fields the readers did not already report on (theirs say it better). */
function reportShapeProblems(r: ObjectReader, shape: ReturnType<typeof validateNetworkPolicyShape>): void {
  if (shape.length === 0) return;
  const reported = new Set(r.reportedFields());
  for (const p of shape) {
    const field = fieldPath(p.path);
    if (reported.has(field) || [...reported].some((f) => f.startsWith(`${field}.`) || f.startsWith(`${field}[`))) continue;
    r.report('error', p.path, p.code, p.message);
  }
}

/**
 * A networking.k8s.io/v1 (or extensions/v1beta1) NetworkPolicy, validated as the API server would. A policy with any
 * error is refused whole (the API server would not have stored it): `undefined` is returned and
 * the errors say why.
 */
export function readNetworkPolicy(r: ObjectReader, options: PolicyReadOptions = {}): NetworkPolicy | undefined {
  const errorsBefore = r.errors;
  // A plain policy (the quick look of the API server's rules, and only fields the schema knows)
  // needs neither the schema nor the full validation (network-policy-quick.ts, known-fields.ts).
  const plain = !options.lowerCaseProtocols && quickValidNetworkPolicy(r.raw.value, r.namespace);
  // The schema catches what the readers below do not look at (misspelt fields above all);
  // the readers give the better message where both would speak.
  const shape = plain && onlyKnownFields(r.raw.value) ? [] : validateNetworkPolicyShape(r.raw.value);
  if (!r.name) r.reportMissingName('');
  else r.checkName();
  r.object(['spec']);
  const podSelector = r.selector(['spec', 'podSelector']) ?? EVERYTHING;
  const typesList = r.list(['spec', 'policyTypes']);
  const ingress = readRules(r, 'ingress', options);
  const egress = readRules(r, 'egress', options);
  let affects = { ingress: true, egress: r.has(['spec', 'egress']) && egress.length > 0 };
  if (typesList !== undefined && typesList.length > 0) {
    affects = { ingress: false, egress: false };
    typesList.forEach((t, i) => {
      if (t === 'Ingress') affects.ingress = true;
      else if (t === 'Egress') affects.egress = true;
      else r.report('error', ['spec', 'policyTypes', i], 'invalid-policy-type', `policyTypes entry ${describe(t)} is not Ingress or Egress`);
    });
  }
  reportShapeProblems(r, shape);
  // Kubernetes 1.32 validation; the legacy (1.5/1.6) API servers took what they took.
  if (!options.lowerCaseProtocols && r.errors === errorsBefore) {
    if (!plain) {
      reportApiValidation(r, validateNetworkPolicy(withCreateDefaults(typedNetworkPolicy(r.raw.value), r.namespace)));
    }
  }
  if (r.errors > errorsBefore) {
    r.report('error', [], 'policy-not-applied', `${r.objectName} has errors and is left out of the analysis (the API server would reject it)`);
    return undefined;
  }
  const labels = r.stringMap(['metadata', 'labels']);
  return {
    name: r.name,
    namespace: r.namespace,
    apiVersion: r.raw.apiVersion,
    annotations: r.stringMap(['metadata', 'annotations']),
    ...(Object.keys(labels).length ? { labels } : {}),
    podSelector,
    affects,
    policyTypesGiven: typesList !== undefined && typesList.length > 0,
    ingress,
    egress,
    source: r.at([]),
  };
}
