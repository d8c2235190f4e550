import { calicoPolicyRef, type CalicoEntityRule, type CalicoObjects, type CalicoPolicy, type CalicoRule } from '../model/calico-policy.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Service } from '../model/snapshot.js';
import { lookupServices } from './service-lookup.js';

/**
 * Resolves the `services` of Calico rules against the snapshot's Services (docs/calico.md,
 * "Services"): Felix matches the addresses of the Service's endpoints, which for a Service with a
 * selector are the pods it selects (felix/serviceindex/serviceindex.go reads them from the
 * EndpointSlices). Left unmodelled (a `calico-unmodelled` warning; answers for the endpoints the
 * policy selects are undetermined): a Service the snapshot lacks (the cluster may have it), and
 * one without selector (its EndpointSlices are not read).
 */
export function resolveCalicoServices(calico: CalicoObjects, services: readonly Service[], diagnostics: Diagnostic[]): CalicoObjects {
  if (!calico.policies.some((p) => [...p.ingress, ...p.egress].some((r) => r.source.services || r.destination.services))) return calico;
  const policies = calico.policies.map((policy): CalicoPolicy => {
    const added: string[] = [];
    const rule = (r: CalicoRule): CalicoRule => {
      const notes: string[] = [];
      const end = (e: CalicoEntityRule, side: 'source' | 'destination'): CalicoEntityRule => {
        const m = e.services;
        if (!m) return e;
        const found = lookupServices(services, (s) => s.namespace === m.namespace && s.name === m.name);
        if (found.ok) return { ...e, services: { ...m, backend: { selector: found.services[0]!.selector, ports: found.services[0]!.ports } } };
        const what =
          found.reason === 'missing'
            ? `${side} services ${m.namespace}/${m.name} (the snapshot has no such Service; the cluster may have one)`
            : `${side} services ${m.namespace}/${m.name} (the Service has no selector: Calico matches the addresses of its EndpointSlices, which netpol-check does not read)`;
        notes.push(what);
        diagnostics.push({ severity: 'warning', code: 'calico-unmodelled', message: `${what} is not modelled: answers for the endpoints this policy selects are undetermined`, source: r.at, object: calicoPolicyRef(policy) });
        return e;
      };
      const out = { ...r, source: end(r.source, 'source'), destination: end(r.destination, 'destination') };
      added.push(...notes);
      return notes.length ? { ...out, unmodelled: [...r.unmodelled, ...notes] } : out;
    };
    const ingress = policy.ingress.map(rule);
    const egress = policy.egress.map(rule);
    return { ...policy, ingress, egress, ...(added.length ? { unmodelled: [...new Set([...policy.unmodelled, ...added])] } : {}) };
  });
  return { ...calico, policies };
}
