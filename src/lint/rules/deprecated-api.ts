import { defineRule } from '../rule.js';

const np = (apiVersion: string) => `apiVersion: ${apiVersion}\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n`;

export default defineRule({
  meta: {
    id: 'deprecated-api',
    description: 'A NetworkPolicy of an old API (extensions/v1beta1, net.alpha.kubernetes.io) or of an API that does not exist',
    severity: 'warning',
    rationale:
      'extensions/v1beta1 NetworkPolicy was removed in Kubernetes 1.16 and the alpha API long before: current clusters refuse such manifests. netpol-check still analyses them (with legacy semantics when the snapshot is a 1.2–1.6 cluster, see --semantics); an unknown apiVersion is left out.',
    fix: 'Run `netpol-check migrate -f PATH --output-dir DIR`: it writes the networking.k8s.io/v1 form (an isolated namespace becomes a default-deny-ingress policy) and proves it equivalent.',
    messages: { 'deprecated-api-version': '{message}', 'unsupported-api-version': '{message}', 'missing-api-version': '{message}' },
    examples: { bad: np('extensions/v1beta1'), good: np('networking.k8s.io/v1') },
  },
  inputCodes: ['deprecated-api-version', 'unsupported-api-version', 'missing-api-version'],
  check() {},
});
