import type { AdminPolicy } from '../model/admin-policy.js';
import type { CalicoObjects } from '../model/calico-policy.js';
import type { CiliumPolicy } from '../model/cilium-policy.js';
import type { Cidr, IpBlockPeer, NetworkPolicy } from '../model/policy.js';
import type { Snapshot } from '../model/snapshot.js';
import { familyMax, parseIp, type IpFamily } from '../net/ip-address.js';
import { IpRanges } from '../net/ip-ranges.js';

/** A maximal address interval that no ipBlock splits: every peer holds all of it or none. */
export interface ExternalBlock {
  family: IpFamily;
  lo: bigint;
  hi: bigint;
}

export function ipBlockPeers(policies: readonly NetworkPolicy[]): IpBlockPeer[] {
  const out: IpBlockPeer[] = [];
  for (const p of policies) {
    for (const r of [...p.ingress, ...p.egress]) {
      if (r.peers === 'any') continue;
      for (const peer of r.peers) if (peer.kind === 'ipBlock') out.push(peer);
    }
  }
  return out;
}

/** The CIDRs of the `networks` peers of cluster-wide policies. */
export function networkCidrs(policies: readonly AdminPolicy[] | undefined): Cidr[] {
  const out: Cidr[] = [];
  for (const p of policies ?? []) for (const r of p.egress) for (const peer of r.peers) if (peer.kind === 'networks') out.push(...peer.cidrs);
  return out;
}

/** The CIDRs (and excepts) of Cilium rules' CIDR peers, and the addresses of Services without a selector that `toServices` names. */
export function ciliumCidrs(policies: readonly CiliumPolicy[] | undefined): Cidr[] {
  const out: Cidr[] = [];
  for (const p of policies ?? []) {
    for (const r of p.rules) {
      if (r.peers === 'any') continue;
      for (const peer of r.peers) {
        if (peer.kind === 'cidr') out.push(peer.cidr, ...peer.except);
        else if (peer.kind === 'service') for (const s of peer.services) if ('addresses' in s) out.push(...s.addresses);
      }
    }
  }
  return out;
}

/** The CIDRs of Calico rules' nets and notNets, of the EndpointSlice addresses of Services their `services` name, and of network sets. */
export function calicoCidrs(calico: CalicoObjects | undefined): Cidr[] {
  const out: Cidr[] = [];
  for (const p of calico?.policies ?? []) {
    for (const r of [...p.ingress, ...p.egress]) {
      for (const e of [r.source, r.destination]) {
        out.push(...(e.nets ?? []), ...e.notNets);
        if (e.services?.backend?.kind === 'slices') for (const s of e.services.backend.slices) out.push(...s.addresses);
      }
    }
  }
  for (const s of calico?.networkSets ?? []) out.push(...s.nets);
  return out;
}

/** Whether the snapshot speaks of IPv6 at all (an ipBlock or a pod address); reports show IPv6 ranges only then. */
export function mentionsIpv6(snapshot: Snapshot): boolean {
  const podV6 = snapshot.pods.some((p) => p.ips.some((ip) => ip.includes(':') && parseIp(ip)?.family === 6));
  return podV6 || ipBlockPeers(snapshot.policies).some((p) => p.cidr.family === 6) || networkCidrs(snapshot.adminPolicies).some((c) => c.family === 6) || ciliumCidrs(snapshot.ciliumPolicies).some((c) => c.family === 6) || calicoCidrs(snapshot.calico).some((c) => c.family === 6);
}

/** Blocks made, by the policy lists they were cut from: a question builds them for each plugin variant of one snapshot, which share the lists. */
const blocksMade = new WeakMap<readonly unknown[], { from: Snapshot; blocks: readonly ExternalBlock[] }[]>();

/**
 * Cuts both address spaces into disjoint blocks at every ipBlock boundary (cidr and except) and
 * every `networks` CIDR of cluster-wide policies. The same array for snapshots that share their
 * policy lists (read it, never change it).
 */
