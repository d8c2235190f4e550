import { defineRule } from '../rule.js';

const np = (proto: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - ports: [{protocol: ${proto}, port: 53}]\n`;

export default defineRule({
  meta: {
    id: 'protocol-case',
    description: 'A protocol other than TCP, UDP or SCTP (protocol names are case-sensitive: tcp is invalid in v1)',
    severity: 'error',
    rationale: 'Old manifests and blog posts write `protocol: tcp`; networking.k8s.io/v1 accepts only TCP, UDP and SCTP, so the API server refuses the policy.',
    fix: 'Write TCP, UDP or SCTP in capitals.',
    messages: { 'invalid-protocol': '{message}' },
    examples: { bad: np('udp'), good: np('UDP') },
  },
  inputCodes: ['invalid-protocol'],
  check() {},
});
