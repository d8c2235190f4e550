import { calicoPolicyRef, type CalicoPolicy } from '../../model/calico-policy.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'calico-order-tie',
    description: 'Two Calico policies of one tier with the same order that act in the same direction: their names decide which comes first',
    severity: 'info',
    rationale:
      'Calico sorts the policies of a tier by order, then by name (NetworkPolicy reference, "order"; the Tier reference). With the same order, renaming a policy can change which of two conflicting rules wins: an order that says the intent is safer.',
    fix: 'Give the policies distinct orders (lower is evaluated first).',
    messages: { tie: '{policy} and {other} have the same order {order} in tier {tier}: Calico evaluates them by name ({first} first)' },
    examples: {
      bad: "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: allow-web}\nspec:\n  order: 100\n  selector: all()\n  ingress: [{action: Allow}]\n---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: deny-all}\nspec:\n  order: 100\n  selector: all()\n  ingress: [{action: Deny}]\n",
      good: "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: allow-web}\nspec:\n  order: 100\n  selector: all()\n  ingress: [{action: Allow}]\n---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: deny-all}\nspec:\n  order: 200\n  selector: all()\n  ingress: [{action: Deny}]\n",
    },
  },
  check(ctx, report) {
    const byKey = new Map<string, CalicoPolicy[]>();
    for (const p of ctx.snapshot.calico?.policies ?? []) {
      if (p.order === undefined) continue;
      const key = `${p.tier}\u0000${p.order}`;
      byKey.set(key, [...(byKey.get(key) ?? []), p]);
    }
    for (const group of byKey.values()) {
      const sorted = [...group].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (let i = 1; i < sorted.length; i++) {
        const [a, b] = [sorted[i - 1]!, sorted[i]!];
        if (!((a.types.ingress && b.types.ingress) || (a.types.egress && b.types.egress))) continue;
        if (a.namespace !== undefined && b.namespace !== undefined && a.namespace !== b.namespace) continue; // never select the same pod
        report('tie', { policy: calicoPolicyRef(b), other: calicoPolicyRef(a), order: b.order!, tier: b.tier, first: a.name }, { source: b.source, object: calicoPolicyRef(b) });
      }
    }
  },
});
