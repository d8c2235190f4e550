import { DNS_PORT } from '../model/cluster-resolver.js';
import { ConnectionSet } from '../net/connection-set.js';
import { PortSet } from '../net/port-set.js';

export { RESOLVER_LABELS, RESOLVER_NAMESPACE, resolverPods } from '../model/cluster-resolver.js';

/** DNS: UDP and TCP 53 (RFC 7766: TCP is not optional). */
export const DNS = ConnectionSet.of({ UDP: PortSet.range(DNS_PORT), TCP: PortSet.range(DNS_PORT) });
