import { formatSelector, matchesSelector } from '../../../src/select/label-selector.js';
import policySelectsNothingReal from '../../../src/lint/rules/policy-selects-nothing.js';
import { defineRule, policyName } from '../../../src/lint/rule.js';

export default defineRule({
  meta: policySelectsNothingReal.meta, // the rule as it is; only its check is the old scan
  check(ctx, report) {
    if (ctx.snapshot.pods.length === 0) return; // a policies-only snapshot says nothing about pods
    for (const p of ctx.snapshot.policies) {
      if (ctx.snapshot.pods.some((pod) => pod.namespace === p.namespace && matchesSelector(p.podSelector, pod.labels))) continue;
      report('none', { selector: formatSelector(p.podSelector), namespace: p.namespace }, { source: p.source, object: policyName(p) });
    }
  },
});
