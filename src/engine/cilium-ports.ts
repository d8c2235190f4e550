import type { CiliumPort, CiliumProtocol, CiliumRule } from '../model/cilium-policy.js';
import type { ContainerPort } from '../model/snapshot.js';
import type { Protocol } from '../model/policy.js';
import { ConnectionSet } from '../net/connection-set.js';
import { PortSet } from '../net/port-set.js';

/** `ANY` is every protocol netpol-check analyses (pkg/policy/api/l4.go: ProtoAny). */
export function ciliumProtocols(p: CiliumProtocol): Protocol[] {
  return p === 'ANY' ? ['TCP', 'UDP', 'SCTP'] : [p];
}

/** What one port item names towards a destination with these container ports (`null`: an outside address). */
export function ciliumPortConnections(port: CiliumPort, dstPorts: readonly ContainerPort[] | null): ConnectionSet {
  if (port.kind === 'range') {
    const set = PortSet.range(port.from, port.to);
    return ConnectionSet.of(Object.fromEntries(ciliumProtocols(port.protocol).map((p) => [p, set])));
  }
  let cs = ConnectionSet.NONE;
  for (const cp of dstPorts ?? []) {
    if (cp.name === port.name && ciliumProtocols(port.protocol).includes(cp.protocol)) cs = cs.union(ConnectionSet.of({ [cp.protocol]: PortSet.of([[cp.port, cp.port]]) }));
  }
  return cs;
}

export function ciliumRuleConnections(rule: CiliumRule, dstPorts: readonly ContainerPort[] | null): ConnectionSet {
  if (rule.ports === 'any') return ConnectionSet.ALL;
  return rule.ports.reduce((acc, p) => acc.union(ciliumPortConnections(p, dstPorts)), ConnectionSet.NONE);
}
