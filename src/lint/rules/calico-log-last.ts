import { calicoPolicyRef } from '../../model/calico-policy.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'calico-log-last',
    description: 'A Calico Log rule with no rule after it in its policy: it logs, and nothing in the policy then decides what it logged',
    severity: 'info',
    rationale:
      'A Log rule only logs; evaluation goes on with the next rule (NetworkPolicy reference, "Action"). The usual pattern is Log then Deny (or Allow) with the same match ("Get started with Calico network policy", "Generate logs for specific traffic"); a Log at the end of a policy leaves the decision to later policies or to the end-of-tier deny, which is rarely what was meant.',
    fix: 'Follow the Log rule with the rule that decides the same traffic (usually Deny), or remove it.',
    messages: { last: '{direction} rule {rule} (Log) is the last rule of the policy: what it logs is decided elsewhere' },
    examples: {
      bad: "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: audit}\nspec:\n  selector: all()\n  ingress:\n  - action: Log\n    protocol: TCP\n",
      good: "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: audit}\nspec:\n  selector: all()\n  ingress:\n  - action: Log\n    protocol: TCP\n  - action: Deny\n    protocol: TCP\n",
    },
  },
  check(ctx, report) {
    for (const p of ctx.snapshot.calico?.policies ?? []) {
      for (const rules of [p.ingress, p.egress]) {
        const last = rules[rules.length - 1];
        if (last?.action === 'Log') report('last', { direction: last.direction, rule: last.index }, { source: last.at, object: calicoPolicyRef(p) });
      }
    }
  },
});
