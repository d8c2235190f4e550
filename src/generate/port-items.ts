import { PROTOCOLS, type Protocol } from '../model/policy.js';
import type { Pod } from '../model/snapshot.js';
import type { ConnectionSet } from '../net/connection-set.js';

/** A `ports` item as written. */
export interface PortItem {
  protocol: Protocol;
  port?: number | string;
  endPort?: number;
}

/** The name every one of the pods gives to this container port, if they all name it alike. */
export function sharedPortName(pods: readonly Pod[], protocol: Protocol, port: number): string | undefined {
  let name: string | undefined;
  for (const pod of pods) {
    const p = pod.ports.find((c) => c.protocol === protocol && c.port === port);
    if (!p?.name || (name !== undefined && p.name !== name)) return undefined;
    name = p.name;
  }
  return name;
}

/**
 * `ports` for a connection set: absent (undefined) for every connection, a bare protocol for all
 * of its ports, single ports by the name the destination pods give them (`namedOn`; none: by
 * number), ranges with `endPort`.
 */
export function portItems(c: ConnectionSet, namedOn: readonly Pod[]): PortItem[] | undefined {
  if (c.isAll()) return undefined;
  const out: PortItem[] = [];
  for (const protocol of PROTOCOLS) {
    const ports = c.ports(protocol);
    if (ports.isEmpty()) continue;
    if (ports.isAll()) {
      out.push({ protocol });
      continue;
    }
    for (const [a, b] of ports.ranges) {
      if (a === b) out.push({ protocol, port: (namedOn.length ? sharedPortName(namedOn, protocol, a) : undefined) ?? a });
      else out.push({ protocol, port: a, endPort: b });
    }
  }
  return out;
}
