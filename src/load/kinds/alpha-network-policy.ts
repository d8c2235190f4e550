import type { Peer, PortSpec, Protocol, Rule } from '../../model/policy.js';
import { PROTOCOLS, type NetworkPolicy } from '../../model/policy.js';
import { API_ALPHA } from '../../model/semantics.js';
import type { Path } from '../locate.js';
import { describe, type ObjectReader } from '../object-reader.js';
import { isPortName } from './network-policy.js';

/**
 * A `net.alpha.kubernetes.io/v1alpha1` NetworkPolicy (the Kubernetes 1.2 ThirdPartyResource,
 * k8s-blog-2016-net-alpha-v1alpha1.md):
 *
 *   spec:
 *     podSelector: {segment: backend}          # a plain label map
 *     allowIncoming:
 *       from: [{pods: {segment: frontend}}]    # pods of the policy's namespace
 *       toPorts: [{port: 80, protocol: TCP}]
 *
 * Read into the common model as ingress rules; like extensions/v1beta1, an absent or empty
 * `from` or `toPorts` matches every source or port. `allowIncoming` may also be a list of such
 * rules, and a peer may name `namespaces` (a label map) as the design document's peers did.
 */
export function readAlphaNetworkPolicy(r: ObjectReader): NetworkPolicy | undefined {
  const errorsBefore = r.errors;
  if (!r.name) r.reportMissingName('');
  else r.checkName();
  const spec = r.object(['spec']) ?? {};
  for (const key of Object.keys(spec)) {
    if (key !== 'podSelector' && key !== 'allowIncoming') {
      r.report('error', ['spec', key], 'unknown-field', `unknown field ${JSON.stringify(key)} in a ${API_ALPHA} policy (expected podSelector and allowIncoming)`);
    }
  }
  const podSelector = { matchLabels: r.labels(['spec', 'podSelector']), matchExpressions: [] };
  const incoming = r.get(['spec', 'allowIncoming']);
  const rulePaths: Path[] = Array.isArray(incoming) ? incoming.map((_, i) => ['spec', 'allowIncoming', i]) : incoming === undefined ? [] : [['spec', 'allowIncoming']];
  const ingress: Rule[] = [];
  rulePaths.forEach((path, index) => {
    const item = r.object(path);
    if (!item) return;
    for (const key of Object.keys(item)) {
      if (key !== 'from' && key !== 'toPorts') r.report('error', [...path, key], 'unknown-field', `unknown allowIncoming field "${key}" (expected from or toPorts)`);
    }
    const from = r.list([...path, 'from']) ?? [];
    const toPorts = r.list([...path, 'toPorts']) ?? [];
    const peers = from.map((_, i) => readAlphaPeer(r, [...path, 'from', i])).filter((p): p is Peer => p !== undefined);
    const ports = toPorts.map((_, i) => readAlphaPort(r, [...path, 'toPorts', i])).filter((p): p is PortSpec => p !== undefined);
    ingress.push({ direction: 'ingress', index, peers: from.length === 0 ? 'any' : peers, ports: toPorts.length === 0 ? 'any' : ports, source: r.at(path) });
  });
  if (r.errors > errorsBefore) {
    r.report('error', [], 'policy-not-applied', `${r.objectName} has errors and is left out of the analysis`);
    return undefined;
  }
  return {
    name: r.name,
    namespace: r.namespace,
    apiVersion: API_ALPHA,
    annotations: r.stringMap(['metadata', 'annotations']),
    podSelector,
    affects: { ingress: true, egress: false },
    policyTypesGiven: false,
    ingress,
    egress: [],
    source: r.at([]),
  };
}

function readAlphaPeer(r: ObjectReader, path: Path): Peer | undefined {
  const item = r.object(path);
  if (!item) return undefined;
  for (const key of Object.keys(item)) {
    if (key !== 'pods' && key !== 'namespaces') r.report('error', [...path, key], 'unknown-field', `unknown peer field "${key}" (expected pods or namespaces)`);
  }
  const hasPods = item.pods !== undefined && item.pods !== null;
  const hasNamespaces = item.namespaces !== undefined && item.namespaces !== null;
  if (!hasPods && !hasNamespaces) {
    r.report('error', path, 'invalid-peer', 'a peer must name pods or namespaces');
    return undefined;
  }
  return {
    kind: 'pods',
    ...(hasPods ? { podSelector: { matchLabels: r.labels([...path, 'pods']), matchExpressions: [] } } : {}),
    ...(hasNamespaces ? { namespaceSelector: { matchLabels: r.labels([...path, 'namespaces']), matchExpressions: [] } } : {}),
    source: r.at(path),
  };
}

function readAlphaPort(r: ObjectReader, path: Path): PortSpec | undefined {
  const item = r.object(path);
  if (!item) return undefined;
  const source = r.at(path);
  const protocolText = item.protocol ?? 'TCP';
  const protocol = typeof protocolText === 'string' ? (protocolText.toUpperCase() as Protocol) : undefined;
  if (!protocol || !PROTOCOLS.includes(protocol)) {
    r.report('error', [...path, 'protocol'], 'invalid-protocol', `protocol ${describe(protocolText)} is not TCP, UDP or SCTP`);
    return undefined;
  }
  const port = item.port;
  if (port === undefined || port === null) return { kind: 'all', protocol, source };
  if (typeof port === 'string' && isPortName(port)) return { kind: 'named', protocol, name: port, source };
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    r.report('error', [...path, 'port'], 'invalid-port', `port must be a number from 1 to 65535 or a port name, got ${describe(port)}`);
    return undefined;
  }
  return { kind: 'range', protocol, from: port, to: port, source };
}
