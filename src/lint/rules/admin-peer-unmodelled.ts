import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'admin-peer-unmodelled',
    description: 'A cluster-wide policy peer that a manifest snapshot cannot resolve: nodes (node IPs) or domainNames (DNS at run time)',
    severity: 'info',
    rationale:
      'Nodes and the addresses behind domain names are not in the manifests, so netpol-check treats such a peer as matching nothing: connections to nodes or those names are not in the results.',
    fix: 'Nothing to fix in the policy; to analyse node traffic, use a networks peer with the node CIDRs.',
    messages: { 'nodes-peer-unsupported': '{message}', 'domain-names-unsupported': '{message}' },
    examples: {
      bad: 'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: a}\nspec:\n  priority: 1\n  subject: {namespaces: {}}\n  egress:\n  - {action: Allow, to: [{nodes: {}}]}\n',
      good: 'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: a}\nspec:\n  priority: 1\n  subject: {namespaces: {}}\n  egress:\n  - {action: Allow, to: [{networks: [10.0.0.0/24]}]}\n',
    },
  },
  inputCodes: ['nodes-peer-unsupported', 'domain-names-unsupported'],
  check() {},
});
