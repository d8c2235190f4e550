import type { CiliumL7, CiliumPort, CiliumProtocol } from '../../model/cilium-policy.js';
import type { Path } from '../locate.js';
import { describe, type ObjectReader } from '../object-reader.js';
import { isPortName } from './network-policy.js';

/** Protocols of the CRD's enum (PortProtocol.Protocol); an absent protocol is ANY (pkg/policy/api/l4.go). */
const PROTOCOLS = ['TCP', 'UDP', 'SCTP', 'ICMP', 'ICMPv6', 'VRRP', 'IGMP', 'ANY'];
const MAX_PORTS = 40; // maxPorts, rule_validation.go

/**
 * A rule's `toPorts` (PortRule, PortDenyRule: pkg/policy/api/l4.go), checked as
 * PortRule.sanitize does; `'any'` without toPorts or with an item that lists no ports. L7 rules,
 * TLS and listeners are noted as not modelled.
 */
export function readToPorts(
  r: ObjectReader,
  path: Path,
  toPorts: unknown[] | undefined,
  direction: 'ingress' | 'egress',
  note: (at: Path, what: string) => void,
): { ports: CiliumPort[] | 'any'; l7?: CiliumL7[]; l4Ports?: CiliumPort[] | 'any' } {
  if (!toPorts?.length) return { ports: 'any' };
  const out: CiliumPort[] = [];
  const l4: CiliumPort[] = [];
  const l7: CiliumL7[] = [];
  let every = false;
  let everyL4 = false;
  toPorts.forEach((_, i) => {
    const at = [...path, 'toPorts', i];
    const itemPorts: CiliumPort[] = [];
    const rules = r.has([...at, 'rules']) ? readL7(r, [...at, 'rules']) : undefined;
    if (rules) {
      if (direction === 'ingress' && r.has([...at, 'rules', 'dns'])) r.report('error', [...at, 'rules', 'dns'], 'invalid-rule', 'DNS rules are not allowed on ingress (PortRule.sanitize)');
      note([...at, 'rules'], 'L7 rules (they restrict requests on the allowed connections)');
    }
    for (const f of ['terminatingTLS', 'originatingTLS', 'serverNames', 'listener']) if (r.has([...at, f])) note([...at, f], f);
    const list = r.list([...at, 'ports']) ?? [];
    if (list.length === 0) every = true; // a PortRule without ports: L7 on every port
    if (list.length === 0 && !rules) everyL4 = true;
    if (list.length > MAX_PORTS) r.report('error', [...at, 'ports'], 'invalid-port', `too many ports, the max is ${MAX_PORTS} (PortRule.sanitize)`);
    list.forEach((__, j) => {
      const port = readPort(r, [...at, 'ports', j], note);
      if (port) itemPorts.push(port);
    });
    out.push(...itemPorts);
    if (rules) l7.push({ ...rules, ports: list.length === 0 ? 'any' : itemPorts, source: r.at([...at, 'rules']) });
    else l4.push(...itemPorts);
  });
  const ports = every ? 'any' : out;
  return l7.length ? { ports, l7, l4Ports: everyL4 ? 'any' : l4 } : { ports };
}

const L7_MEMBERS = ['http', 'kafka', 'dns', 'l7'];

/** An L7Rules object: which member, how many rules, which of them have no field (they match every request). */
function readL7(r: ObjectReader, at: Path): Omit<CiliumL7, 'ports' | 'source'> {
  const member = L7_MEMBERS.find((m) => r.has([...at, m]));
  const proto = r.get([...at, 'l7proto']);
  const list = member ? (r.list([...at, member]) ?? []) : [];
  const matchAll: number[] = [];
  list.forEach((item, i) => {
    const set = item !== null && typeof item === 'object' ? Object.values(item).filter((v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)) : [item];
    if (set.length === 0) matchAll.push(i);
  });
  const protocol = member === 'l7' ? (typeof proto === 'string' ? proto : 'l7') : (member ?? 'none');
  return { protocol, count: list.length, matchAll };
}

function readPort(r: ObjectReader, at: Path, note: (at: Path, what: string) => void): CiliumPort | undefined {
  const source = r.at(at);
  const protocolText = r.get([...at, 'protocol']) ?? 'ANY';
  if (typeof protocolText !== 'string' || !PROTOCOLS.includes(protocolText)) {
    r.report('error', [...at, 'protocol'], 'invalid-protocol', `protocol ${describe(protocolText)} is not one of ${PROTOCOLS.join(', ')}`);
    return undefined;
  }
  if (!['TCP', 'UDP', 'SCTP', 'ANY'].includes(protocolText)) {
    note([...at, 'protocol'], `protocol ${protocolText}`);
    return undefined; // opens nothing on TCP, UDP or SCTP
  }
  const protocol = protocolText as CiliumProtocol;
  const text = r.get([...at, 'port']);
  if (typeof text !== 'string' || text === '') {
    r.report('error', [...at, 'port'], 'invalid-port', text === undefined || text === '' ? 'port must be specified (PortProtocol.sanitize)' : `port must be a string (quote it: "${String(text)}"), got ${describe(text)}`);
    return undefined;
  }
  if (/^[0-9]+$/.test(text)) {
    const n = Number(text);
    if (n > 65535) {
      r.report('error', [...at, 'port'], 'invalid-port', `port ${text} is over 65535`);
      return undefined;
    }
    if (n === 0) return { kind: 'range', protocol, from: 1, to: 65535, source }; // port 0: every port
    const end = r.get([...at, 'endPort']);
    if (end === undefined) return { kind: 'range', protocol, from: n, to: n, source };
    if (typeof end !== 'number' || !Number.isInteger(end) || end < n || end > 65535) {
      r.report('error', [...at, 'endPort'], 'invalid-port-range', `endPort must be an integer from ${n} to 65535, got ${describe(end)}`);
      return undefined;
    }
    return { kind: 'range', protocol, from: n, to: end, source };
  }
  const name = text.toLowerCase(); // PortProtocol.sanitize: names compare case-insensitively
  if (!isPortName(name)) {
    r.report('error', [...at, 'port'], 'invalid-port', `port "${text}" is neither a number from 0 to 65535 nor a valid port name`);
    return undefined;
  }
  return { kind: 'named', protocol, name, source };
}