export function externalBlocks(snapshot: Snapshot): readonly ExternalBlock[] {
  const made = blocksMade.get(snapshot.policies) ?? [];
  const same = made.find((m) => m.from.adminPolicies === snapshot.adminPolicies && m.from.ciliumPolicies === snapshot.ciliumPolicies && m.from.calico === snapshot.calico);
  if (same) return same.blocks;
  const blocks = cutBlocks(snapshot);
  if (made.length < 8) blocksMade.set(snapshot.policies, [...made, { from: snapshot, blocks }]);
  return blocks;
}

function cutBlocks(snapshot: Snapshot): ExternalBlock[] {
  const cidrs: Cidr[] = [];
  for (const peer of ipBlockPeers(snapshot.policies)) cidrs.push(peer.cidr, ...peer.except);
  cidrs.push(...networkCidrs(snapshot.adminPolicies), ...ciliumCidrs(snapshot.ciliumPolicies), ...calicoCidrs(snapshot.calico));
  const blocks: ExternalBlock[] = [];
  for (const family of [4, 6] as const) {
    const cuts = new Set<bigint>([0n]);
    for (const c of cidrs) {
      if (c.family !== family) continue;
      cuts.add(c.lo);
      if (c.hi < familyMax(family)) cuts.add(c.hi + 1n);
    }
    const sorted = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    sorted.forEach((lo, i) => {
      const next = sorted[i + 1];
      blocks.push({ family, lo, hi: next === undefined ? familyMax(family) : next - 1n });
    });
  }
  return blocks;
}

/** Index of the block holding an address. */
export function blockOf(blocks: readonly ExternalBlock[], family: IpFamily, addr: bigint): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid]!;
    if (family < b.family || (family === b.family && addr < b.lo)) hi = mid - 1;
    else if (family > b.family || addr > b.hi) lo = mid + 1;
    else return mid;
  }
  throw new Error(`no block holds ${addr} (IPv${family})`);
}

/** Indices of the blocks inside an ipBlock peer (`cidr` minus `except`). */
export function blocksOfPeer(blocks: readonly ExternalBlock[], peer: IpBlockPeer): number[] {
  const ranges = IpRanges.fromIpBlock(peer.cidr, peer.except);
  const out: number[] = [];
  blocks.forEach((b, i) => {
    if (ranges.has(b.family, b.lo)) out.push(i);
  });
  return out;
}

/**
 * The blocks inside some ipBlock peer: pods with an IP there are told apart, as a plugin that
 * matches pods by ipBlock tells them apart (docs/cni-profiles.md). Empty, and nothing computed,
 * when no pod has a known IP or no policy has an ipBlock.
 */
export function ipBlockCoveredBlocks(snapshot: Snapshot, blocks: readonly ExternalBlock[]): Set<number> {
  const covered = new Set<number>();
  if (!snapshot.pods.some((p) => p.ips.length > 0)) return covered;
  const peers = ipBlockPeers(snapshot.policies);
  if (peers.length === 0) return covered;
  const seen = new Set<string>();
  for (const peer of peers) {
    const key = `${peer.cidr.text} ${peer.except.map((c) => c.text).join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const b of blocksOfPeer(blocks, peer)) covered.add(b);
  }
  return covered;
}

/**
 * The blocks a pod's IP may be told apart by: those inside some ipBlock peer
 * (ipBlockCoveredBlocks) and those inside some Calico net, notNet or network set, which Calico
 * matches pods by (docs/calico.md, "Addresses"). Empty, and nothing computed, when no pod has a
 * known IP.
 */
export function podAddressCoveredBlocks(snapshot: Snapshot, blocks: readonly ExternalBlock[]): Set<number> {
  const covered = ipBlockCoveredBlocks(snapshot, blocks);
  const cidrs = calicoCidrs(snapshot.calico);
  if (cidrs.length === 0 || !snapshot.pods.some((p) => p.ips.length > 0)) return covered;
  for (const b of blocksOfCidrs(blocks, cidrs)) covered.add(b);
  return covered;
}

/** Indices of the blocks inside any of these CIDRs. */
export function blocksOfCidrs(blocks: readonly ExternalBlock[], cidrs: readonly Cidr[]): number[] {
  const out: number[] = [];
  blocks.forEach((b, i) => {
    if (cidrs.some((c) => c.family === b.family && c.lo <= b.lo && b.hi <= c.hi)) out.push(i);
  });
  return out;
}
