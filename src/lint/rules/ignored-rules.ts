import { defineRule, policyName } from '../rule.js';

export default defineRule({
  meta: {
    id: 'ignored-rules',
    description: 'Rules of a direction that policyTypes leaves out, and so are ignored',
    severity: 'warning',
    rationale: 'When policyTypes is written, only the listed directions apply: egress rules under policyTypes [Ingress] (or ingress rules under [Egress]) do nothing, silently.',
    fix: 'Add the direction to policyTypes, or delete the rules.',
    messages: {
      egress: 'policyTypes does not list Egress, so its {count} egress rule(s) are ignored',
      ingress: 'policyTypes does not list Ingress, so its {count} ingress rule(s) are ignored',
    },
    examples: {
      bad: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n  egress:\n  - to: [{podSelector: {}}]\n',
      good: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  egress:\n  - to: [{podSelector: {}}]\n',
    },
  },
  check(ctx, report) {
    for (const p of ctx.snapshot.policies) {
      if (!p.affects.egress && p.egress.length) report('egress', { count: p.egress.length }, { source: p.egress[0]!.source, object: policyName(p) });
      if (!p.affects.ingress && p.ingress.length) report('ingress', { count: p.ingress.length }, { source: p.ingress[0]!.source, object: policyName(p) });
    }
  },
});
