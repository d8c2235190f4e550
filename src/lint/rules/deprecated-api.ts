import { defineRule } from '../rule.js';

const np = (apiVersion: string) => `apiVersion: ${apiVersion}\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n`;

export default defineRule({
  meta: {
    id: 'deprecated-api',
    description: 'A NetworkPolicy of an API other than networking.k8s.io/v1 (extensions/v1beta1, net.alpha.kubernetes.io)',
    severity: 'error',
    rationale: 'extensions/v1beta1 NetworkPolicy was removed in Kubernetes 1.16 and the alpha API long before; current clusters refuse them. netpol-check does not analyse them yet and leaves them out.',
    fix: 'Rewrite the policy as networking.k8s.io/v1 (an isolated namespace becomes a default-deny-ingress policy).',
    messages: { 'unsupported-api-version': '{message}' },
    examples: { bad: np('extensions/v1beta1'), good: np('networking.k8s.io/v1') },
  },
  inputCodes: ['unsupported-api-version'],
  check() {},
});
