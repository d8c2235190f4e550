import type { MatchedRule, SetAlgebra } from './admin-tiers.js';
import { throughCalicoTiers, type CalicoOutcome, type CalicoStep, type CalicoTierSteps } from './calico-combine.js';
import { calicoRuleConnections, calicoRuleHasNamedPorts } from './calico-ports.js';
import type { CalicoTierSide, CompiledCalicoRule } from './compile-calico.js';
import type { ConnectionPool } from './connection-pool.js';
import type { PodIndex } from './pod-index.js';
import type { ConnectionSet } from '../net/connection-set.js';

/** The matched rules of the admin network policies for one side, per kube tier. */
export interface AdminSteps<T> {
  admin: readonly MatchedRule<T>[];
  baseline: readonly MatchedRule<T>[];
}

/**
 * The matrix's view of Calico: one side of one pair (source entity `s`, destination entity `d`)
 * through the tiers that apply to the endpoint, as interned connection-set ids; rule ports are
 * resolved against the destination's pod class and cached.
 */
export class CalicoSides {
  private readonly ids = new Map<CompiledCalicoRule, number>();
  private readonly named = new Map<CompiledCalicoRule, Map<number, number>>();

  constructor(
    private readonly pool: ConnectionPool,
    private readonly pods: PodIndex,
    private readonly algebra: SetAlgebra<number>,
  ) {}

  /** `networkPolicy`: what NetworkPolicy allows on this side (`null` when it does not isolate); `admin`: the admin rules matching the peer. */
  side(tiers: readonly CalicoTierSide[], s: number, d: number, networkPolicy: number | null, admin: AdminSteps<number> | null): number {
    if (tiers.length === 0) return this.algebra.all;
    return this.outcome(tiers, s, d, networkPolicy, admin).allowed;
  }

  outcome(tiers: readonly CalicoTierSide[], s: number, d: number, networkPolicy: number | null, admin: AdminSteps<number> | null): CalicoOutcome<number> {
    return throughCalicoTiers(this.algebra, calicoSteps(tiers, s, d, networkPolicy, admin, (r) => this.ports(r, d)));
  }

  private ports(r: CompiledCalicoRule, d: number): number {
    const P = this.pods.classes.length;
    if (r.dstIn) return this.perDestination(r, d, () => calicoRuleConnections(r.rule, d < P ? this.pods.classes[d]!.ports : null, (addresses) => r.dstIn!(d, addresses)));
    if (d >= P || !calicoRuleHasNamedPorts(r.rule)) {
      let id = this.ids.get(r);
      if (id === undefined) this.ids.set(r, (id = this.pool.id(calicoRuleConnections(r.rule, null))));
      return id;
    }
    return this.perDestination(r, d, () => calicoRuleConnections(r.rule, this.pods.classes[d]!.ports));
  }

  /** The rule's connections towards destination entity `d`, computed once. */
  private perDestination(r: CompiledCalicoRule, d: number, connections: () => ConnectionSet): number {
    let perEntity = this.named.get(r);
    if (!perEntity) this.named.set(r, (perEntity = new Map()));
    let id = perEntity.get(d);
    if (id === undefined) perEntity.set(d, (id = this.pool.id(connections())));
    return id;
  }
}

/** The steps of each tier for the pair (s, d): each rule that matches it with its connections, NetworkPolicy as one allow, the admin rules. */
export function calicoSteps<T>(tiers: readonly CalicoTierSide[], s: number, d: number, networkPolicy: T | null, admin: AdminSteps<T> | null, ports: (r: CompiledCalicoRule) => T): CalicoTierSteps<T>[] {
  const sw = s >>> 5;
  const sb = 1 << (s & 31);
  const dw = d >>> 5;
  const db = 1 << (d & 31);
  return tiers.map((t) => {
    const steps: CalicoStep<T>[] = [];
    for (const item of t.items) {
      if (item.kind === 'knp') {
        if (networkPolicy !== null) steps.push({ action: 'allow', matched: networkPolicy });
      } else if (item.kind === 'admin') {
        for (const m of admin?.[item.which] ?? []) steps.push({ action: m.action, matched: m.ports });
      } else {
        for (const r of item.rules) {
          if (r.rule.action === 'Log' || !(r.src.words[sw]! & sb) || !(r.dst.words[dw]! & db)) continue;
          steps.push({ action: r.rule.action === 'Allow' ? 'allow' : r.rule.action === 'Deny' ? 'deny' : 'pass', matched: ports(r) });
        }
      }
    }
    return { steps, defaultAction: t.tier.defaultAction };
  });
}
