import { calicoPolicyRef } from '../../model/calico-policy.js';
import { calicoPositive } from '../../select/calico-peer.js';
import { CalicoThings } from '../calico-things.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'calico-selects-nothing',
    description: "A Calico policy's selector matches no pod, or a rule's source or destination selector matches no pod and no network set",
    severity: 'warning',
    rationale:
      "A Calico policy whose selector matches no endpoint does nothing, and a rule whose selector matches nothing never fires: usually a label typo, or a namespaced policy's rule meant for another namespace (without a namespaceSelector, a NetworkPolicy's rule selectors look only in its own namespace: libcalico-go updateprocessors/rules.go, docs/calico.md).",
    fix: "Check the labels against the pods (kubectl get pods --show-labels) and network sets; for another namespace add a namespaceSelector (projectcalico.org/name == 'NS').",
    messages: {
      subject: 'selector {selector} matches no pod{where}',
      peer: '{direction} rule {rule} {side}: its selector matches no pod and no network set{where}',
    },
    examples: {
      bad: "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\n---\napiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: app == 'wbe'\n  ingress:\n  - action: Allow\n",
      good: "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\n---\napiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: app == 'web'\n  ingress:\n  - action: Allow\n",
    },
  },
  check(ctx, report) {
    const policies = ctx.snapshot.calico?.policies ?? [];
    if (policies.length === 0 || ctx.snapshot.pods.length === 0) return; // a policies-only snapshot says nothing about pods
    const things = new CalicoThings(ctx.snapshot, ctx.namespaceLabels);
    for (const p of policies) {
      const object = calicoPolicyRef(p);
      const where = p.namespace !== undefined ? ` in namespace ${p.namespace}` : '';
      // A service account selector over ServiceAccounts the snapshot lacks: whether it matches is unknown (load/calico-service-accounts.ts).
      if (p.unknownServiceAccounts?.own) continue;
      if (!things.selectsSome(p)) {
        report('subject', { selector: `${p.selector || 'all()'}${p.serviceAccountSelector !== undefined ? ` with serviceAccountSelector ${p.serviceAccountSelector}` : ''}`, where }, { source: p.source, object });
        continue;
      }
      for (const rule of [...p.ingress, ...p.egress]) {
        for (const side of ['source', 'destination'] as const) {
          if (p.unknownServiceAccounts?.rules && rule[side].serviceAccountSelector !== undefined) continue;
          const positive = calicoPositive(p, rule[side], things.namespaceLabels);
          if (!positive || things.endpoints.some(positive) || things.sets.some(positive)) continue;
          const peerWhere = rule[side].namespaceSelector === undefined && p.namespace !== undefined ? ` in namespace ${p.namespace}` : '';
          report('peer', { direction: rule.direction, rule: rule.index, side, where: peerWhere }, { source: rule.at, object });
        }
      }
    }
  },
});
