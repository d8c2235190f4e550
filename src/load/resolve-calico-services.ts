import { calicoPolicyRef, type CalicoEntityRule, type CalicoObjects, type CalicoPolicy, type CalicoRule, type CalicoServiceBackend, type CalicoServiceSlice } from '../model/calico-policy.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { EndpointSlice } from '../model/endpoint-slice.js';
import type { Cidr } from '../model/policy.js';
import type { Service } from '../model/snapshot.js';
import { parseCidr } from '../net/cidr.js';
import { lookupServices } from './service-lookup.js';

/**
 * Resolves the `services` of Calico rules against the snapshot's Services and EndpointSlices
 * (docs/calico.md, "Services"). Felix matches the addresses of the Service's endpoints, read from
 * the EndpointSlices labelled with its name (felix/serviceindex/serviceindex.go). A Service with a
 * selector: the pods it selects (the EndpointSlice controller puts each of them there, ready or
 * not). A Service without one: the addresses and ports of its EndpointSlices in the snapshot, every
 * endpoint whatever its conditions (Felix reads none). Left unmodelled (a `calico-unmodelled`
 * warning; answers for the endpoints the policy selects are undetermined): a Service the snapshot
 * lacks (the cluster may have it), and one without selector whose EndpointSlices the snapshot lacks.
 */
export function resolveCalicoServices(calico: CalicoObjects, services: readonly Service[], slices: readonly EndpointSlice[], diagnostics: Diagnostic[]): CalicoObjects {
  if (!calico.policies.some((p) => [...p.ingress, ...p.egress].some((r) => r.source.services || r.destination.services))) return calico;
  const policies = calico.policies.map((policy): CalicoPolicy => {
    const added: string[] = [];
    const rule = (r: CalicoRule): CalicoRule => {
      const notes: string[] = [];
      const end = (e: CalicoEntityRule, side: 'source' | 'destination'): CalicoEntityRule => {
        const m = e.services;
        if (!m) return e;
        const backend = backendOf(m, services, slices);
        if (typeof backend !== 'string') return { ...e, services: { ...m, backend } };
        const what = `${side} services ${m.namespace}/${m.name} (${backend})`;
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

/** Where the Service's endpoints come from, or why that is not known from the snapshot. */
function backendOf(m: { namespace: string; name: string }, services: readonly Service[], slices: readonly EndpointSlice[]): CalicoServiceBackend | string {
  const found = lookupServices(services, (s) => s.namespace === m.namespace && s.name === m.name);
  if (found.ok) return { kind: 'selector', selector: found.services[0]!.selector, ports: found.services[0]!.ports };
  if (found.reason === 'missing') return 'the snapshot has no such Service; the cluster may have one';
  const own = slices.filter((s) => s.namespace === m.namespace && s.serviceName === m.name);
  if (own.length === 0) return 'the Service has no selector and the snapshot no EndpointSlice of it: Calico matches the addresses of its EndpointSlices (add kubectl get endpointslices -A -o yaml)';
  return { kind: 'slices', slices: own.map(sliceMembers) };
}

/**
 * What Felix makes of one EndpointSlice (membersFromEndpointSlice): the addresses of every
 * endpoint, ready or not (it reads no condition), skipping any that is not an IP (FQDN slices);
 * the ports that have a number, TCP unless UDP or SCTP.
 */
function sliceMembers(s: EndpointSlice): CalicoServiceSlice {
  const addresses: Cidr[] = [];
  if (s.addressType !== 'FQDN') {
    for (const ep of s.endpoints) {
      for (const a of ep.addresses) {
        const r = parseCidr(`${a}/${a.includes(':') ? 128 : 32}`);
        if (r.ok && !addresses.some((c) => c.text === r.cidr.text)) addresses.push(r.cidr);
      }
    }
  }
  const ports = s.ports.flatMap((p) => (p.port !== undefined ? [{ port: p.port, protocol: p.protocol }] : []));
  return { name: s.name, source: s.source, addresses, ports };
}
