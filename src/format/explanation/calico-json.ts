import { calicoPolicyRef } from '../../model/calico-policy.js';
import { formatSource } from '../../model/source.js';
import type { CalicoVerdict } from '../../explain/calico-verdict.js';
import { adminRuleRef } from './describe.js';

/** Calico's part of one side, as `can -o json` writes it: tiers, their steps in order with what each matched and decided. */
export function calicoJson(c: CalicoVerdict) {
  return {
    tiers: c.tiers.map((t) => ({
      tier: t.tier.name,
      order: t.tier.order ?? null,
      defaultAction: t.tier.defaultAction,
      selectedBy: t.selectedBy.map((p) => ({ policy: calicoPolicyRef(p), order: p.order ?? null, source: formatSource(p.source) })),
      steps: t.steps.map((s) =>
        s.kind === 'rule'
          ? { kind: 'rule', policy: calicoPolicyRef(s.policy), order: s.policy.order ?? null, direction: s.rule.direction, rule: s.rule.index, action: s.rule.action, source: formatSource(s.rule.at), matched: s.matched.toString(), decided: s.effect.toString(), ...(s.rule.unmodelled.length ? { unmodelled: s.rule.unmodelled } : {}), ...(s.serviceAccounts ? { serviceAccounts: s.serviceAccounts } : {}), ...(s.services ? { services: s.services } : {}), ...(s.podNets ? { podNets: s.podNets } : {}) }
          : s.kind === 'networkPolicy'
            ? { kind: 'networkPolicy', action: 'Allow', matched: s.matched.toString(), decided: s.effect.toString() }
            : { kind: 'admin', rule: adminRuleRef(s.verdict.policy, s.verdict.rule), action: s.verdict.rule.actionText, source: formatSource(s.verdict.rule.source), matched: s.verdict.matchedPeer !== null ? s.verdict.ports.toString() : 'No Connections', decided: s.effect.toString() },
      ),
      endedByDefaultAction: t.ended.toString(),
    })),
    profile: c.profile.toString(),
  };
}
