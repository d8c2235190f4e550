import type { Protocol } from '../model/policy.js';

/**
 * The one spelling of a port in every answer: protocol first, upper case, then the port, its
 * range or its name: `TCP 5432`, `UDP 53`, `TCP 8000-8080`, `TCP http` (as np-guard's matrices
 * and ConnectionSet print them).
 */
export function portText(protocol: Protocol | string, port: number | string): string {
  return `${protocol.toUpperCase()} ${port}`;
}

/** A named container port with its number: `http (TCP 80)`. */
export function namedPortText(port: { name?: string | undefined; port: number; protocol: Protocol | string }): string {
  return port.name ? `${port.name} (${portText(port.protocol, port.port)})` : portText(port.protocol, port.port);
}
