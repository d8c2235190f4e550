import { calicoPolicyRef } from '../../model/calico-policy.js';
import type { CalicoSelector } from '../../select/calico-selector-ast.js';
import { formatCalicoSelector } from '../../select/calico-selector.js';
import { calicoSelectorOf } from '../../select/calico-selector-cache.js';
import type { SourceRef } from '../../model/source.js';
import { defineRule } from '../rule.js';

/** The `!=` and `not in` terms of a selector that are required (top level, or in a top-level `&&`) with no `has()` of their label beside them. */
export function unguardedNegations(s: CalicoSelector): CalicoSelector[] {
  const terms = s.kind === 'and' ? s.operands : [s];
  const has = new Set(terms.flatMap((t) => (t.kind === 'has' ? [t.label] : [])));
  return terms.filter((t) => (t.kind === 'notEquals' || t.kind === 'notIn') && !has.has(t.label));
}

export default defineRule({
  meta: {
    id: 'calico-not-equals-unlabelled',
    description: "A Calico selector's `k != 'v'` or `k not in {…}` also matches endpoints that have no label k at all",
    severity: 'info',
    rationale:
      "In Calico's selector language `k != 'v'` is true when the label is absent (reference, \"Selectors\": \"Matches resources without label k or with label k not equal to v\"), unlike `!has(k)`, which is true only when it is absent. `env != 'prod'` thus selects every unlabelled pod — system pods, jobs, newcomers — which is rarely what an Allow meant.",
    fix: "Write has(k) && k != 'v' when only labelled endpoints are meant; keep k != 'v' (or write !has(k) || k != 'v') when unlabelled ones are meant too.",
    messages: { unlabelled: "{where}: {term} also matches endpoints without label {label}" },
    examples: {
      bad: "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: from-non-prod}\nspec:\n  selector: app == 'db'\n  ingress:\n  - action: Allow\n    source: {selector: env != 'prod'}\n",
      good: "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: from-non-prod}\nspec:\n  selector: app == 'db'\n  ingress:\n  - action: Allow\n    source: {selector: has(env) && env != 'prod'}\n",
    },
  },
  check(ctx, report) {
    for (const p of ctx.snapshot.calico?.policies ?? []) {
      const object = calicoPolicyRef(p);
      const check = (text: string | undefined, where: string, source: SourceRef) => {
        if (!text) return;
        for (const t of unguardedNegations(calicoSelectorOf(text))) report('unlabelled', { where, term: formatCalicoSelector(t), label: (t as { label: string }).label }, { source, object });
      };
      check(p.selector, 'selector', p.source);
      for (const r of [...p.ingress, ...p.egress]) {
        check(r.source.selector, `${r.direction} rule ${r.index} source selector`, r.at);
        check(r.destination.selector, `${r.direction} rule ${r.index} destination selector`, r.at);
      }
    }
  },
});
