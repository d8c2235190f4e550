import { ciliumPolicyRef } from '../../model/cilium-policy.js';
import { formatSelector } from '../../select/label-selector.js';
import { CiliumPods } from '../cilium-pods.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'cilium-selects-nothing',
    description: "A Cilium policy's endpointSelector, or a fromEndpoints/toEndpoints peer, matches no pod in any namespace (pods only in other namespaces: cilium-endpoints-namespace)",
    severity: 'warning',
    rationale:
      "A Cilium policy that selects no endpoint does nothing, and a peer that matches no pod allows or denies nothing: usually a label typo. In a CiliumNetworkPolicy, fromEndpoints and toEndpoints only look in the policy's own namespace unless the selector names one (Cilium's getEndpointSelector in pkg/k8s/apis/cilium.io/utils/utils.go; docs/cilium.md, Selection): a peer meant for another namespace then silently matches nothing.",
    fix: 'Check the labels against the pods (kubectl get pods --show-labels); for another namespace add k8s:io.kubernetes.pod.namespace: NS to the peer\'s matchLabels.',
    messages: {
      subject: 'endpointSelector {selector} matches no pod{where}',
      peer: '{section} rule {rule} peer {peer}: {selector} matches no pod{where}',
    },
    examples: {
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: prom, namespace: monitoring, labels: {app: prometheus}}\n---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: web, namespace: shop}\nspec:\n  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - fromEndpoints:\n    - matchLabels: {app: prometeus, k8s:io.kubernetes.pod.namespace: monitoring}\n',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: prom, namespace: monitoring, labels: {app: prometheus}}\n---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: web, namespace: shop}\nspec:\n  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - fromEndpoints:\n    - matchLabels: {app: prometheus, k8s:io.kubernetes.pod.namespace: monitoring}\n',
    },
  },
  check(ctx, report) {
    const policies = ctx.snapshot.ciliumPolicies ?? [];
    if (policies.length === 0 || ctx.snapshot.pods.length === 0) return; // a policies-only snapshot says nothing about pods
    const pods = new CiliumPods(ctx.snapshot, ctx.namespaceLabels);
    const where = (ns: string | undefined): string => (ns !== undefined ? ` in namespace ${ns}` : '');
    for (const p of policies) {
      if (p.selectsNoPod) continue; // a host policy or another label source: reported as not modelled
      const object = ciliumPolicyRef(p);
      if (pods.namespacesMatching(p.endpointSelector, p.namespace).length === 0) {
        report('subject', { selector: formatSelector(p.endpointSelector), where: where(p.namespace) }, { source: p.source, object });
        continue;
      }
      for (const rule of p.rules) {
        if (rule.peers === 'any') continue;
        rule.peers.forEach((peer, i) => {
          if (peer.kind !== 'endpoints') return;
          if (pods.namespacesMatching(peer.selector, peer.namespace).length > 0) return;
          if (peer.namespace !== undefined && pods.namespacesMatching(peer.selector).length > 0) return; // cilium-endpoints-namespace
          report('peer', { section: rule.section, rule: rule.index, peer: i, selector: formatSelector(peer.selector), where: where(peer.namespace) }, { source: peer.source, object });
        });
      }
    }
  },
});
