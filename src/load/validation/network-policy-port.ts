import { invalid, notSupported, type FieldError, type FieldPath } from './field-error.js';
import type { NetworkPolicyPortInput } from './network-policy-types.js';
import { isValidPortName, isValidPortNum } from './ports.js';

/**
 * NetworkPolicyPort, transcribed from Kubernetes 1.32 kubernetes
 * pkg/apis/networking/validation/validation.go: ValidateNetworkPolicyPort.
 */

export const SUPPORTED_PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];

/**
 * ValidateNetworkPolicyPort, in Go's order:
 * - protocol, when given (even ""), must be exactly TCP, UDP or SCTP → NotSupported;
 * - numeric port: 1..65535; with endPort: endPort < port → Invalid "must be greater than or equal
 *   to `port`", then endPort 1..65535 (both can be reported);
 * - string port: endPort refused ("may not be specified when `port` is non-numeric"), then the
 *   IANA_SVC_NAME rules (so "80" as a string is refused: no letter);
 * - no port: endPort refused ("may not be specified when `port` is not specified").
 */
export function validateNetworkPolicyPort(port: NetworkPolicyPortInput, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol !== undefined && !SUPPORTED_PROTOCOLS.includes(port.protocol)) {
    errs.push(notSupported([...path, 'protocol'], port.protocol, SUPPORTED_PROTOCOLS));
  }
  if (typeof port.port === 'number') {
    const p = port.port;
    errs.push(...isValidPortNum(p).map((m) => invalid([...path, 'port'], p, m)));
    if (port.endPort !== undefined) {
      const end = port.endPort;
      if (end < p) errs.push(invalid([...path, 'endPort'], end, 'must be greater than or equal to `port`'));
      errs.push(...isValidPortNum(end).map((m) => invalid([...path, 'endPort'], end, m)));
    }
  } else if (typeof port.port === 'string') {
    const name = port.port;
    if (port.endPort !== undefined) {
      errs.push(invalid([...path, 'endPort'], port.endPort, 'may not be specified when `port` is non-numeric'));
    }
    errs.push(...isValidPortName(name).map((m) => invalid([...path, 'port'], name, m)));
  } else if (port.endPort !== undefined) {
    errs.push(invalid([...path, 'endPort'], port.endPort, 'may not be specified when `port` is not specified'));
  }
  return errs;
}
