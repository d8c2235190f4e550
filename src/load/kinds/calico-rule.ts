import { CALICO_ACTIONS, type CalicoAction, type CalicoEntityRule, type CalicoPort, type CalicoRule, type CalicoServiceMatch } from '../../model/calico-policy.js';
import { PROTOCOLS, type Cidr, type Direction, type Protocol } from '../../model/policy.js';
import { parseCidr } from '../../net/cidr.js';
import { parseCalicoSelector } from '../../select/calico-selector.js';
import { closest } from '../../text/did-you-mean.js';
import type { Path } from '../locate.js';
import { describe, type ObjectReader } from '../object-reader.js';

/** Protocol names Calico accepts (validator.go protocolRegex) and numbers 1–255; the analysed ones by number. */
const PROTOCOL_NAMES = ['TCP', 'UDP', 'ICMP', 'ICMPv6', 'SCTP', 'UDPLite'] as const;
const PROTOCOL_NUMBERS: Readonly<Record<number, Protocol>> = { 6: 'TCP', 17: 'UDP', 132: 'SCTP' };

/** `ports`: a number, `"from:to"` or a port name (numorstring.PortFromString). */
const PORT_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;

/**
 * Reads a selector field: a string Calico's parser accepts (validator.go validateSelector), or
 * an error at the field. `global()` is allowed only as a whole rule `namespaceSelector`
 * (XValidation on EntityRule; validateEntityRule).
 */
export function readCalicoSelector(r: ObjectReader, at: Path, where: 'namespaceSelector' | 'other'): string | undefined {
  const text = r.get(at);
  if (text === undefined) return undefined;
  if (typeof text !== 'string') {
    r.report('error', at, 'wrong-type', `expected a selector string, got ${describe(text)}`);
    return undefined;
  }
  const parsed = parseCalicoSelector(text);
  if (!parsed.ok) {
    r.report('error', at, 'invalid-selector', `invalid selector at character ${parsed.error.offset + 1}: ${parsed.error.message}`);
    return undefined;
  }
  if (text.includes('global(') && (where !== 'namespaceSelector' || parsed.selector.kind !== 'global')) {
    r.report('error', at, 'invalid-selector', where === 'namespaceSelector' ? 'global() cannot be combined with other selectors' : 'global() can only be used in an EntityRule namespaceSelector');
    return undefined;
  }
  return text;
}

function readNets(r: ObjectReader, at: Path, negated: boolean): Cidr[] | undefined {
  const list = r.list(at);
  if (list === undefined) return undefined;
  const out: Cidr[] = [];
  list.forEach((v, i) => {
    if (typeof v !== 'string') return r.report('error', [...at, i], 'invalid-cidr', `expected a CIDR, got ${describe(v)}`);
    // cnet.ParseCIDR takes a bare address as a /32 or /128.
    const text = v.includes('/') ? v : `${v}/${v.includes(':') ? 128 : 32}`;
    const p = parseCidr(text);
    if (!p.ok) return r.report('error', [...at, i], 'invalid-cidr', `invalid CIDR: ${p.reason}`);
    if (negated && p.cidr.lo === 0n && p.cidr.text.endsWith('/0')) {
      return r.report('error', [...at, i], 'invalid-cidr', 'catch-all CIDR in negation creates logical contradiction (matches no traffic) (validator.go)');
    }
    out.push(p.cidr);
  });
  return out;
}

function readPorts(r: ObjectReader, at: Path): { ports: CalicoPort[]; numeric: boolean } | undefined {
  const list = r.list(at);
  if (list === undefined) return undefined;
  const ports: CalicoPort[] = [];
  let numeric = false;
  list.forEach((v, i) => {
    const bad = (why: string) => r.report('error', [...at, i], 'invalid-port', why);
    if (typeof v === 'number') {
      if (!Number.isInteger(v) || v < 0 || v > 65535) return bad(`port ${v} is not a number from 0 to 65535`);
      numeric = true;
      return ports.push({ kind: 'range', from: v, to: v });
    }
    if (typeof v !== 'string') return bad(`expected a port number, "from:to" or a port name, got ${describe(v)}`);
    const single = /^\d+$/.exec(v);
    const range = /^(\d+):(\d+)$/.exec(v);
    if (single || range) {
      const from = Number(range ? range[1] : v);
      const to = Number(range ? range[2] : v);
      if (from > 65535 || to > 65535) return bad(`invalid port format (${v}): ports go up to 65535`);
      if (from > to) return bad(`minimum port number (${from}) is greater than maximum port number (${to}) in port range`);
      numeric = true;
      return ports.push({ kind: 'range', from, to });
    }
    if (!PORT_NAME.test(v)) return bad(`invalid name for named port (${v})`);
    ports.push({ kind: 'named', name: v });
  });
  return { ports, numeric };
}

