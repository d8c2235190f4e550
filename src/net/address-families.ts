import { parseIp, type IpFamily } from './ip-address.js';

/** The address families of these addresses (a pod's known IPs), sorted; empty when none parses. */
export function addressFamilies(ips: readonly string[]): IpFamily[] {
  const out = new Set<IpFamily>();
  for (const text of ips) {
    const ip = parseIp(text);
    if (ip) out.add(ip.family);
  }
  return [...out].sort();
}
