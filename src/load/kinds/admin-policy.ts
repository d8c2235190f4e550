import {
  ADMIN_V1ALPHA1,
  ADMIN_V1ALPHA2,
  type AdminAction,
  type AdminKind,
  type AdminPeer,
  type AdminPolicy,
  type AdminPort,
  type AdminRule,
  type AdminSubject,
  type AdminTier,
} from '../../model/admin-policy.js';
import type { Cidr, Direction, Protocol } from '../../model/policy.js';
import { EVERYTHING } from '../../select/label-selector.js';
import type { Path } from '../locate.js';
import { describe, type ObjectReader } from '../object-reader.js';
import { isPortName, readCidr } from './network-policy.js';

/**
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1) and
 * ClusterNetworkPolicy (v1alpha2), checked as their CRD validation would: a policy with an error
 * is left out whole (the API server would not have stored it), and the errors say why.
 */
export function readAdminPolicy(r: ObjectReader): AdminPolicy | undefined {
  const kind = r.raw.kind as AdminKind;
  const errorsBefore = r.errors;
  const v2 = kind === 'ClusterNetworkPolicy';
  const expected = v2 ? ADMIN_V1ALPHA2 : ADMIN_V1ALPHA1;
  if (r.raw.apiVersion !== expected) {
    r.report('error', ['apiVersion'], 'unsupported-api-version', `${kind} apiVersion "${r.raw.apiVersion}" is not supported (expected ${expected}); left out of the analysis`);
    return undefined;
  }
  if (!r.name) r.reportMissingName('');
  r.object(['spec']);
  let tier: AdminTier = kind === 'BaselineAdminNetworkPolicy' ? 'baseline' : 'admin';
  if (v2) {
    const t = r.string(['spec', 'tier']);
    if (t === 'Admin' || t === 'Baseline') tier = t === 'Admin' ? 'admin' : 'baseline';
    else r.report('error', ['spec', 'tier'], 'invalid-tier', t === undefined ? 'spec.tier is required (Admin or Baseline)' : `tier "${t}" is not Admin or Baseline`);
  }
  if (kind === 'BaselineAdminNetworkPolicy' && r.name && r.name !== 'default') {
    r.report('error', ['metadata', 'name'], 'invalid-name', `a BaselineAdminNetworkPolicy must be named "default" (there is one per cluster), not "${r.name}"`);
  }
  let priority: number | undefined;
  if (kind !== 'BaselineAdminNetworkPolicy') {
    const p = r.get(['spec', 'priority']);
    if (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p <= 1000) priority = p;
    else r.report('error', ['spec', 'priority'], 'invalid-priority', p === undefined ? 'spec.priority is required (0–1000, lower first)' : `priority must be an integer from 0 to 1000, got ${describe(p)}`);
  }
  const subject = readSubject(r);
  const actions = kind === 'AdminNetworkPolicy' ? ['Allow', 'Deny', 'Pass'] : kind === 'BaselineAdminNetworkPolicy' ? ['Allow', 'Deny'] : ['Accept', 'Deny', 'Pass'];
  const ingress = readRules(r, 'ingress', actions, v2);
  const egress = readRules(r, 'egress', actions, v2);
  if (r.errors > errorsBefore || !subject) {
    r.report('error', [], 'policy-not-applied', `${kind} ${r.name || '<unnamed>'} has errors and is left out of the analysis (the API server would reject it)`);
    return undefined;
  }
  return {
    kind,
    apiVersion: r.raw.apiVersion,
    name: r.name,
    tier,
    ...(priority !== undefined ? { priority } : {}),
    subject,
    ingress,
    egress,
    annotations: r.stringMap(['metadata', 'annotations']),
    source: r.at([]),
  };
}