/** `protocol` or `notProtocol`: a name or a number 1–255 (validateProtocol). The analysed protocols it names, or undefined when invalid. */
function readProtocol(r: ObjectReader, at: Path): { text: string; protocols: Protocol[]; supportsPorts: boolean } | undefined {
  const v = r.get(at);
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 1 || v > 255) {
      r.report('error', at, 'invalid-protocol', `protocol number invalid: ${v} (1 to 255)`);
      return undefined;
    }
    const p = PROTOCOL_NUMBERS[v];
    return { text: String(v), protocols: p ? [p] : [], supportsPorts: p !== undefined || v === 136 };
  }
  if (typeof v !== 'string' || !(PROTOCOL_NAMES as readonly string[]).includes(v)) {
    const near = typeof v === 'string' ? closest(v, PROTOCOL_NAMES.map((n) => ({ name: n, label: n })), 2) : [];
    r.report('error', at, 'invalid-protocol', `protocol name invalid: ${typeof v === 'string' ? JSON.stringify(v) : describe(v)} (expected one of ${PROTOCOL_NAMES.join(', ')} or a number 1–255${near.length ? `; did you mean ${near.join(' or ')}?` : ''})`);
    return undefined;
  }
  const p = (PROTOCOLS as readonly string[]).includes(v) ? [v as Protocol] : [];
  return { text: v, protocols: p, supportsPorts: p.length > 0 || v === 'UDPLite' };
}

function readEntity(r: ObjectReader, at: Path, note: (at: Path, what: string) => void, side: 'source' | 'destination'): { entity: CalicoEntityRule; numericPorts: boolean; anyPorts: boolean } {
  const nets = readNets(r, [...at, 'nets'], false);
  const notNets = readNets(r, [...at, 'notNets'], true) ?? [];
  const selector = readCalicoSelector(r, [...at, 'selector'], 'other');
  const notSelector = readCalicoSelector(r, [...at, 'notSelector'], 'other');
  const namespaceSelector = readCalicoSelector(r, [...at, 'namespaceSelector'], 'namespaceSelector');
  const ports = readPorts(r, [...at, 'ports']);
  const notPorts = readPorts(r, [...at, 'notPorts']);
  const names = r.list([...at, 'serviceAccounts', 'names']);
  const serviceAccountSelector = readCalicoSelector(r, [...at, 'serviceAccounts', 'selector'], 'other');
  let services: CalicoServiceMatch | undefined;
  if (r.has([...at, 'services'])) {
    const s = [...at, 'services'];
    const name = r.get([...s, 'name']);
    if (!name) r.report('error', s, 'missing-field', 'services must specify a service name');
    // The EntityRule XValidation rules forbid these fields when given non-empty (serviceAccounts: at all).
    const given = (field: string) => {
      const v = r.get([...at, field]);
      return field === 'serviceAccounts' ? r.has([...at, field]) : v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
    };
    for (const [field, what] of [['namespaceSelector', 'NamespaceSelector'], ['serviceAccounts', 'ServiceAccounts'], ['selector', 'Selector/NotSelector'], ['notSelector', 'Selector/NotSelector'], ['nets', 'Nets/NotNets'], ['notNets', 'Nets/NotNets']] as const) {
      if (given(field)) r.report('error', [...at, field], 'invalid-rule', `cannot specify ${what} and Services on the same rule`);
    }
    // Ports are forbidden with services in a destination only (Rule XValidation); an ingress rule's source may have source ports.
    if (side === 'destination') for (const field of ['ports', 'notPorts']) if (given(field)) r.report('error', [...at, field], 'invalid-rule', 'ports and notPorts cannot be specified with services');
    // Namespace: "If left empty, the rule will match within this policy's namespace" (ServiceMatch); a GlobalNetworkPolicy must give it (calico-policy.ts).
    const namespace = r.get([...s, 'namespace']);
    if (typeof name === 'string' && name) services = { name, namespace: typeof namespace === 'string' && namespace ? namespace : r.raw.kind === 'NetworkPolicy' ? r.namespace : '' };
  }
  if (side === 'source' && (ports?.ports.length || notPorts?.ports.length)) note([...at, ports ? 'ports' : 'notPorts'], 'source ports (connections are analysed by destination port)');
  const serviceAccountNames = names?.filter((n, i): n is string => (typeof n === 'string' ? true : (r.report('error', [...at, 'serviceAccounts', 'names', i], 'wrong-type', `expected a string, got ${describe(n)}`), false)));
  return {
    entity: {
      // An empty list is an absent one (Go: len(Nets) == 0 adds no match).
      ...(nets && nets.length ? { nets } : {}),
      notNets,
      // An empty selector string is an absent one (Go's zero value: rules.go getEndpointSelector tests != "").
      ...(selector ? { selector } : {}),
      ...(notSelector ? { notSelector } : {}),
      ...(namespaceSelector ? { namespaceSelector } : {}),
      ...(serviceAccountNames && names!.length ? { serviceAccountNames } : {}),
      // An empty selector adds nothing (rules.go parseServiceAccounts).
      ...(serviceAccountSelector ? { serviceAccountSelector } : {}),
      ...(side === 'destination' && ports && ports.ports.length ? { ports: ports.ports } : {}),
      notPorts: side === 'destination' ? (notPorts?.ports ?? []) : [],
      ...(services ? { services } : {}),
    },
    numericPorts: (ports?.numeric ?? false) || (notPorts?.numeric ?? false),
    anyPorts: (ports?.ports.length ?? 0) + (notPorts?.ports.length ?? 0) > 0,
  };
}

