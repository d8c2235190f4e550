import { CACHE_DIR, CNI, FILE, HELP, KUSTOMIZE, NAMESPACE_APPLY, output, SEMANTICS } from './common.js';
import type { CommandSpec } from './option.js';

const OWN_SCOPES = 'each expectation names its own scope (namespace, fromNamespace, toNamespace; from and to take selectors)';

export const VERIFY: CommandSpec = {
  name: 'verify',
  summary: 'check written expectations (who may reach whom) against the snapshot',
  usage: 'verify EXPECT.yaml -f PATH [-o text|json] [--output-file FILE]',
  description: 'Checks written security intent (EXPECT.yaml, below) against the snapshot.',
  options: [FILE, ...output(['text', 'txt', 'json', 'yaml'], 'text (default; txt is the same) | json | yaml'), NAMESPACE_APPLY, KUSTOMIZE, CACHE_DIR, ...SEMANTICS, CNI, ...HELP],
  refused: { 'all-namespaces': OWN_SCOPES, selector: OWN_SCOPES },
  exitCodes: `Exit codes: 0 all pass, 1 a failure, 2 a bad expectations file or input, 3 none failed but
some are undetermined (a policy netpol-check does not evaluate may decide them).`,
  notes: `EXPECT.yaml (schema: docs/expectations.schema.json):

  expectations:
    - from: frontend            # names, selectors, IPs as in \`netpol-check can\`; * is every pod
      to: api:9000
      expect: allow             # allow: every pair; deny: no pair
    - from: '*'
      namespace: payments       # scope for names on both ends (fromNamespace / toNamespace)
      to: '*'
      toNamespace: search
      expect: deny              # no pod of payments reaches search
    - to: db:5432
      onlyFrom: [api]           # nothing else reaches db on 5432 (pods and outside addresses)
    - isolated: both            # ingress | egress | both
      pods: '*'
      namespace: shop`,
};
