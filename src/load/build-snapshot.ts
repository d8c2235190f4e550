import type { Diagnostic } from '../model/diagnostic.js';
import type { AdminPolicy } from '../model/admin-policy.js';
import type { NetworkPolicy } from '../model/policy.js';
import type { Labels } from '../model/labels.js';
import type { Namespace, Owner, Pod, Service, Snapshot } from '../model/snapshot.js';
import { deploymentOwner } from './deployment-owner.js';
import { NAME_LABEL } from './kinds/namespace.js';
import { controllerOf } from './kinds/pod-spec.js';
import type { LoadedPod } from './kinds/pod.js';
import type { LoadedWorkload } from './kinds/workload.js';

export interface LoadedObjects {
  namespaces: Namespace[];
  pods: LoadedPod[];
  workloads: LoadedWorkload[];
  policies: NetworkPolicy[];
  services: Service[];
  adminPolicies?: AdminPolicy[];
}

const workloadKey = (kind: string, namespace: string, name: string): string => `${kind}/${namespace}/${name}`;

/**
 * Assembles the snapshot:
 * - a pod's owner in reports is its controller, followed up through workloads that are in the
 *   snapshot (Pod → ReplicaSet → Deployment when both are given); an owner reference without a
 *   kind is reported as kind Pod with the owner's name; a ReplicaSet named after its
 *   Deployment and pod-template-hash is reported as that Deployment (deploymentOwner);
 * - a workload none of whose pods (or child workloads) are given stands for its pod template;
 * - namespaces used but not declared exist implicitly, labelled with their name.
 */
export function buildSnapshot(objects: LoadedObjects, diagnostics: Diagnostic[]): Snapshot {
  const workloads = new Map<string, LoadedWorkload>();
  for (const w of objects.workloads) workloads.set(workloadKey(w.kind, w.namespace, w.name), w);

  const parentOf = (ns: string, refs: LoadedWorkload['ownerRefs']): LoadedWorkload | undefined => {
    const c = controllerOf(refs);
    return c?.kind ? workloads.get(workloadKey(c.kind, ns, c.name)) : undefined;
  };
  /** Workloads that have pods or child workloads in the snapshot do not stand for templates. */
  const covered = new Set<LoadedWorkload>();
  const topOwner = (ns: string, refs: LoadedWorkload['ownerRefs'], labels: Labels, self?: LoadedWorkload): Owner | undefined => {
    let current = self;
    let parent = parentOf(ns, refs);
    const seen = parent ? new Set<LoadedWorkload>() : undefined;
    while (parent && !seen!.has(parent)) {
      seen!.add(parent);
      covered.add(parent);
      current = parent;
      parent = parentOf(ns, parent.ownerRefs);
    }
    if (current) return deploymentOwner({ kind: current.kind, name: current.name }, labels, controllerOf(current.ownerRefs)?.kind ?? '');
    const c = controllerOf(refs);
    return c ? deploymentOwner({ kind: c.kind ?? 'Pod', name: c.name }, labels) : undefined;
  };

  const pods: Pod[] = objects.pods.map((p) => ({
    id: `${p.namespace}/${p.name}`,
    name: p.name,
    namespace: p.namespace,
    labels: p.labels,
    annotations: p.annotations,
    ports: p.ports,
    ips: p.ips,
    hostNetwork: p.hostNetwork,
    serviceAccountName: p.serviceAccountName,
    ...(p.containerText ? { containerText: p.containerText } : {}),
    owner: topOwner(p.namespace, p.ownerRefs, p.labels) ?? { kind: 'Pod', name: p.name },
    fromTemplate: false,
    replicas: 1,
    source: p.source,
  }));
  for (const w of objects.workloads) topOwner(w.namespace, w.ownerRefs, w.labels, w);
  for (const w of objects.workloads) {
    if (covered.has(w)) continue;
    // An old ReplicaSet revision scaled to zero under a Deployment runs no pod.
    if (w.replicas === 0 && parentOf(w.namespace, w.ownerRefs)) continue;
    const owner = topOwner(w.namespace, w.ownerRefs, w.labels, w) ?? { kind: w.kind, name: w.name };
    pods.push({
      id: `${w.namespace}/${owner.name}[${owner.kind}]`,
      name: owner.name,
      namespace: w.namespace,
      labels: w.labels,
      annotations: w.annotations,
      ports: w.ports,
      ips: [],
      hostNetwork: w.hostNetwork,
      serviceAccountName: w.serviceAccountName,
      ...(w.containerText ? { containerText: w.containerText } : {}),
      owner,
      fromTemplate: true,
      replicas: w.replicas,
      source: w.source,
    });
  }

  const namespaces = new Map<string, Namespace>();
  for (const ns of dedupe(objects.namespaces, (n) => n.name, 'Namespace', diagnostics)) namespaces.set(ns.name, ns);
  const used = [...pods.map((p) => p.namespace), ...objects.policies.map((p) => p.namespace), ...objects.services.map((s) => s.namespace)];
  for (const name of used) {
    if (!namespaces.has(name)) namespaces.set(name, { name, labels: { [NAME_LABEL]: name }, annotations: {}, implicit: true });
  }

  return {
    namespaces: [...namespaces.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    pods: dedupe(pods, (p) => p.id, 'Pod', diagnostics),
    policies: dedupe(objects.policies, (p) => `${p.namespace}/${p.name}`, 'NetworkPolicy', diagnostics),
    services: dedupe(objects.services, (s) => `${s.namespace}/${s.name}`, 'Service', diagnostics),
    ...(objects.adminPolicies?.length ? { adminPolicies: dedupe(objects.adminPolicies, (p) => `${p.kind}/${p.name}`, 'AdminPolicy', diagnostics) } : {}),
  };
}

/**
 * Two objects of one kind and name: the last wins, as with `kubectl apply` (each apply of the
 * same name replaces the object), with a warning that names both places.
 */
function dedupe<T extends { source?: Diagnostic['source'] }>(items: T[], key: (t: T) => string, kind: string, diagnostics: Diagnostic[]): T[] {
  const last = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const before = last.get(k);
    if (before) {
      const where = (t: T): string => (t.source ? `${t.source.file}:${t.source.line}` : 'an earlier input');
      diagnostics.push({
        severity: 'warning',
        code: 'duplicate-object',
        message: `${kind} ${k} is defined twice (${where(before)} and ${where(item)}); the later one is used, as kubectl apply would leave it`,
        source: item.source,
        object: `${kind} ${k}`,
      });
      last.delete(k);
    }
    last.set(k, item);
  }
  return [...last.values()];
}