/** Exactly one of `namespaces` (a selector) or `pods` ({namespaceSelector, podSelector}). */
function readSubject(r: ObjectReader): AdminSubject | undefined {
  const path = ['spec', 'subject'];
  const subject = r.object(path);
  if (!subject) {
    r.report('error', path, 'missing-field', 'spec.subject is required (namespaces or pods)');
    return undefined;
  }
  const keys = Object.keys(subject);
  if (keys.length !== 1 || (keys[0] !== 'namespaces' && keys[0] !== 'pods')) {
    r.report('error', path, 'invalid-subject', `subject must set exactly one of namespaces or pods, got ${keys.length ? keys.join(', ') : 'nothing'}`);
    return undefined;
  }
  if (keys[0] === 'namespaces') return { namespaceSelector: r.selector([...path, 'namespaces']) ?? EVERYTHING };
  return { namespaceSelector: r.selector([...path, 'pods', 'namespaceSelector']) ?? EVERYTHING, podSelector: r.selector([...path, 'pods', 'podSelector']) ?? EVERYTHING };
}

function readRules(r: ObjectReader, direction: Direction, actions: string[], v2: boolean): AdminRule[] {
  const peerField = direction === 'ingress' ? 'from' : 'to';
  const portField = v2 ? 'protocols' : 'ports';
  const rules: AdminRule[] = [];
  (r.list(['spec', direction]) ?? []).forEach((_, index) => {
    const path = ['spec', direction, index];
    const item = r.object(path);
    if (!item) return;
    for (const key of Object.keys(item)) {
      if (!['name', 'action', peerField, portField].includes(key)) {
        r.report('error', [...path, key], 'unknown-field', `unknown ${direction} rule field "${key}" (expected name, action, ${peerField}, ${portField})`);
      }
    }
    const actionText = r.string([...path, 'action']);
    if (!actionText || !actions.includes(actionText)) {
      r.report('error', [...path, 'action'], 'invalid-action', actionText === undefined ? `action is required (${actions.join(', ')})` : `action "${actionText}" is not one of ${actions.join(', ')}`);
      return;
    }
    const action: AdminAction = actionText === 'Deny' ? 'deny' : actionText === 'Pass' ? 'pass' : 'allow';
    const peerList = r.list([...path, peerField]) ?? [];
    if (peerList.length === 0) r.report('error', [...path, peerField], 'missing-field', `${peerField} must list at least one peer`);
    const peers = peerList.map((_, i) => readPeer(r, [...path, peerField, i], direction)).filter((p): p is AdminPeer => p !== undefined);
    const portList = r.list([...path, portField]);
    const ports = portList === undefined ? 'any' : portList.flatMap((_, i) => (v2 ? readProtocol(r, [...path, portField, i]) : readPort(r, [...path, portField, i])) ?? []);
    const name = r.string([...path, 'name']);
    rules.push({ direction, index, ...(name ? { name } : {}), action, actionText, peers, ports, source: r.at(path) });
  });
  return rules;
}

function readPeer(r: ObjectReader, path: Path, direction: Direction): AdminPeer | undefined {
  const item = r.object(path);
  if (!item) return undefined;
  const allowed = direction === 'ingress' ? ['namespaces', 'pods'] : ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'];
  const keys = Object.keys(item);
  if (keys.length !== 1 || !allowed.includes(keys[0]!)) {
    r.report('error', path, 'invalid-peer', `a ${direction} peer sets exactly one of ${allowed.join(', ')}; got ${keys.length ? keys.join(', ') : 'nothing'}`);
    return undefined;
  }
  const source = r.at(path);
  switch (keys[0]) {
    case 'namespaces':
      return { kind: 'namespaces', namespaceSelector: r.selector([...path, 'namespaces']) ?? EVERYTHING, source };
    case 'pods':
      return { kind: 'pods', namespaceSelector: r.selector([...path, 'pods', 'namespaceSelector']) ?? EVERYTHING, podSelector: r.selector([...path, 'pods', 'podSelector']) ?? EVERYTHING, source };
    case 'nodes':
      r.report('warning', [...path, 'nodes'], 'nodes-peer-unsupported', 'nodes are not in a manifest snapshot: this peer matches nothing here (traffic to node IPs is not analysed)');
      return { kind: 'nodes', selector: r.selector([...path, 'nodes']) ?? EVERYTHING, source };
    case 'domainNames':
      r.report('warning', [...path, 'domainNames'], 'domain-names-unsupported', 'domainNames need DNS at run time: this peer matches nothing here');
      return { kind: 'networks', cidrs: [], source };
    default: {
      const cidrs: Cidr[] = [];
      (r.list([...path, 'networks']) ?? []).forEach((_, i) => {
        const c = readCidr(r, [...path, 'networks', i]);
        if (c) cidrs.push(c);
      });
      return { kind: 'networks', cidrs, source };
    }
  }
}

