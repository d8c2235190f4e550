import { ConnectionSet } from '../net/connection-set.js';
import type { SetAlgebra } from './admin-tiers.js';
import { combineCilium } from './cilium-combine.js';
import { ciliumRuleConnections } from './cilium-ports.js';
import type { CiliumSide, CompiledCiliumRule } from './compile-cilium.js';
import type { ConnectionPool } from './connection-pool.js';
import type { PodIndex } from './pod-index.js';

/**
 * The matrix's view of Cilium rules: one side of one pair as an interned connection-set id,
 * named ports resolved against the destination's pod class and cached.
 */
export class CiliumSides {
  private readonly ids = new Map<CompiledCiliumRule, number>();
  private readonly named = new Map<CompiledCiliumRule, Map<number, number>>();

  constructor(
    private readonly pool: ConnectionPool,
    private readonly pods: PodIndex,
    private readonly algebra: SetAlgebra<number>,
  ) {}

  /** What `side` lets through towards or from entity `peer`, to destination entity `d`; `networkPolicy`: what NetworkPolicy allows, `null` when it does not isolate. */
  side(side: CiliumSide, peer: number, d: number, networkPolicy: number | null): number {
    const word = peer >>> 5;
    const bit = 1 << (peer & 31);
    const matched = (rules: CompiledCiliumRule[]) => rules.filter((r) => r.peers.words[word]! & bit).map((r) => this.ports(r, d));
    return combineCilium(this.algebra, side.defaultDeny, networkPolicy, matched(side.allow), matched(side.deny));
  }

  private ports(r: CompiledCiliumRule, d: number): number {
    const P = this.pods.classes.length;
    if (!r.named || d >= P) {
      let id = this.ids.get(r);
      if (id === undefined) this.ids.set(r, (id = this.pool.id(r.ports)));
      return id;
    }
    let perClass = this.named.get(r);
    if (!perClass) this.named.set(r, (perClass = new Map()));
    let id = perClass.get(d);
    if (id === undefined) {
      const cs: ConnectionSet = ciliumRuleConnections(r.rule, this.pods.classes[d]!.ports);
      perClass.set(d, (id = this.pool.id(cs)));
    }
    return id;
  }
}
