import ipaddr from 'ipaddr.js';

export type IpFamily = 4 | 6;

export const FAMILY_BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

export function familyMax(family: IpFamily): bigint {
  return (1n << BigInt(FAMILY_BITS[family])) - 1n;
}

/** Parses a single address strictly (IPv4 must be four decimal parts). */
export function parseIp(text: string): { family: IpFamily; value: bigint } | undefined {
  const t = text.trim();
  // ipaddr's validity checks throw and catch on a non-address: names and selectors are turned away first.
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(t) && ipaddr.IPv4.isValidFourPartDecimal(t)) {
    return { family: 4, value: bytesToBigint(ipaddr.IPv4.parse(t).toByteArray()) };
  }
  if (t.includes(':') && ipaddr.IPv6.isValid(t)) {
    return { family: 6, value: bytesToBigint(ipaddr.IPv6.parse(t).toByteArray()) };
  }
  return undefined;
}

export function bytesToBigint(bytes: readonly number[]): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

export function formatIp(family: IpFamily, value: bigint): string {
  const n = family === 4 ? 4 : 16;
  const bytes: number[] = [];
  let v = value;
  for (let i = 0; i < n; i++) {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}