const PROTOCOL_NAMES: Record<string, Protocol> = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' };

function readProtocolName(r: ObjectReader, path: Path): Protocol | undefined {
  const p = r.get(path) ?? 'TCP';
  if (p === 'TCP' || p === 'UDP' || p === 'SCTP') return p;
  r.report('error', path, 'invalid-protocol', `protocol ${describe(p)} is not TCP, UDP or SCTP`);
  return undefined;
}

function portNumber(r: ObjectReader, path: Path): number | undefined {
  const n = r.get(path);
  if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535) return n;
  r.report('error', path, 'invalid-port', `port must be a number from 1 to 65535, got ${describe(n)}`);
  return undefined;
}

function namedPort(r: ObjectReader, path: Path, source: AdminPort['source']): AdminPort | undefined {
  const name = r.get(path);
  if (typeof name === 'string' && isPortName(name)) return { kind: 'named', name, source };
  r.report('error', path, 'invalid-port', `${describe(name)} is not a valid port name`);
  return undefined;
}

function range(r: ObjectReader, path: Path, protocol: Protocol, source: AdminPort['source']): AdminPort | undefined {
  const from = portNumber(r, [...path, 'start']);
  const to = portNumber(r, [...path, 'end']);
  if (from === undefined || to === undefined) return undefined;
  if (to < from) {
    r.report('error', [...path, 'end'], 'invalid-port-range', `end ${to} is less than start ${from}`);
    return undefined;
  }
  return { kind: 'range', protocol, from, to, source };
}

/** v1alpha1 `ports` item: exactly one of portNumber {protocol, port}, namedPort, portRange {protocol, start, end}. */
function readPort(r: ObjectReader, path: Path): AdminPort | undefined {
  const item = r.object(path);
  if (!item) return undefined;
  const source = r.at(path);
  const keys = Object.keys(item);
  if (keys.length !== 1 || !['portNumber', 'namedPort', 'portRange'].includes(keys[0]!)) {
    r.report('error', path, 'invalid-port', `a ports item sets exactly one of portNumber, namedPort, portRange; got ${keys.join(', ') || 'nothing'}`);
    return undefined;
  }
  if (keys[0] === 'namedPort') return namedPort(r, [...path, 'namedPort'], source);
  const key = keys[0]!;
  const protocol = readProtocolName(r, [...path, key, 'protocol']);
  if (!protocol) return undefined;
  if (key === 'portRange') return range(r, [...path, 'portRange'], protocol, source);
  const port = portNumber(r, [...path, 'portNumber', 'port']);
  return port === undefined ? undefined : { kind: 'range', protocol, from: port, to: port, source };
}

/** v1alpha2 `protocols` item: exactly one of tcp|udp|sctp {destinationPort: {number} | {range}} or destinationNamedPort. */
function readProtocol(r: ObjectReader, path: Path): AdminPort | undefined {
  const item = r.object(path);
  if (!item) return undefined;
  const source = r.at(path);
  const keys = Object.keys(item);
  if (keys.length !== 1 || !['tcp', 'udp', 'sctp', 'destinationNamedPort'].includes(keys[0]!)) {
    r.report('error', path, 'invalid-port', `a protocols item sets exactly one of tcp, udp, sctp, destinationNamedPort; got ${keys.join(', ') || 'nothing'}`);
    return undefined;
  }
  if (keys[0] === 'destinationNamedPort') return namedPort(r, [...path, 'destinationNamedPort'], source);
  const protocol = PROTOCOL_NAMES[keys[0]!]!;
  const dp = r.object([...path, keys[0]!, 'destinationPort']);
  if (!dp) return { kind: 'all', protocol, source };
  const at = [...path, keys[0]!, 'destinationPort'];
  if ('range' in dp) return range(r, [...at, 'range'], protocol, source);
  const port = portNumber(r, [...at, 'number']);
  return port === undefined ? undefined : { kind: 'range', protocol, from: port, to: port, source };
}
