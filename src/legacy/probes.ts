import type { Endpoint } from '../engine/endpoint.js';
import { ipBlockPeers } from '../engine/external-blocks.js';
import { PROTOCOLS, type Protocol } from '../model/policy.js';
import type { Pod, Snapshot } from '../model/snapshot.js';
import { familyMax, formatIp, parseIp, type IpFamily } from '../net/ip-address.js';

/** Pods that policies cannot tell apart: same namespace, labels and container ports. */
export interface PodClass {
  /** One pod, or two when the class has several (to probe traffic between two of its pods). */
  members: Pod[];
  size: number;
}

export interface Probes {
  classes: PodClass[];
  addresses: Endpoint[];
  /** Per protocol, the ports where some policy's answer can change, and one port inside each stretch. */
  ports: [Protocol, number[]][];
}

/**
 * What to ask to compare two policy sets on the same pods without trying all 65,535 ports of all
 * pairs: one or two pods per class, every port boundary of either set's rules and the pods'
 * container ports (named ports resolve to those), and addresses on every ipBlock boundary.
 */
export function migrationProbes(...snapshots: Snapshot[]): Probes {
  const base = snapshots[0]!;
  const groups = new Map<string, Pod[]>();
  for (const pod of base.pods) {
    const key = JSON.stringify([pod.namespace, Object.entries(pod.labels).sort(), pod.ports]);
    groups.set(key, [...(groups.get(key) ?? []), pod]);
  }
  const classes = [...groups.values()].map((pods) => ({ members: pods.slice(0, 2), size: pods.length }));

  const ports = new Map<Protocol, Set<number>>(PROTOCOLS.map((p) => [p, new Set([1, 65535])]));
  const addPort = (protocol: Protocol, n: number) => {
    if (n >= 1 && n <= 65535) ports.get(protocol)!.add(n);
  };
  for (const pod of base.pods) for (const cp of pod.ports) addPort(cp.protocol, cp.port);
  for (const s of snapshots) {
    for (const policy of s.policies) {
      for (const rule of [...policy.ingress, ...policy.egress]) {
        if (rule.ports === 'any') continue;
        for (const spec of rule.ports) {
          if (spec.kind !== 'range') continue;
          for (const n of [spec.from - 1, spec.from, spec.to, spec.to + 1]) addPort(spec.protocol, n);
        }
      }
    }
  }

  const addresses = new Map<string, Endpoint>();
  const addAddress = (family: IpFamily, addr: bigint) => {
    if (addr >= 0n && addr <= familyMax(family)) addresses.set(`${family}:${addr}`, { kind: 'ip', family, addr });
  };
  const outside = parseIp('203.0.113.1')!;
  addAddress(outside.family, outside.value);
  for (const s of snapshots) {
    for (const peer of ipBlockPeers(s.policies)) {
      for (const c of [peer.cidr, ...peer.except]) for (const a of [c.lo - 1n, c.lo, c.hi, c.hi + 1n]) addAddress(c.family, a);
    }
  }
  return { classes, addresses: [...addresses.values()], ports: [...ports.entries()].map(([p, set]) => [p, [...set].sort((a, b) => a - b)]) };
}

export function endpointName(e: Endpoint): string {
  return e.kind === 'pod' ? e.pod.id : formatIp(e.family, e.addr);
}
