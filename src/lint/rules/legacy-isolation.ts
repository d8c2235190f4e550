import { defineRule } from '../rule.js';

const example = (policyNamespace: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  annotations:
    net.beta.kubernetes.io/network-policy: '{"ingress": {"isolation": "DefaultDeny"}}'
---
apiVersion: extensions/v1beta1
kind: NetworkPolicy
metadata: {name: allow-web, namespace: ${policyNamespace}}
spec:
  podSelector: {}
  ingress:
  - {}
`;

export default defineRule({
  meta: {
    id: 'legacy-isolation',
    description: 'Kubernetes 1.2–1.6 namespace isolation that does not do what it seems: a policy in a namespace that is not isolated, egress rules under legacy semantics, an isolation annotation next to v1 policies, or an annotation that cannot be read',
    severity: 'warning',
    rationale:
      'Before networking.k8s.io/v1, isolation was a namespace annotation (DefaultDeny, or network-isolation: on) and policies only added allowances inside isolated namespaces: a policy elsewhere does nothing. Kubernetes ≥ 1.7 ignores the annotations altogether, so an annotated namespace next to v1 policies is not isolated.',
    fix: 'Annotate the namespace, or better: run `netpol-check migrate` and use a default-deny-ingress policy instead of the annotation.',
    messages: {
      'legacy-policy-no-effect': '{message}',
      'legacy-egress-ignored': '{message}',
      'legacy-annotation-ignored': '{message}',
      'invalid-isolation-annotation': '{message}',
    },
    examples: { bad: example('other'), good: example('shop') },
  },
  inputCodes: ['legacy-policy-no-effect', 'legacy-egress-ignored', 'legacy-annotation-ignored', 'invalid-isolation-annotation'],
  check() {},
});
