/**
 * A quick look at an ipBlock written the usual way: IPv4 CIDRs in canonical dotted decimal
 * (no leading zeros, prefix 0–32), each `except` inside `cidr` with a longer prefix. True only
 * where validateIPBlock finds nothing (ParseCIDRSloppy accepts every such text, and Go's
 * IPNet.Contains on two IPv4 networks is the masked comparison below); anything else, IPv6
 * included, is false and the full transcription decides. Why: 20 % of generated policies carry
 * an ipBlock, and the full check parses each CIDR into byte arrays and builds error lists.
 */
const PLAIN_IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\/(3[0-2]|[12]\d|\d)$/;

interface PlainCidr {
  address: number;
  prefix: number;
}

function plainIPv4Cidr(text: string): PlainCidr | undefined {
  const m = PLAIN_IPV4_CIDR.exec(text);
  if (!m) return undefined;
  const address = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
  return { address, prefix: Number(m[5]) };
}

/** The network of `address` under `prefix` bits, as an unsigned 32-bit number. */
function networkOf(address: number, prefix: number): number {
  return prefix === 0 ? 0 : (address & (~0 << (32 - prefix))) >>> 0;
}

export function plainIPv4BlockValid(cidrText: string, except: readonly string[] | undefined): boolean {
  const cidr = plainIPv4Cidr(cidrText);
  if (!cidr) return false;
  for (const text of except ?? []) {
    const e = plainIPv4Cidr(text);
    if (!e || cidr.prefix >= e.prefix) return false;
    if (networkOf(networkOf(e.address, e.prefix), cidr.prefix) !== networkOf(cidr.address, cidr.prefix)) return false;
  }
  return true;
}
