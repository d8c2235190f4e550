import type { CalicoPort, CalicoRule, CalicoServiceSlice } from '../model/calico-policy.js';
import type { Cidr, Protocol } from '../model/policy.js';
import type { ContainerPort } from '../model/snapshot.js';
import { ConnectionSet } from '../net/connection-set.js';
import { PortSet } from '../net/port-set.js';
import { serviceEndpointPorts } from '../select/service-endpoints.js';

/** What one `ports`/`notPorts` item names on the rule's protocols, towards a destination with these container ports (`null`: an outside address). */
function portConnections(x: CalicoPort, protocols: readonly Protocol[], dstPorts: readonly ContainerPort[] | null): ConnectionSet {
  if (x.kind === 'range') {
    const from = Math.max(1, x.from); // port 0 is no TCP, UDP or SCTP port a connection opens
    if (x.to < from) return ConnectionSet.NONE;
    const set = PortSet.range(from, x.to);
    return ConnectionSet.of(Object.fromEntries(protocols.map((p) => [p, set])));
  }
  let cs = ConnectionSet.NONE;
  for (const cp of dstPorts ?? []) if (cp.name === x.name && protocols.includes(cp.protocol)) cs = cs.union(ConnectionSet.of({ [cp.protocol]: PortSet.range(cp.port) }));
  return cs;
}

/**
 * The connections a rule matches towards a destination: its protocols, its destination `ports`
 * (all when absent), minus `notPorts`; with destination `services`, the ports the destination
 * serves for the Service (Felix matches address, port and protocol of each endpoint), on the
 * rule's protocols: for a Service with a selector its ports resolved to target ports on the
 * destination's container ports; for one resolved to EndpointSlices the ports of each slice
 * holding one of the destination's addresses (`dstIn`).
 */
export function calicoRuleConnections(rule: CalicoRule, dstPorts: readonly ContainerPort[] | null, dstIn: (addresses: readonly Cidr[]) => boolean = () => false): ConnectionSet {
  const protocols = rule.protocols;
  const service = rule.destination.services?.backend;
  if (service?.kind === 'selector') {
    let cs = ConnectionSet.NONE;
    for (const p of serviceEndpointPorts(service.ports, dstPorts ?? [])) if (protocols.includes(p.protocol)) cs = cs.union(ConnectionSet.of({ [p.protocol]: PortSet.range(p.resolved) }));
    return cs;
  }
  if (service?.kind === 'slices') return sliceConnections(service.slices, protocols, dstIn);
  const { ports, notPorts } = rule.destination;
  let cs = ports ? ports.reduce((acc, x) => acc.union(portConnections(x, protocols, dstPorts)), ConnectionSet.NONE) : ConnectionSet.of(Object.fromEntries(protocols.map((p) => [p, PortSet.ALL])));
  for (const x of notPorts) cs = cs.subtract(portConnections(x, protocols, dstPorts));
  return cs;
}

/** The ports, on these protocols, of the EndpointSlices that hold the destination (felix/serviceindex/serviceindex.go: one member per address, port and protocol of a slice). */
function sliceConnections(slices: readonly CalicoServiceSlice[], protocols: readonly Protocol[], dstIn: (addresses: readonly Cidr[]) => boolean): ConnectionSet {
  let cs = ConnectionSet.NONE;
  for (const s of slices) {
    if (!s.addresses.length || !dstIn(s.addresses)) continue;
    for (const p of s.ports) if (protocols.includes(p.protocol)) cs = cs.union(ConnectionSet.of({ [p.protocol]: PortSet.range(p.port) }));
  }
  return cs;
}

/** Whether the rule's ports depend on the destination's container ports (a named port, or a Service's named targetPort). */
export function calicoRuleHasNamedPorts(rule: CalicoRule): boolean {
  const service = rule.destination.services?.backend;
  if (service?.kind === 'selector' && service.ports.some((p) => typeof p.targetPort === 'string')) return true;
  return [...(rule.destination.ports ?? []), ...rule.destination.notPorts].some((x) => x.kind === 'named');
}
