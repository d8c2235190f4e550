import type { Protocol } from '../../src/model/policy.js';
import { ConnectionSet } from '../../src/net/connection-set.js';
import { parseIp } from '../../src/net/ip-address.js';
import { PortSet } from '../../src/net/port-set.js';

/**
 * Semantic comparison of np-guard connectivity lists (`SRC => DST : CONNS`), as the corpus
 * README prescribes: lines as a set, CONNS as protocol → merged ports, and lines with an
 * `[External]` peer as a function IPv4 address → connections per (workload, direction).
 */
export function parseConns(text: string): ConnectionSet {
  const t = text.trim();
  if (t === 'All Connections') return ConnectionSet.ALL;
  if (t === '' || t === 'No Connections') return ConnectionSet.NONE;
  const parts: Record<Protocol, [number, number][]> = { TCP: [], UDP: [], SCTP: [] };
  let current: Protocol | undefined;
  for (const token of t.split(',')) {
    let item = token.trim();
    const m = /^(TCP|UDP|SCTP)\s+(.*)$/.exec(item);
    if (m) {
      current = m[1] as Protocol;
      item = m[2]!;
    }
    if (!current) throw new Error(`cannot parse connections "${text}"`);
    if (item === '') continue;
    const [a, b] = item.split('-').map(Number);
    parts[current].push([a!, b ?? a!]);
  }
  return ConnectionSet.of({ TCP: PortSet.of(parts.TCP), UDP: PortSet.of(parts.UDP), SCTP: PortSet.of(parts.SCTP) });
}

interface IpPiece {
  lo: bigint;
  hi: bigint;
  conns: ConnectionSet;
}

export interface ConnList {
  pairs: Map<string, ConnectionSet>;
  /** `in|workload` or `out|workload` → pieces of IPv4 space. */
  external: Map<string, IpPiece[]>;
}

function parseRange(id: string): { lo: bigint; hi: bigint }[] | undefined {
  const m = /^(.*)\[External\]$/.exec(id);
  if (!m) return undefined;
  const out: { lo: bigint; hi: bigint }[] = [];
  for (const r of m[1]!.split(',')) {
    const [a, b] = r.split('-');
    const lo = parseIp(a!);
    const hi = parseIp(b ?? a!);
    if (!lo || !hi) throw new Error(`bad range ${r}`);
    if (lo.family !== 4) return []; // the corpus models IPv4 only
    out.push({ lo: lo.value, hi: hi.value });
  }
  return out;
}

export function parseConnList(text: string): ConnList {
  const pairs = new Map<string, ConnectionSet>();
  const external = new Map<string, IpPiece[]>();
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) continue;
    const m = /^(\S+) => (\S+) : (.*)$/.exec(line);
    if (!m) throw new Error(`cannot parse line "${line}"`);
    const [, src, dst, connText] = m as unknown as [string, string, string, string];
    const conns = parseConns(connText);
    if (conns.isEmpty()) continue;
    const srcRanges = parseRange(src);
    const dstRanges = parseRange(dst);
    if (srcRanges || dstRanges) {
      const key = srcRanges ? `in|${dst}` : `out|${src}`;
      const list = external.get(key) ?? [];
      for (const r of srcRanges ?? dstRanges!) list.push({ ...r, conns });
      external.set(key, list);
      continue;
    }
    const key = `${src} => ${dst}`;
    pairs.set(key, (pairs.get(key) ?? ConnectionSet.NONE).union(conns));
  }
  for (const [k, pieces] of external) external.set(k, canonicalPieces(pieces));
  return { pairs, external };
}

/** Splits overlapping pieces, unions their connections, merges equal neighbours. */
function canonicalPieces(pieces: IpPiece[]): IpPiece[] {
  const cuts = new Set<bigint>();
  for (const p of pieces) cuts.add(p.lo).add(p.hi + 1n);
  const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: IpPiece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const lo = sorted[i]!;
    const hi = sorted[i + 1]! - 1n;
    let conns = ConnectionSet.NONE;
    for (const p of pieces) if (p.lo <= lo && hi <= p.hi) conns = conns.union(p.conns);
    if (conns.isEmpty()) continue;
    const last = out[out.length - 1];
    if (last && last.hi + 1n === lo && last.conns.equals(conns)) last.hi = hi;
    else out.push({ lo, hi, conns });
  }
  return out;
}

/** Differences between two lists, as readable lines; empty when they mean the same. */
export function compareConnLists(expected: ConnList, actual: ConnList): string[] {
  const diffs: string[] = [];
  for (const [k, e] of expected.pairs) {
    const a = actual.pairs.get(k);
    if (!a) diffs.push(`missing: ${k} : ${e}`);
    else if (!a.equals(e)) diffs.push(`differs: ${k} : expected ${e}, got ${a}`);
  }
  for (const [k, a] of actual.pairs) if (!expected.pairs.has(k)) diffs.push(`extra: ${k} : ${a}`);
  const keys = new Set([...expected.external.keys(), ...actual.external.keys()]);
  for (const k of keys) {
    const e = expected.external.get(k) ?? [];
    const a = actual.external.get(k) ?? [];
    const same = e.length === a.length && e.every((p, i) => p.lo === a[i]!.lo && p.hi === a[i]!.hi && p.conns.equals(a[i]!.conns));
    if (!same) diffs.push(`external ${k}: expected ${show(e)}; got ${show(a)}`);
  }
  return diffs;
}

function show(pieces: IpPiece[]): string {
  return pieces.map((p) => `[${p.lo}-${p.hi}: ${p.conns}]`).join(' ') || 'nothing';
}
