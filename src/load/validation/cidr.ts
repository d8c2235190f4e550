/**
 * CIDR parsing exactly as the API server does it in Kubernetes 1.32:
 * k8s.io/utils/net ParseCIDRSloppy (= internal/third_party/forked/golang/net ParseCIDR, Go's
 * pre-1.17 net.ParseCIDR), used by apimachinery v0.32 pkg/util/validation/validation.go IsValidCIDR.
 *
 * Why not src/net/cidr.ts (ipaddr.js): its rules differ from the API server's. ParseCIDRSloppy
 * - accepts IPv4 parts with leading zeros and reads them as DECIMAL ("010" is 10; ipaddr.js
 *   refuses them or reads them as octal),
 * - accepts any number of leading zeros in the prefix length ("/0008"), and IPv6 groups of more
 *   than four hex digits when the value fits 16 bits ("00000001"),
 * - refuses zones ("fe80::1%eth0"), spaces, a sign in the prefix ("/+8"), and an IPv4 tail in
 *   IPv6 except as the last 32 bits,
 * - accepts host bits past the prefix ("10.0.0.1/8"): the network is the masked address,
 * - keeps an IPv4-mapped IPv6 CIDR ("::ffff:1.2.3.0/120") as IPv6 (16 bytes, prefix ≤ 128).
 * Go's mixed-family IPNet.Contains is reproduced by `ipNetContains`.
 */

export interface SloppyCidr {
  /** 4 for an IPv4 text, 6 for an IPv6 text (also for IPv4-mapped IPv6). */
  family: 4 | 6;
  /** The address as written (host bits kept): 4 or 16 bytes. */
  ip: number[];
  /** The network address (host bits cleared): 4 or 16 bytes, like Go's IPNet.IP. */
  network: number[];
  /** The prefix length, like Go's IPNet.Mask.Size(). */
  prefix: number;
}

const BIG = 0xffffff;

/** Go's dtoi: decimal digits from the start; ok is false when there are none or the value reaches 0xFFFFFF. */
function dtoi(s: string): { n: number; used: number; ok: boolean } {
  let n = 0;
  let i = 0;
  for (; i < s.length && s[i]! >= '0' && s[i]! <= '9'; i++) {
    n = n * 10 + (s.charCodeAt(i) - 48);
    if (n >= BIG) return { n: BIG, used: i, ok: false };
  }
  return i === 0 ? { n: 0, used: 0, ok: false } : { n, used: i, ok: true };
}

/** Go's xtoi: hex digits from the start, same limits. */
function xtoi(s: string): { n: number; used: number; ok: boolean } {
  let n = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s[i]!;
    if (!/^[0-9a-fA-F]$/.test(c)) break;
    n = n * 16 + parseInt(c, 16);
    if (n >= BIG) return { n: 0, used: i, ok: false };
  }
  return i === 0 ? { n: 0, used: 0, ok: false } : { n, used: i, ok: true };
}

/** forked net.parseIPv4: exactly four decimal parts ≤ 255, leading zeros allowed. */
export function parseIPv4Sloppy(text: string): number[] | undefined {
  let s = text;
  const out: number[] = [];
  for (let i = 0; i < 4; i++) {
    if (s.length === 0) return undefined;
    if (i > 0) {
      if (s[0] !== '.') return undefined;
      s = s.slice(1);
    }
    const { n, used, ok } = dtoi(s);
    if (!ok || n > 0xff) return undefined;
    s = s.slice(used);
    out.push(n);
  }
  return s.length === 0 ? out : undefined;
}

/** forked net.parseIPv6: groups of hex ≤ 0xFFFF, one "::", an optional IPv4 tail; no zone. */
export function parseIPv6Sloppy(text: string): number[] | undefined {
  const ip = new Array<number>(16).fill(0);
  let s = text;
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < 16) {
    const { n, used, ok } = xtoi(s);
    if (!ok || n > 0xffff) return undefined;
    if (used < s.length && s[used] === '.') {
      if (ellipsis < 0 && i !== 12) return undefined;
      if (i + 4 > 16) return undefined;
      const v4 = parseIPv4Sloppy(s);
      if (!v4) return undefined;
      ip.splice(i, 4, ...v4);
      s = '';
      i += 4;
      break;
    }
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(used);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const gap = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + gap] = ip[j]!;
    for (let j = ellipsis + gap - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return ip;
}

function maskBytes(bytes: readonly number[], prefix: number): number[] {
  return bytes.map((b, k) => {
    const bits = Math.max(0, Math.min(8, prefix - 8 * k));
    return b & ((0xff << (8 - bits)) & 0xff);
  });
}

/** ParseCIDRSloppy: undefined where Go returns an error. */
export function parseCidrSloppy(text: string): SloppyCidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addr = text.slice(0, slash);
  const mask = text.slice(slash + 1);
  let family: 4 | 6 = 4;
  let ip = parseIPv4Sloppy(addr);
  if (!ip) {
    family = 6;
    ip = parseIPv6Sloppy(addr);
  }
  const { n, used, ok } = dtoi(mask);
  const bits = family === 4 ? 32 : 128;
  if (!ip || !ok || used !== mask.length || n > bits) return undefined;
  return { family, ip, network: maskBytes(ip, n), prefix: n };
}

/** Go's IP.To4 on a 4- or 16-byte address: the IPv4 bytes, or undefined. */
function to4(bytes: readonly number[]): number[] | undefined {
  if (bytes.length === 4) return [...bytes];
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? bytes.slice(12) : undefined;
}

/**
 * Go's (*IPNet).Contains(ip) for nets and addresses from ParseCIDRSloppy. Families mix the
 * way Go mixes them: an IPv4-mapped IPv6 network compares as IPv4 (using the low 32 bits of
 * its mask), and an IPv4-mapped IPv6 address compares as IPv4.
 */
export function ipNetContains(net: SloppyCidr, ip: readonly number[]): boolean {
  let nn = to4(net.network);
  let prefix = net.prefix;
  if (nn !== undefined && net.family === 6) prefix = Math.max(0, net.prefix - 96);
  if (nn === undefined) nn = net.network;
  const addr = to4(ip) ?? [...ip];
  if (addr.length !== nn.length) return false;
  const a = maskBytes(addr, prefix);
  const b = maskBytes(nn, prefix);
  return a.every((x, k) => x === b[k]);
}
