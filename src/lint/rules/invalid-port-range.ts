import { defineRule } from '../rule.js';

const np = (ports: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - ports: [${ports}]\n`;

export default defineRule({
  meta: {
    id: 'invalid-port-range',
    description: 'A port out of 1–65535, endPort below port, endPort with a named port or without port, or an invalid port name',
    severity: 'error',
    rationale: 'The API server refuses such a policy, so it is not in the cluster: whatever it was meant to allow or isolate does not happen. netpol-check leaves it out of the analysis.',
    fix: 'port must be 1–65535 or a port name (up to 15 lower-case letters, digits and hyphens); endPort needs a numeric port and must not be below it.',
    messages: {
      'invalid-port': '{message}',
      'invalid-port-range': '{message}',
    },
    examples: { bad: np('{port: 32000, endPort: 31000}'), good: np('{port: 32000, endPort: 32768}') },
  },
  inputCodes: ['invalid-port', 'invalid-port-range'],
  check() {},
});
