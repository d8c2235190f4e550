import type { CiliumPeer, CiliumPolicy, CiliumRule, CiliumServiceBackend, CiliumServiceQuery } from '../model/cilium-policy.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Service } from '../model/snapshot.js';
import type { EndpointSlice } from '../model/endpoint-slice.js';
import type { Cidr } from '../model/policy.js';
import { parseCidr } from '../net/cidr.js';
import { describeServiceQuery as describeQuery } from '../select/describe-cilium-peer.js';
import { matchesSelector } from '../select/label-selector.js';

/**
 * Resolves the `toServices` peers of Cilium rules against the snapshot's Services, as the agent
 * does (`processRule`, pkg/policy/k8s/service.go, Cilium 1.17+): a Service with a selector gives
 * the pods it selects in its namespace; a Service without one gives the addresses of its
 * EndpointSlices as CIDRs (`appendEndpoints`: one /32 or /128 each, `Generated`), leaving out
 * endpoints that are not ready (Cilium's `ParseEndpointSliceV1`). Left unmodelled (a
 * `cilium-unmodelled` warning, the policy not evaluated): an item no Service of the snapshot
 * matches (it may be in the cluster, not in the input), a selectorless Service whose
 * EndpointSlices the input lacks or holds FQDNs, and a not-ready endpoint that is still serving
 * while it terminates (Cilium keeps it or not by its configuration).
 */
export function resolveCiliumServices(policies: readonly CiliumPolicy[], services: readonly Service[], slices: readonly EndpointSlice[], diagnostics: Diagnostic[]): CiliumPolicy[] {
  return policies.map((policy) => {
    const added: string[] = [];
    const rules = policy.rules.map((rule): CiliumRule => {
      if (rule.peers === 'any' || !rule.peers.some((p) => p.kind === 'service')) return rule;
      const notes: string[] = [];
      const peers = rule.peers.map((peer): CiliumPeer => {
        if (peer.kind !== 'service') return peer;
        const matched = services.filter((s) => serviceMatches(peer.query, s));
        const backends = matched.map((s) => backendOf(s, slices));
        const what = matched.length === 0 ? `toServices ${describeQuery(peer.query)} (no Service of the input matches it; the cluster may have one)` : backends.find((b): b is string => typeof b === 'string');
        if (what === undefined) return { ...peer, services: backends as CiliumServiceBackend[] };
        notes.push(what);
        diagnostics.push({
          severity: 'warning',
          code: 'cilium-unmodelled',
          message: `${what} is not modelled: this rule may allow more than netpol-check shows`,
          source: peer.source,
          object: `${policy.kind} ${policy.namespace !== undefined ? `${policy.namespace}/` : ''}${policy.name}`,
        });
        return { kind: 'unmodelled', what: `toServices ${describeQuery(peer.query)}`, source: peer.source };
      });
      added.push(...notes);
      return { ...rule, peers, unmodelled: [...rule.unmodelled, ...notes] };
    });
    return added.length ? { ...policy, rules, unmodelled: [...new Set([...policy.unmodelled, ...added])] } : { ...policy, rules };
  });
}

/** `serviceRefMatches` and `serviceSelectorMatches`: an omitted namespace matches every namespace; the selector is on the Service's own labels. */
function serviceMatches(q: CiliumServiceQuery, s: Service): boolean {
  if (q.namespace !== undefined && q.namespace !== s.namespace) return false;
  return q.by === 'name' ? q.name === s.name : matchesSelector(q.selector, s.labels ?? {});
}

/** What a Service gives a `toServices` rule, or why that is not known from the input. */
function backendOf(s: Service, slices: readonly EndpointSlice[]): CiliumServiceBackend | string {
  if (s.selector && Object.keys(s.selector).length > 0) return { name: s.name, namespace: s.namespace, selector: s.selector };
  const own = slices.filter((e) => e.namespace === s.namespace && e.serviceName === s.name);
  const service = `toServices to Service ${s.namespace}/${s.name}, which has no selector`;
  if (own.length === 0) return `${service} and no EndpointSlice in the input (Cilium allows the addresses of its EndpointSlices: add kubectl get endpointslices -A -o yaml)`;
  if (own.some((e) => e.addressType === 'FQDN')) return `${service}, whose EndpointSlices hold FQDNs`;
  const addresses: Cidr[] = [];
  for (const slice of own) {
    for (const ep of slice.endpoints) {
      if (ep.ready === false) {
        if (ep.serving === true && ep.terminating === true) return `${service}, with an endpoint that is terminating but still serving (Cilium keeps it or not by its configuration)`;
        continue; // not ready: not a backend
      }
      for (const a of ep.addresses) {
        const r = parseCidr(`${a}/${a.includes(':') ? 128 : 32}`);
        if (r.ok && !addresses.some((c) => c.text === r.cidr.text)) addresses.push(r.cidr);
      }
    }
  }
  return { name: s.name, namespace: s.namespace, addresses };
}
