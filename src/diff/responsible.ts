import { representativeEndpoint, type Connectivity, type Node } from '../engine/connectivity.js';
import { adminRuleRef } from '../model/admin-policy.js';
import type { Endpoint } from '../engine/endpoint.js';
import { Explainer } from '../explain/explain.js';
import type { AdminRuleVerdict, DirectionVerdict } from '../explain/verdict.js';
import type { CalicoVerdict } from '../explain/calico-verdict.js';
import { calicoRuleText } from '../model/calico-policy.js';
import { ciliumRuleRef } from '../model/cilium-policy.js';
import type { AdminAction } from '../model/admin-policy.js';
import type { Snapshot } from '../model/snapshot.js';
import { formatSource } from '../model/source.js';
import type { ConnectionSet } from '../net/connection-set.js';
import type { PairChange } from './connectivity-diff.js';

/** Why a pair changed: the rules that allow the added ports now, and those that allowed the removed ones. */
export interface ChangeReasons {
  /** `ns/policy ingress rule 0 (file:line)` for rules of the head that open added ports (NetworkPolicy, cluster-wide, Cilium and Calico rules, Calico's namespace profile). */
  addedBy: string[];
  /** Rules of the base that opened the removed ports. */
  removedFrom: string[];
  /** Policies that isolate an end in the head but did not in the base. */
  newlyIsolatedBy: string[];
  /** Rules of the head that deny removed ports: cluster-wide, Cilium deny rules, Calico Deny rules and tier ends. */
  deniedBy: string[];
}

function representative(node: Node | undefined): Endpoint | undefined {
  return node ? representativeEndpoint(node) : undefined;
}

/** Cluster-wide rules of one side that decided some of `ports` with one of `actions`. */
function tierRules(v: DirectionVerdict, ports: ConnectionSet, actions: readonly AdminAction[]): string[] {
  if (!v.tiers) return [];
  return [...v.tiers.admin, ...v.tiers.baseline].filter((a) => actions.includes(a.rule.action) && !a.decided.intersect(ports).isEmpty()).map(adminText);
}

const adminText = (a: AdminRuleVerdict): string => `${adminRuleRef(a.policy, a.rule)}: ${a.rule.actionText} (${formatSource(a.rule.source)})`;

/** NetworkPolicy rules of one side whose peer matches and that open some of `ports`. */
function networkPolicyRules(v: DirectionVerdict, ports: ConnectionSet): string[] {
  return v.rules.filter((r) => r.matchedPeer !== null && !r.ports.intersect(ports).isEmpty()).map((r) => `${r.policy.namespace}/${r.policy.name} ${r.rule.direction} rule ${r.rule.index} (${formatSource(r.rule.source)})`);
}

/** Cilium rules of one side, allow or deny, whose peer matches and that name some of `ports`. */
function ciliumRules(v: DirectionVerdict, ports: ConnectionSet, deny: boolean): string[] {
  return (v.cilium?.rules ?? []).filter((r) => r.rule.deny === deny && r.matchedPeer !== null && !r.ports.intersect(ports).isEmpty()).map((r) => `${ciliumRuleRef(r.policy, r.rule)} (${formatSource(r.policy.source)})`);
}

/**
 * Under Calico, the tier steps that decided some of `ports` with `action` (first match wins:
 * each step's effect is what it decided), Kubernetes NetworkPolicy's rules for the knp.default
 * step; for deny, also a tier's end with default action Deny.
 */
function calicoSteps(v: DirectionVerdict, c: CalicoVerdict, ports: ConnectionSet, action: 'allow' | 'deny'): string[] {
  const out: string[] = [];
  for (const t of c.tiers) {
    for (const s of t.steps) {
      const decided = s.effect.intersect(ports);
      if (decided.isEmpty()) continue;
      if (s.kind === 'networkPolicy') {
        if (action === 'allow') out.push(...networkPolicyRules(v, decided));
      } else if (s.kind === 'admin') {
        if (s.verdict.rule.action === action) out.push(adminText(s.verdict));
      } else if (s.rule.action === (action === 'allow' ? 'Allow' : 'Deny')) out.push(calicoRuleText(s.policy, s.rule));
    }
    if (action === 'deny' && t.tier.defaultAction === 'Deny' && !t.ended.intersect(ports).isEmpty()) out.push(`the end of Calico tier ${t.tier.name} (default action Deny; no rule of the policies that select it decides)`);
  }
  // The namespace profile allows what no tier decided, as a side no NetworkPolicy isolates: no rule to name.
  return out;
}

/** What opened some of `ports` on one side: cluster-wide allows, then the NetworkPolicy rules that decide there, Cilium's allow rules; under Calico, its tier walk. A side nothing isolates names nothing. */
function opening(v: DirectionVerdict, ports: ConnectionSet): string[] {
  if (v.calico) return calicoSteps(v, v.calico, ports, 'allow');
  const npDecides = !v.tiers || !v.tiers.toNetworkPolicy.intersect(ports).isEmpty();
  return [...tierRules(v, ports, ['allow']), ...(npDecides ? networkPolicyRules(v, ports) : []), ...ciliumRules(v, ports, false)];
}

/** What denies some of `ports` on one side: cluster-wide denies and Cilium's deny rules; under Calico, its Deny rules and tier ends. */
function denying(v: DirectionVerdict, ports: ConnectionSet): string[] {
  if (v.calico) return calicoSteps(v, v.calico, ports, 'deny');
  return [...tierRules(v, ports, ['deny']), ...ciliumRules(v, ports, true)];
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
        out.deniedBy = [...denying(now.egress, c.removed), ...denying(now.ingress, c.removed)];
        const was = new Set([...e.egress.isolatedBy, ...e.ingress.isolatedBy].map((p) => `${p.namespace}/${p.name}`));
        out.newlyIsolatedBy = [...now.egress.isolatedBy, ...now.ingress.isolatedBy]
          .filter((p) => !was.has(`${p.namespace}/${p.name}`))
          .map((p) => `${p.namespace}/${p.name} (${formatSource(p.source)})`);
      }
    }
    return out;
  }
}
