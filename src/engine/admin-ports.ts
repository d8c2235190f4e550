import type { AdminPort, AdminRule } from '../model/admin-policy.js';
import type { ContainerPort } from '../model/snapshot.js';
import { ConnectionSet } from '../net/connection-set.js';
import { PortSet } from '../net/port-set.js';

/**
 * What one ports/protocols item of a cluster-wide policy names, towards a destination with these
 * container ports (`null`: an outside address). A named port is the destination's container
 * port of that name, whatever its protocol.
 */
export function adminPortConnections(port: AdminPort, dstPorts: readonly ContainerPort[] | null): ConnectionSet {
  switch (port.kind) {
    case 'all':
      return ConnectionSet.of({ [port.protocol]: PortSet.ALL });
    case 'range':
      return ConnectionSet.of({ [port.protocol]: PortSet.range(port.from, port.to) });
    case 'named': {
      let cs = ConnectionSet.NONE;
      for (const cp of dstPorts ?? []) if (cp.name === port.name) cs = cs.union(ConnectionSet.of({ [cp.protocol]: PortSet.of([[cp.port, cp.port]]) }));
      return cs;
    }
  }
}

export function adminRuleConnections(rule: AdminRule, dstPorts: readonly ContainerPort[] | null): ConnectionSet {
  if (rule.ports === 'any') return ConnectionSet.ALL;
  return rule.ports.reduce((acc, p) => acc.union(adminPortConnections(p, dstPorts)), ConnectionSet.NONE);
}
