import type { Labels } from '../model/labels.js';
import type { Service } from '../model/snapshot.js';

/** A Service of the snapshot with a (non-empty) selector: its endpoints are the pods the selector picks in its namespace. */
export type SelectingService = Service & { selector: Labels };

/**
 * The Services of the snapshot a policy's reference picks, or why they cannot stand for the
 * reference's pods: no Service of the input matches (the cluster may have one), or a matched
 * Service has no selector (an empty selector counts as none): its endpoints come from
 * EndpointSlices (Calico's `services` and Cilium's `toServices` resolve such Services to their
 * EndpointSlices' addresses: resolve-calico-services.ts, resolve-cilium-services.ts).
 */
export type ServiceLookup = { ok: true; services: SelectingService[] } | { ok: false; reason: 'missing' } | { ok: false; reason: 'selectorless'; service: Service };

export function lookupServices(services: readonly Service[], matches: (s: Service) => boolean): ServiceLookup {
  const matched = services.filter(matches);
  if (matched.length === 0) return { ok: false, reason: 'missing' };
  const selectorless = matched.find((s) => !s.selector || Object.keys(s.selector).length === 0);
  if (selectorless) return { ok: false, reason: 'selectorless', service: selectorless };
  return { ok: true, services: matched as SelectingService[] };
}
