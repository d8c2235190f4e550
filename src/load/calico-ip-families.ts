import { calicoPolicyRef, type CalicoObjects, type CalicoPolicy } from '../model/calico-policy.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Pod } from '../model/snapshot.js';
import { addressFamilies } from '../net/address-families.js';

/**
 * A rule with `ipVersion` matches connections of that address family only. The family of a
 * connection between two pods is one both have: known when one of them has known IPs of a
 * single family, not when both have no known IP or IPs of both families (dual stack: the client
 * picks). A policy with such a rule whose subjects (the pods it may select) include a pod of
 * unknown family, when another pod of unknown family exists, gets an unmodelled part: answers
 * for the pods it may select are undetermined. The engine evaluates such a pair as possibly of
 * either family (the rule matches it). docs/calico.md, "Address families".
 */
export function markUnknownIpFamilies(calico: CalicoObjects, pods: readonly Pod[], diagnostics: Diagnostic[]): CalicoObjects {
  if (!calico.policies.some((p) => [...p.ingress, ...p.egress].some((r) => r.ipVersion !== undefined))) return calico;
  const unknown = pods.filter((p) => addressFamilies(p.ips).length !== 1);
  if (unknown.length < 2) return calico;
  const policies = calico.policies.map((p): CalicoPolicy => {
    const rules = [...p.ingress, ...p.egress].filter((r) => r.ipVersion !== undefined);
    if (rules.length === 0) return p;
    const subject = unknown.find((x) => !x.hostNetwork && (p.namespace === undefined || x.namespace === p.namespace));
    const peer = subject && unknown.find((x) => x !== subject);
    if (!subject || !peer) return p;
    const what = `ipVersion (the address family of connections between pods such as ${subject.id} and ${peer.id} is not known: they have no known IP or IPs of both families)`;
    for (const r of rules) {
      diagnostics.push({ severity: 'warning', code: 'calico-unmodelled', message: `${what} is not modelled: answers for the endpoints this policy selects are undetermined (kubectl get pods -o yaml gives the pods' IPs)`, source: r.at, object: calicoPolicyRef(p) });
    }
    return { ...p, unmodelled: [...p.unmodelled, what] };
  });
  return { ...calico, policies };
}
