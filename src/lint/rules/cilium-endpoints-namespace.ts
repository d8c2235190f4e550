import { ciliumPolicyRef } from '../../model/cilium-policy.js';
import { formatSelector } from '../../select/label-selector.js';
import { CiliumPods } from '../cilium-pods.js';
import { defineRule } from '../rule.js';

const pod = (name: string, ns: string, app: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${ns}, labels: {app: ${app}}}\n---\n`;
const policy = (peerLabels: string) =>
  `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: web, namespace: shop}\nspec:\n  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - fromEndpoints:\n    - matchLabels: {${peerLabels}}\n`;

export default defineRule({
  meta: {
    id: 'cilium-endpoints-namespace',
    description: 'A fromEndpoints/toEndpoints peer of a CiliumNetworkPolicy that matches no pod of its namespace but would match pods of another: the namespace label is missing',
    severity: 'warning',
    rationale:
      "In a CiliumNetworkPolicy, fromEndpoints and toEndpoints only look in the policy's own namespace unless the selector names one: Cilium adds the policy's namespace to every peer selector that has no io.kubernetes.pod.namespace (or namespace-label) key (getEndpointSelector, pkg/k8s/apis/cilium.io/utils/utils.go; docs/cilium.md, Selection). A peer written for pods of another namespace (a Prometheus in monitoring, kube-dns in kube-system) then silently matches nothing, and the traffic it was meant to allow is dropped.",
    fix: "Add k8s:io.kubernetes.pod.namespace: NS to the peer's matchLabels (or a matchExpressions on it for several namespaces), or use a CiliumClusterwideNetworkPolicy.",
    messages: {
      elsewhere: "{section} rule {rule} peer {peer}: {selector} matches no pod in namespace {namespace}, but pods in {others}: a CiliumNetworkPolicy's peers stay in its namespace unless they name one (add k8s:io.kubernetes.pod.namespace)",
    },
    examples: {
      bad: pod('web', 'shop', 'web') + pod('prom', 'monitoring', 'prometheus') + policy('app: prometheus'),
      good: pod('web', 'shop', 'web') + pod('prom', 'monitoring', 'prometheus') + policy('app: prometheus, k8s:io.kubernetes.pod.namespace: monitoring'),
    },
  },
  check(ctx, report) {
    const policies = ctx.snapshot.ciliumPolicies ?? [];
    if (policies.length === 0 || ctx.snapshot.pods.length === 0) return;
    const pods = new CiliumPods(ctx.snapshot, ctx.namespaceLabels);
    for (const p of policies) {
      if (p.selectsNoPod || p.namespace === undefined) continue;
      for (const rule of p.rules) {
        if (rule.peers === 'any') continue;
        rule.peers.forEach((peer, i) => {
          if (peer.kind !== 'endpoints' || peer.namespace === undefined) return;
          if (pods.namespacesMatching(peer.selector, peer.namespace).length > 0) return;
          const others = pods.namespacesMatching(peer.selector);
          if (others.length === 0) return; // matches nothing anywhere: cilium-selects-nothing
          report('elsewhere', { section: rule.section, rule: rule.index, peer: i, selector: formatSelector(peer.selector), namespace: peer.namespace, others: others.join(', ') }, { source: peer.source, object: ciliumPolicyRef(p) });
        });
      }
    }
  },
});
