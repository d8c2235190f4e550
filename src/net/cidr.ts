import type { Cidr } from '../model/policy.js';
import { FAMILY_BITS, familyMax, formatIp, parseIp } from './ip-address.js';

export type CidrParse =
  | { ok: true; cidr: Cidr; hostBitsSet: boolean }
  | { ok: false; reason: string };

/** Parses `a.b.c.d/n` or `v6::/n`; host bits are cleared (and reported). */
export function parseCidr(text: string): CidrParse {
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, reason: `"${text}" has no prefix length (expected e.g. 10.0.0.0/8)` };
  const addrText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const addr = parseIp(addrText);
  if (!addr) return { ok: false, reason: `"${addrText}" is not an IPv4 or IPv6 address` };
  const bits = FAMILY_BITS[addr.family];
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    return { ok: false, reason: `prefix length "${prefixText}" is not a number from 0 to ${bits}` };
  }
  const prefix = Number(prefixText);
  const hostMask = familyMax(addr.family) >> BigInt(prefix);
  const lo = addr.value & ~hostMask & familyMax(addr.family);
  const hi = lo | hostMask;
  return {
    ok: true,
    hostBitsSet: lo !== addr.value,
    cidr: { family: addr.family, text: `${formatIp(addr.family, lo)}/${prefix}`, lo, hi },
  };
}

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.lo <= inner.lo && inner.hi <= outer.hi;
}
