import type { CiliumPeer, CiliumPolicy, CiliumRule, CiliumServiceQuery } from '../model/cilium-policy.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Service } from '../model/snapshot.js';
import { describeServiceQuery as describeQuery } from '../select/describe-cilium-peer.js';
import { matchesSelector } from '../select/label-selector.js';
import { lookupServices, type ServiceLookup } from './service-lookup.js';

/**
 * Resolves the `toServices` peers of Cilium rules against the snapshot's Services, as the agent
 * does (`processRule`, pkg/policy/k8s/service.go, Cilium 1.17+): a Service with a selector gives
 * the pods it selects in its namespace. Left unmodelled (a `cilium-unmodelled` warning, the
 * policy not evaluated): an item no Service of the snapshot matches (it may be in the cluster, not
 * in the input), and one matching a Service without selector (Cilium allows the addresses of its
 * EndpointSlices, which are not read).
 */
export function resolveCiliumServices(policies: readonly CiliumPolicy[], services: readonly Service[], diagnostics: Diagnostic[]): CiliumPolicy[] {
  return policies.map((policy) => {
    const added: string[] = [];
    const rules = policy.rules.map((rule): CiliumRule => {
      if (rule.peers === 'any' || !rule.peers.some((p) => p.kind === 'service')) return rule;
      const notes: string[] = [];
      const peers = rule.peers.map((peer): CiliumPeer => {
        if (peer.kind !== 'service') return peer;
        const found = lookupServices(services, (s) => serviceMatches(peer.query, s));
        if (found.ok) return { ...peer, services: found.services.map((s) => ({ name: s.name, namespace: s.namespace, selector: s.selector })) };
        const what = unresolved(peer.query, found);
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

function unresolved(q: CiliumServiceQuery, found: ServiceLookup & { ok: false }): string {
  if (found.reason === 'missing') return `toServices ${describeQuery(q)} (no Service of the input matches it; the cluster may have one)`;
  return `toServices to Service ${found.service.namespace}/${found.service.name}, which has no selector (Cilium allows the addresses of its EndpointSlices, which netpol-check does not read)`;
}
