import { representativeEndpoint, type Connectivity, type Node } from '../engine/connectivity.js';
import { adminRuleRef } from '../model/admin-policy.js';
import type { Endpoint } from '../engine/endpoint.js';
import { Explainer } from '../explain/explain.js';
import type { DirectionVerdict } from '../explain/verdict.js';
import type { AdminAction } from '../model/admin-policy.js';
import type { Snapshot } from '../model/snapshot.js';
import { formatSource } from '../model/source.js';
import type { ConnectionSet } from '../net/connection-set.js';
import type { PairChange } from './connectivity-diff.js';

/** Why a pair changed: the rules that allow the added ports now, and those that allowed the removed ones. */
export interface ChangeReasons {
  /** `ns/policy ingress rule 0 (file:line)` for rules of the head that open added ports. */
  addedBy: string[];
  /** Rules of the base that opened the removed ports. */
  removedFrom: string[];
  /** Policies that isolate an end in the head but did not in the base. */
  newlyIsolatedBy: string[];
  /** Cluster-wide rules of the head that deny removed ports. */
  deniedBy: string[];
}

function representative(node: Node | undefined): Endpoint | undefined {
  return node ? representativeEndpoint(node) : undefined;
}

/** Cluster-wide rules of one side that decided some of `ports` with one of `actions`. */
function tierRules(v: DirectionVerdict, ports: ConnectionSet, actions: readonly AdminAction[]): string[] {
  if (!v.tiers) return [];
  return [...v.tiers.admin, ...v.tiers.baseline]
    .filter((a) => actions.includes(a.rule.action) && !a.decided.intersect(ports).isEmpty())
    .map((a) => `${adminRuleRef(a.policy, a.rule)}: ${a.rule.actionText} (${formatSource(a.rule.source)})`);
}

function opening(v: DirectionVerdict, ports: ConnectionSet): string[] {
  const npDecides = !v.tiers || !v.tiers.toNetworkPolicy.intersect(ports).isEmpty();
  const np = npDecides
    ? v.rules
        .filter((r) => r.matchedPeer !== null && !r.ports.intersect(ports).isEmpty())
        .map((r) => `${r.policy.namespace}/${r.policy.name} ${r.rule.direction} rule ${r.rule.index} (${formatSource(r.rule.source)})`)
    : [];
  return [...tierRules(v, ports, ['allow']), ...np];
}

export class Responsibility {
  private readonly base: Explainer;
  private readonly head: Explainer;
  private readonly baseNodes: Map<string, Node>;
  private readonly headNodes: Map<string, Node>;

  constructor(base: Snapshot, baseView: Connectivity, head: Snapshot, headView: Connectivity) {
    this.base = new Explainer(base);
    this.head = new Explainer(head);
    this.baseNodes = new Map(baseView.nodes.map((n) => [n.id, n]));
    this.headNodes = new Map(headView.nodes.map((n) => [n.id, n]));
  }

  reasons(c: PairChange): ChangeReasons {
    const out: ChangeReasons = { addedBy: [], removedFrom: [], newlyIsolatedBy: [], deniedBy: [] };
    const hs = representative(this.headNodes.get(c.src));
    const hd = representative(this.headNodes.get(c.dst));
    const bs = representative(this.baseNodes.get(c.src));
    const bd = representative(this.baseNodes.get(c.dst));
    if (!c.added.isEmpty() && hs && hd) {
      const e = this.head.explain(hs, hd);
      out.addedBy = [...opening(e.egress, c.added), ...opening(e.ingress, c.added)];
    }
    if (!c.removed.isEmpty() && bs && bd) {
      const e = this.base.explain(bs, bd);
      out.removedFrom = [...opening(e.egress, c.removed), ...opening(e.ingress, c.removed)];
      if (hs && hd) {
        const now = this.head.explain(hs, hd);
        out.deniedBy = [...tierRules(now.egress, c.removed, ['deny']), ...tierRules(now.ingress, c.removed, ['deny'])];
        const was = new Set([...e.egress.isolatedBy, ...e.ingress.isolatedBy].map((p) => `${p.namespace}/${p.name}`));
        out.newlyIsolatedBy = [...now.egress.isolatedBy, ...now.ingress.isolatedBy]
          .filter((p) => !was.has(`${p.namespace}/${p.name}`))
          .map((p) => `${p.namespace}/${p.name} (${formatSource(p.source)})`);
      }
    }
    return out;
  }
}
