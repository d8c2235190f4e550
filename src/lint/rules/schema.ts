import { defineRule } from '../rule.js';

const np = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n${spec}`;

export default defineRule({
  meta: {
    id: 'schema',
    description: 'A NetworkPolicy, cluster-wide or Cilium policy field that is unknown, of the wrong type, missing or out of range (NetworkPolicy: checked against the v1 JSON schema; Cilium: against the CRD schema, docs/cilium.md)',
    severity: 'error',
    rationale: 'A misspelt field (ingres, policyType, namespce) is not a policy rule at all; kubectl refuses it by default, or with --validate=false drops it silently, changing what the policy does.',
    fix: 'Use the field names and types of networking.k8s.io/v1 NetworkPolicy (kubectl explain networkpolicy.spec).',
    messages: {
      'unknown-field': '{message}',
      'missing-field': '{message}',
      'wrong-type': '{message}',
      schema: '{message}',
      'invalid-peer': '{message}',
      'invalid-operator': '{message}',
      'invalid-selector': '{message}',
      'invalid-policy-type': '{message}',
      'invalid-action': '{message}',
      'invalid-tier': '{message}',
      'invalid-priority': '{message}',
      'invalid-subject': '{message}',
    },
    examples: { bad: np('  ingres:\n  - {}\n'), good: np('  ingress:\n  - {}\n') },
  },
  inputCodes: ['unknown-field', 'missing-field', 'wrong-type', 'schema', 'invalid-peer', 'invalid-operator', 'invalid-selector', 'invalid-policy-type', 'invalid-action', 'invalid-tier', 'invalid-priority', 'invalid-subject'],
  check() {},
});
