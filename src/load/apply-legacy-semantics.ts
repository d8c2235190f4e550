import type { Diagnostic } from '../model/diagnostic.js';
import type { NetworkPolicy } from '../model/policy.js';
import { API_V1, ISOLATION_ANNOTATION_BETA } from '../model/semantics.js';
import type { Namespace, Snapshot } from '../model/snapshot.js';
import { EVERYTHING } from '../select/label-selector.js';

export const DEFAULT_DENY_NAME = 'default-deny-ingress';

/**
 * Legacy (Kubernetes 1.2–1.6) semantics expressed as v1 policies, so that the engine, the
 * explanations and `migrate` all work on one model:
 * - an isolated namespace (DefaultDeny / network-isolation: on) gets a `default-deny-ingress`
 *   policy selecting all its pods for ingress;
 * - a policy in an isolated namespace keeps its ingress rules and affects ingress only (egress
 *   did not exist);
 * - a policy in a namespace that is not isolated has no effect and is left out, with a warning.
 * The result is checked against a direct reading of the documents (legacy/reference.ts).
 */
export function applyLegacySemantics(snapshot: Snapshot, diagnostics: Diagnostic[]): Snapshot {
  const isolated = new Map<string, Namespace>();
  for (const ns of snapshot.namespaces) if (ns.legacyIsolation?.isolated) isolated.set(ns.name, ns);
  const policies: NetworkPolicy[] = [];
  const taken = new Set(snapshot.policies.map((p) => `${p.namespace}/${p.name}`));
  for (const ns of isolated.values()) {
    let name = DEFAULT_DENY_NAME;
    for (let i = 2; taken.has(`${ns.name}/${name}`); i++) name = `${DEFAULT_DENY_NAME}-${i}`;
    policies.push(defaultDenyFor(ns, name));
  }
  for (const p of snapshot.policies) {
    const object = `NetworkPolicy ${p.namespace}/${p.name}`;
    if (!isolated.has(p.namespace)) {
      diagnostics.push({
        severity: 'warning',
        code: 'legacy-policy-no-effect',
        message: `namespace ${p.namespace} is not isolated (no ${ISOLATION_ANNOTATION_BETA} DefaultDeny annotation), so under legacy semantics this policy has no effect`,
        source: p.source,
        object,
      });
      continue;
    }
    if (p.affects.egress || p.egress.length > 0) {
      diagnostics.push({
        severity: 'warning',
        code: 'legacy-egress-ignored',
        message: 'egress rules and policyTypes did not exist before Kubernetes 1.8; under legacy semantics only the ingress rules count',
        source: p.egress[0]?.source ?? p.source,
        object,
      });
    }
    policies.push({ ...p, affects: { ingress: true, egress: false }, policyTypesGiven: true, egress: [] });
  }
  return { ...snapshot, policies };
}

function defaultDenyFor(ns: Namespace, name: string): NetworkPolicy {
  const isolation = ns.legacyIsolation!;
  return {
    name,
    namespace: ns.name,
    apiVersion: API_V1,
    podSelector: EVERYTHING,
    affects: { ingress: true, egress: false },
    policyTypesGiven: true,
    ingress: [],
    egress: [],
    source: isolation.source,
    synthesized: `stands for the ${isolation.annotation} annotation of namespace ${ns.name}`,
  };
}
