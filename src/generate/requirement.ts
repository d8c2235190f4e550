import type { ReachabilityMatrix } from '../engine/matrix.js';
import { ConnectionSet } from '../net/connection-set.js';
import type { Pod } from '../model/snapshot.js';
import { normalizePieces, unionPieces, type AddressPiece } from './address-pieces.js';

/** Where a required flow came from, to point at it in a conflict or a failure. */
export interface FlowOrigin {
  /** `file:line` of the expectation or flow line; absent for --freeze. */
  at?: string;
  text: string;
}

/**
 * The connections generated policies must allow, pod by pod, and nothing more. `between(a, a)`
 * speaks of two replicas of one pod template.
 */
export class Requirement {
  private readonly pairs = new Map<Pod, Map<Pod, ConnectionSet>>();
  private readonly inbound = new Map<Pod, AddressPiece[]>();
  private readonly outbound = new Map<Pod, AddressPiece[]>();

  constructor(readonly pods: readonly Pod[]) {}

  allow(src: Pod, dst: Pod, connections: ConnectionSet): void {
    if (connections.isEmpty()) return;
    let row = this.pairs.get(src);
    if (!row) this.pairs.set(src, (row = new Map()));
    row.set(dst, (row.get(dst) ?? ConnectionSet.NONE).union(connections));
  }

  allowFromOutside(dst: Pod, pieces: readonly AddressPiece[]): void {
    this.inbound.set(dst, unionPieces(this.inbound.get(dst) ?? [], normalizePieces(pieces)));
  }

  allowToOutside(src: Pod, pieces: readonly AddressPiece[]): void {
    this.outbound.set(src, unionPieces(this.outbound.get(src) ?? [], normalizePieces(pieces)));
  }

  between(src: Pod, dst: Pod): ConnectionSet {
    return this.pairs.get(src)?.get(dst) ?? ConnectionSet.NONE;
  }

  fromOutside(dst: Pod): readonly AddressPiece[] {
    return this.inbound.get(dst) ?? [];
  }

  toOutside(src: Pod): readonly AddressPiece[] {
    return this.outbound.get(src) ?? [];
  }
}

/** A pod that stands for several replicas talks to its own replicas: a pair like any other. */
export function hasReplicaPeers(pod: Pod): boolean {
  return pod.fromTemplate && pod.replicas > 1;
}

/** What the matrix allows, as a requirement: every pod pair, and every pod to and from every external block. */
export function requirementOfMatrix(m: ReachabilityMatrix, pods: readonly Pod[]): Requirement {
  const r = new Requirement(pods);
  const entity = new Map(pods.map((p) => [p, m.entityOf({ kind: 'pod', pod: p })]));
  for (const a of pods) {
    const ea = entity.get(a)!;
    for (const b of pods) {
      if (a === b && !hasReplicaPeers(a)) continue;
      r.allow(a, b, m.connections(ea, entity.get(b)!));
    }
    const inbound: AddressPiece[] = [];
    const outbound: AddressPiece[] = [];
    m.blocks.forEach((blk, i) => {
      const e = m.blockEntity(i);
      inbound.push({ family: blk.family, lo: blk.lo, hi: blk.hi, connections: m.connections(e, ea) });
      outbound.push({ family: blk.family, lo: blk.lo, hi: blk.hi, connections: m.connections(ea, e) });
    });
    r.allowFromOutside(a, inbound);
    r.allowToOutside(a, outbound);
  }
  return r;
}
