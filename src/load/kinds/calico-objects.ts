import { CALICO_API_VERSIONS, CALICO_KINDS, DEFAULT_TIER, calicoPolicyRef, type CalicoNetworkSet, type CalicoObjects, type CalicoPolicy, type CalicoTier } from '../../model/calico-policy.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { UnmodelledObject } from '../../model/unmodelled.js';
import type { RawObject } from '../parse-documents.js';
import type { ObjectReader } from '../object-reader.js';
import { readCalicoNetworkSet, readCalicoPolicy, readCalicoTier } from './calico-policy.js';

/**
 * Calico's kinds, by apiVersion: `projectcalico.org/v3` (calicoctl, the Calico API server) or
 * `crd.projectcalico.org/v1` (what `kubectl get` prints from the CRDs). A `NetworkPolicy` of
 * networking.k8s.io stays Kubernetes'.
 */
export function isCalicoObject(raw: Pick<RawObject, 'apiVersion' | 'kind'>): boolean {
  return (CALICO_API_VERSIONS as readonly string[]).includes(raw.apiVersion) && (CALICO_KINDS as readonly string[]).includes(raw.kind);
}

/** Calico's staged policy kinds (StagedNetworkPolicy, StagedGlobalNetworkPolicy, StagedKubernetesNetworkPolicy): previews, never enforced. */
export function isStagedCalicoPolicy(raw: Pick<RawObject, 'apiVersion' | 'kind'>): boolean {
  return (CALICO_API_VERSIONS as readonly string[]).includes(raw.apiVersion) && ['StagedNetworkPolicy', 'StagedGlobalNetworkPolicy', 'StagedKubernetesNetworkPolicy'].includes(raw.kind);
}

type Read = { kind: 'policy'; value: CalicoPolicy } | { kind: 'set'; value: CalicoNetworkSet } | { kind: 'tier'; value: CalicoTier };

/**
 * The Calico objects of a snapshot, object by object: an object given twice is the later one (as
 * `kubectl apply` leaves it). Policies with parts netpol-check does not model are also unmodelled
 * objects, so that answers for the pods they may select say they are undetermined.
 */
export class CalicoCollector {
  private readonly byKey = new Map<string, { read: Read | undefined; r: ObjectReader }>();

  read(r: ObjectReader): void {
    const kind = r.raw.kind;
    const namespaced = kind === 'NetworkPolicy' || kind === 'NetworkSet';
    const key = `${kind}/${namespaced ? `${r.namespace}/` : ''}${r.name}`;
    const before = this.byKey.get(key);
    if (before) r.report('warning', [], 'duplicate-object', `${key} is defined twice (${before.r.at([]).file}:${before.r.at([]).line} and here); the later one is used, as kubectl apply would leave it`);
    this.byKey.delete(key);
    let read: Read | undefined;
    if (kind === 'Tier') {
      const t = readCalicoTier(r);
      if (t) read = { kind: 'tier', value: t };
    } else if (kind === 'NetworkSet' || kind === 'GlobalNetworkSet') {
      const s = readCalicoNetworkSet(r);
      if (s) read = { kind: 'set', value: s };
    } else {
      const p = readCalicoPolicy(r);
      if (p) read = { kind: 'policy', value: p };
    }
    this.byKey.set(key, { read, r });
  }

  get empty(): boolean {
    return this.byKey.size === 0;
  }

  /** Policies, network sets and tiers (the default tier always; a tier a policy names but the snapshot lacks makes that policy undetermined). */
  objects(diagnostics: Diagnostic[]): CalicoObjects | undefined {
    const reads = [...this.byKey.values()].map((e) => e.read).filter((x): x is Read => x !== undefined);
    if (reads.length === 0) return undefined;
    const tiers: CalicoTier[] = reads.filter((x) => x.kind === 'tier').map((x) => x.value as CalicoTier);
    if (!tiers.some((t) => t.name === DEFAULT_TIER.name)) tiers.push({ name: DEFAULT_TIER.name, order: DEFAULT_TIER.order, defaultAction: 'Deny' });
    const known = new Set(tiers.map((t) => t.name));
    const policies = reads
      .filter((x) => x.kind === 'policy')
      .map((x) => {
        const p = x.value as CalicoPolicy;
        if (p.tier === 'kube-admin' || p.tier === 'kube-baseline') {
          // Calico orders them among the admin network policies by priority; netpol-check puts them after.
          diagnostics.push({ severity: 'warning', code: 'calico-unmodelled', message: `${calicoPolicyRef(p)} is in the ${p.tier} tier: its order among the admin network policies of that tier is not modelled (answers are undetermined)`, source: p.source, object: calicoPolicyRef(p) });
          return { ...p, unmodelled: [...p.unmodelled, `a Calico policy in the ${p.tier} tier`] };
        }
        if (known.has(p.tier)) return p;
        diagnostics.push({ severity: 'warning', code: 'calico-unknown-tier', message: `${calicoPolicyRef(p)} is in tier ${p.tier}, which is not in the snapshot: its place in the evaluation order is unknown (add the Tier object)`, source: p.source, object: calicoPolicyRef(p) });
        return { ...p, unmodelled: [...p.unmodelled, `tier ${p.tier} (not in the snapshot)`] };
      });
    const networkSets = reads.filter((x) => x.kind === 'set').map((x) => x.value as CalicoNetworkSet);
    return { policies, networkSets, tiers };
  }

  unmodelled(objects: CalicoObjects | undefined): UnmodelledObject[] {
    return (objects?.policies ?? [])
      .filter((p) => p.unmodelled.length > 0)
      .map((p) => ({ kind: p.kind, apiVersion: p.apiVersion, name: p.name, ...(p.namespace !== undefined ? { namespace: p.namespace } : {}), effect: 'policy', owner: 'Calico', source: p.source }));
  }
}
