import type { AdminPolicy } from '../../model/admin-policy.js';
import { CILIUM_KINDS, ciliumPolicyRef, type CiliumPolicy } from '../../model/cilium-policy.js';
import type { EndpointSlice } from '../../model/endpoint-slice.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Service } from '../../model/snapshot.js';
import type { UnmodelledObject } from '../../model/unmodelled.js';
import { resolveCiliumServices } from '../resolve-cilium-services.js';
import type { RawObject } from '../parse-documents.js';
import type { ObjectReader } from '../object-reader.js';
import { readCiliumPolicy } from './cilium-policy.js';

/** Cilium's policy kinds, in any version of the cilium.io group (other versions are refused by the reader). */
export function isCiliumPolicy(raw: Pick<RawObject, 'apiVersion' | 'kind'>): boolean {
  return raw.apiVersion.startsWith('cilium.io/') && (CILIUM_KINDS as readonly string[]).includes(raw.kind);
}

/**
 * The Cilium policies of a snapshot, object by object: an object given twice is the later one
 * (as `kubectl apply` leaves it). Policies with parts netpol-check does not model are also
 * unmodelled objects, so that answers for the pods they may select say they are undetermined.
 */
export class CiliumPolicies {
  private readonly byObject = new Map<string, CiliumPolicy[]>();
  private readonly sources = new Map<string, ObjectReader>();

  read(r: ObjectReader): void {
    const key = `${r.raw.kind}/${r.raw.kind === 'CiliumNetworkPolicy' ? `${r.namespace}/` : ''}${r.name}`;
    const before = this.sources.get(key);
    const policies = readCiliumPolicy(r);
    if (before) {
      r.report('warning', [], 'duplicate-object', `${key} is defined twice (${before.at([]).file}:${before.at([]).line} and here); the later one is used, as kubectl apply would leave it`);
      this.byObject.delete(key);
    }
    this.sources.set(key, r);
    this.byObject.set(key, policies);
  }

  /** Resolves `toServices` peers once every Service is read (before `unmodelled` and `policies`). */
  resolveServices(services: readonly Service[], slices: readonly EndpointSlice[], diagnostics: Diagnostic[]): void {
    for (const [key, policies] of this.byObject) this.byObject.set(key, resolveCiliumServices(policies, services, slices, diagnostics));
  }

  unmodelled(): UnmodelledObject[] {
    return this.all()
      .filter((p) => p.unmodelled.length > 0)
      .map((p) => ({ kind: p.kind, apiVersion: p.apiVersion, name: p.specPath === 'spec' ? p.name : `${p.name} ${p.specPath}`, ...(p.namespace !== undefined ? { namespace: p.namespace } : {}), effect: 'policy', owner: 'Cilium', parts: p.unmodelled, source: p.source }));
  }

  /** Every rule; with admin network policies in the snapshot too, a warning that Cilium may not enforce them (docs/cilium.md). */
  policies(admin: readonly AdminPolicy[], diagnostics: Diagnostic[]): CiliumPolicy[] {
    const all = this.all();
    if (all.length && admin.length) {
      diagnostics.push({
        severity: 'warning',
        code: 'cilium-with-admin-policies',
        message: `${ciliumPolicyRef(all[0]!)} and ${admin[0]!.kind} ${admin[0]!.name} are both in the snapshot: Cilium's support for the SIG-network policy API is not established (cilium/cilium#23380); the tiers are applied around NetworkPolicy and Cilium policies as if the plugin enforced both`,
        source: admin[0]!.source,
        object: `${admin[0]!.kind} ${admin[0]!.name}`,
      });
    }
    return all;
  }

  private all(): CiliumPolicy[] {
    return [...this.byObject.values()].flat();
  }
}
