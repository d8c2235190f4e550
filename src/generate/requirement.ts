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

  /**
   * Pods with the same key need the same connections with every other pod (a stored requirement:
   * each pod its own key; one read from a matrix: the engine's pod class), so that pairs can be
   * taken once per pair of keys. `betweenKeys` is `between` of two pods with those keys that are
   * not the same pod.
   */
  keyOf(pod: Pod): unknown {
    return pod;
  }

  betweenKeys(src: unknown, dst: unknown): ConnectionSet {
    return this.between(src as Pod, dst as Pod);
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

/**
 * What the matrix allows, as a requirement: every pod pair, and every pod to and from every
 * external block. Read from the matrix when asked, not stored: a stored table of every pod pair
 * ran out of memory at 2,000 pods.
 */
export function requirementOfMatrix(m: ReachabilityMatrix, pods: readonly Pod[]): Requirement {
  return new MatrixRequirement(m, pods);
}

class MatrixRequirement extends Requirement {
  private readonly entity = new Map<Pod, number>();
  private readonly outside = new Map<number, { inbound: AddressPiece[]; outbound: AddressPiece[] }>();

  constructor(
    private readonly m: ReachabilityMatrix,
    pods: readonly Pod[],
  ) {
    super(pods);
    for (const p of pods) this.entity.set(p, m.entityOf({ kind: 'pod', pod: p }));
  }

  override allow(): void {
    throw new Error('a requirement read from a matrix is not added to');
  }

  override between(src: Pod, dst: Pod): ConnectionSet {
    if (src === dst && !hasReplicaPeers(src)) return ConnectionSet.NONE;
    return this.m.connections(this.entity.get(src)!, this.entity.get(dst)!);
  }

  override keyOf(pod: Pod): unknown {
    return this.entity.get(pod)!;
  }

  override betweenKeys(src: unknown, dst: unknown): ConnectionSet {
    return this.m.connections(src as number, dst as number);
  }

  override fromOutside(dst: Pod): readonly AddressPiece[] {
    return this.pieces(dst).inbound;
  }

  override toOutside(src: Pod): readonly AddressPiece[] {
    return this.pieces(src).outbound;
  }

  /** Per engine entity (pods no policy tells apart share one), the blocks to and from it. */
  private pieces(pod: Pod): { inbound: AddressPiece[]; outbound: AddressPiece[] } {
    const ea = this.entity.get(pod)!;
    let hit = this.outside.get(ea);
    if (!hit) {
      const inbound: AddressPiece[] = [];
      const outbound: AddressPiece[] = [];
      this.m.blocks.forEach((blk, i) => {
        const e = this.m.blockEntity(i);
        inbound.push({ family: blk.family, lo: blk.lo, hi: blk.hi, connections: this.m.connections(e, ea) });
        outbound.push({ family: blk.family, lo: blk.lo, hi: blk.hi, connections: this.m.connections(ea, e) });
      });
      this.outside.set(ea, (hit = { inbound: unionPieces([], normalizePieces(inbound)), outbound: unionPieces([], normalizePieces(outbound)) }));
    }
    return hit;
  }
}