/** One rule of `ingress` or `egress`, checked as validator.go validateRule and the Rule/EntityRule XValidation rules do. */
export function readCalicoRule(r: ObjectReader, at: Path, direction: Direction, index: number): CalicoRule | undefined {
  const errors = r.errors;
  const unmodelled: string[] = [];
  const note = (p: Path, what: string) => {
    unmodelled.push(what);
    r.report('warning', p, 'calico-unmodelled', `${what} is not modelled: answers for the endpoints this policy selects are undetermined`);
  };
  const actionText = r.get([...at, 'action']);
  if (typeof actionText !== 'string' || !(CALICO_ACTIONS as readonly string[]).includes(actionText)) {
    const near = typeof actionText === 'string' ? closest(actionText, CALICO_ACTIONS.map((a) => ({ name: a, label: a })), 2) : [];
    r.report('error', [...at, 'action'], 'invalid-action', `action ${typeof actionText === 'string' ? JSON.stringify(actionText) : describe(actionText)} is not one of ${CALICO_ACTIONS.join(', ')}${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}`);
  }
  const protocol = r.has([...at, 'protocol']) ? readProtocol(r, [...at, 'protocol']) : undefined;
  const notProtocol = r.has([...at, 'notProtocol']) ? readProtocol(r, [...at, 'notProtocol']) : undefined;
  const source = readEntity(r, [...at, 'source'], note, 'source');
  const destination = readEntity(r, [...at, 'destination'], note, 'destination');
  for (const [e, name] of [[source, 'source'], [destination, 'destination']] as const) {
    if (!r.has([...at, 'protocol'])) {
      if (e.numericPorts) r.report('error', [...at, name], 'invalid-rule', 'rules with numeric port or port range must set protocol to TCP or UDP or SCTP');
    } else if (protocol && !protocol.supportsPorts && e.anyPorts) r.report('error', [...at, name], 'invalid-rule', 'rules that specify ports must set protocol to TCP or UDP or SCTP');
  }
  const ipVersion = r.get([...at, 'ipVersion']);
  if (ipVersion !== undefined && ipVersion !== 4 && ipVersion !== 6) r.report('error', [...at, 'ipVersion'], 'invalid-rule', `ipVersion must be 4 or 6, got ${describe(ipVersion)}`);
  const families = new Set([...(source.entity.nets ?? []), ...source.entity.notNets, ...(destination.entity.nets ?? []), ...destination.entity.notNets].map((c) => c.family));
  if (families.size > 1) r.report('error', at, 'invalid-rule', 'rule contains both IPv4 and IPv6 CIDRs');
  else if (ipVersion !== undefined && families.size === 1 && !families.has(ipVersion as 4 | 6)) r.report('error', [...at, 'ipVersion'], 'invalid-rule', "rule IP version doesn't match CIDR version");
  for (const f of ['icmp', 'notICMP'] as const) {
    if (!r.has([...at, f])) continue;
    if (r.has([...at, f, 'code']) && !r.has([...at, f, 'type'])) r.report('error', [...at, f], 'invalid-rule', 'ICMP code specified without an ICMP type');
    const t = r.get([...at, f, 'type']);
    if (t !== undefined && (typeof t !== 'number' || t < 0 || t > 254)) r.report('error', [...at, f, 'type'], 'invalid-rule', 'ICMP type must be 0 to 254');
    if (f === 'icmp' && !(protocol && ['ICMP', 'ICMPv6', '1', '58'].includes(protocol.text))) r.report('error', [...at, f], 'invalid-rule', 'ICMP fields require protocol to be ICMP or ICMPv6');
  }
  // protocol (or notProtocol) ICMP needs ipVersion 4, ICMPv6 needs 6 (Rule XValidation).
  for (const [f, proto] of [['protocol', protocol], ['notProtocol', notProtocol]] as const) {
    if (!proto || (ipVersion !== 4 && ipVersion !== 6)) continue;
    if (['ICMP', '1'].includes(proto.text) && ipVersion !== 4) r.report('error', [...at, f], 'invalid-rule', 'protocol ICMP requires ipVersion 4');
    if (['ICMPv6', '58'].includes(proto.text) && ipVersion !== 6) r.report('error', [...at, f], 'invalid-rule', 'protocol ICMPv6 requires ipVersion 6');
  }
  if (r.has([...at, 'notICMP'])) {
    // ICMP types are not analysed. For a rule that matches no TCP, UDP or SCTP (protocol ICMP), notICMP changes no answer.
    // For one that does, Calico's dataplanes differ: nftables' `icmp type != N` adds a dependency on ICMP (the rule then
    // matches only ICMP), iptables' icmp match needs protocol ICMP (felix/rules/policy.go, felix/nftables and
    // felix/iptables match_builder.go NotICMPType): left undetermined.
    const analysed = (protocol ? protocol.protocols : PROTOCOLS).filter((p) => !notProtocol?.protocols.includes(p));
    if (analysed.length) note([...at, 'notICMP'], 'notICMP on a rule that also matches TCP, UDP or SCTP (Calico\'s nftables dataplane then matches only ICMP; its iptables one needs protocol ICMP)');
    else r.report('info', [...at, 'notICMP'], 'calico-unmodelled', 'notICMP narrows ICMP, which netpol-check does not analyse: it changes no TCP, UDP or SCTP answer');
  }
  if (r.has([...at, 'http'])) {
    if (actionText !== 'Allow') r.report('error', [...at, 'http'], 'invalid-rule', 'HTTP match is only valid on Allow rules');
    if (protocol && protocol.text !== 'TCP' && protocol.text !== '6') r.report('error', [...at, 'http'], 'invalid-rule', 'rules with HTTP match must have protocol TCP or unset');
    if (direction === 'egress') r.report('error', [...at, 'http'], 'invalid-rule', 'HTTP match is not allowed in egress rules');
    note([...at, 'http'], 'http match (application layer policy)');
  }
  if (direction === 'egress' && r.has([...at, 'source', 'services'])) r.report('error', [...at, 'source', 'services'], 'invalid-rule', 'services are not allowed in egress rule source');
  if (direction === 'ingress' && r.has([...at, 'destination', 'services'])) r.report('error', [...at, 'destination', 'services'], 'invalid-rule', 'services are not allowed in ingress rule destination');
  if (r.errors > errors) return undefined;
  let protocols: readonly Protocol[] = protocol ? protocol.protocols : PROTOCOLS;
  if (notProtocol) protocols = protocols.filter((p) => !notProtocol.protocols.includes(p));
  return {
    direction,
    index,
    action: actionText as CalicoAction,
    protocols,
    ...(protocol ? { protocolText: protocol.text } : {}),
    ...(ipVersion === 4 || ipVersion === 6 ? { ipVersion } : {}),
    source: source.entity,
    destination: destination.entity,
    unmodelled,
    at: r.at(at),
  };
}
