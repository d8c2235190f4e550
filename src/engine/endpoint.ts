import type { Protocol } from '../model/policy.js';
import type { Pod } from '../model/snapshot.js';
import type { IpFamily } from '../net/ip-address.js';

/** One end of a connection: a pod, or an address outside the pod network. */
export type Endpoint = { kind: 'pod'; pod: Pod } | { kind: 'ip'; family: IpFamily; addr: bigint };

/** A single connection attempt: to `dst` on `protocol`/`port`. */
export interface Traffic {
  src: Endpoint;
  dst: Endpoint;
  protocol: Protocol;
  port: number;
}
