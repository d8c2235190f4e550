import { defineRule } from '../rule.js';

const np = (block: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n  - from: [{ipBlock: ${block}}]\n`;

export default defineRule({
  meta: {
    id: 'invalid-cidr',
    description: 'An ipBlock cidr that does not parse, an except outside its cidr, or a cidr with host bits set',
    severity: 'error',
    rationale: 'A malformed CIDR or an except range outside its cidr makes the API server refuse the policy. Host bits (10.1.2.3/16) are accepted but show a misunderstanding: the range is 10.1.0.0/16.',
    fix: 'Write the network address with its prefix (10.1.0.0/16); every except range must lie strictly inside the cidr, in the same IP family.',
    messages: {
      'invalid-cidr': '{message}',
      'except-outside-cidr': '{message}',
      'cidr-host-bits': '{message}',
    },
    examples: { bad: np('{cidr: 10.0.0.0/16, except: [10.1.0.0/24]}'), good: np('{cidr: 10.0.0.0/16, except: [10.0.1.0/24]}') },
  },
  inputCodes: ['invalid-cidr', 'except-outside-cidr', 'cidr-host-bits'],
  check() {},
});
