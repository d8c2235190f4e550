import type { Pod, Service, Snapshot } from '../model/snapshot.js';
import { POD_TEMPLATE_HASH } from '../load/deployment-owner.js';
import type { Endpoint } from '../engine/endpoint.js';
import { podId } from '../engine/connectivity.js';
import type { ExternalBlock } from '../engine/external-blocks.js';
import { formatIp, parseIp, type IpFamily } from '../net/ip-address.js';
import { formatSelector, matchesSelector } from '../select/label-selector.js';
import { closest } from '../text/did-you-mean.js';
import type { PortQuery, TargetSpec } from './target-spec.js';

/** One concrete endpoint behind a name: a pod, or a piece of address space no ipBlock splits. */
export interface Member {
  endpoint: Endpoint;
  /** `ns/pod`, `ns/name[Kind]` for a template, or an address range. */
  id: string;
}

export interface ResolvedEnd {
  /** The object the user meant, e.g. `shop/db[StatefulSet]`, `service shop/db`, `pods matching app=web in all namespaces`. */
  label: string;
  members: Member[];
  /** Set when the name was a Service: ports are mapped through it. */
  service?: Service;
}

export type Resolution = { ok: true; end: ResolvedEnd } | { ok: false; reason: string; candidates: string[] };

export interface ResolveOptions {
  /** `-n NAMESPACE`: where names and selectors without a namespace are looked up (default: everywhere). */
  namespace?: string;
  blocks: readonly ExternalBlock[];
}

export interface Candidate {
  namespace: string;
  kind: string;
  name: string;
  label: string;
  pods: Pod[];
  service?: Service;
  /** A ReplicaSet known only through its Deployment's pods and their pod-template-hash. */
  inferred?: boolean;
}

/** Built once per snapshot: a question resolves two names, verify resolves many. */
const candidateCache = new WeakMap<Snapshot, Candidate[]>();

/** Every workload, pod, ReplicaSet and Service of the snapshot that a name can mean. */
export function allCandidates(snapshot: Snapshot): Candidate[] {
  let cached = candidateCache.get(snapshot);
  if (!cached) candidateCache.set(snapshot, (cached = buildCandidates(snapshot.pods, snapshot.services, podsByNamespace(snapshot))));
  return cached;
}

interface NamespaceIndex {
  pods: Map<string, Pod[]>;
  built: Map<string, Candidate[]>;
}

const namespaceCache = new WeakMap<Snapshot, NamespaceIndex>();

/**
 * `allCandidates(snapshot)` of one namespace, in the same order, built from that namespace's pods
 * and Services only: a question that names its namespace (`-n`, `NS/NAME`) does not pay for the
 * whole cluster's (a third of a second at 100,000 pods). The same construction on a subset:
 * every key of a namespace is made by that namespace's objects only, so their order is kept.
 */
export function namespaceCandidates(snapshot: Snapshot, namespace: string): Candidate[] {
  let index = namespaceCache.get(snapshot);
  if (!index) namespaceCache.set(snapshot, (index = { pods: podsByNamespace(snapshot), built: new Map() }));
  let list = index.built.get(namespace);
  if (!list) {
    const pods = index.pods.get(namespace) ?? [];
    index.built.set(namespace, (list = buildCandidates(pods, snapshot.services.filter((s) => s.namespace === namespace), index.pods)));
  }
  return list;
}

function podsByNamespace(snapshot: Snapshot): Map<string, Pod[]> {
  const out = new Map<string, Pod[]>();
  for (const pod of snapshot.pods) {
    const list = out.get(pod.namespace);
    if (list) list.push(pod);
    else out.set(pod.namespace, [pod]);
  }
  return out;
}

function buildCandidates(pods: readonly Pod[], services: readonly Service[], podsInNamespace: ReadonlyMap<string, Pod[]>): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const pod of pods) {
    const key = `${pod.namespace}/${pod.owner.kind}/${pod.owner.name}`;
    const c = out.get(key) ?? { namespace: pod.namespace, kind: pod.owner.kind, name: pod.owner.name, label: `${pod.namespace}/${pod.owner.name}[${pod.owner.kind}]`, pods: [] };
    c.pods.push(pod);
    out.set(key, c);
    if (!pod.fromTemplate && !(pod.owner.kind === 'Pod' && pod.owner.name === pod.name)) {
      out.set(`${pod.namespace}/Pod/${pod.name}`, { namespace: pod.namespace, kind: 'Pod', name: pod.name, label: `${pod.namespace}/${pod.name}[Pod]`, pods: [pod] });
    }
  }
  // The snapshot names a Deployment's pods after it (deploymentOwner); the ReplicaSet that
  // kubectl prints (<deployment>-<pod-template-hash>) still finds them.
  for (const pod of pods) {
    const hash = pod.labels[POD_TEMPLATE_HASH];
    if (pod.owner.kind !== 'Deployment' || !hash) continue;
    const name = `${pod.owner.name}-${hash}`;
    const key = `${pod.namespace}/ReplicaSet/${name}`;
    if (out.has(key) && !out.get(key)!.inferred) continue;
    const c = out.get(key) ?? { namespace: pod.namespace, kind: 'ReplicaSet', name, label: `${pod.namespace}/${name}[ReplicaSet]`, pods: [], inferred: true };
    c.pods.push(pod);
    out.set(key, c);
  }
  // Services select pods of their own namespace: look only there (all pods per Service grew as pods × services).
  for (const svc of services) {
    const selector = svc.selector ? { matchLabels: svc.selector, matchExpressions: [] } : undefined;
    const pods = selector ? (podsInNamespace.get(svc.namespace) ?? []).filter((p) => matchesSelector(selector, p.labels)) : [];
    out.set(`${svc.namespace}/Service/${svc.name}`, { namespace: svc.namespace, kind: 'Service', name: svc.name, label: `service ${svc.namespace}/${svc.name}`, pods, service: svc });
  }
  return [...out.values()];
}

function servicePortMatches(svc: Service, port: PortQuery): boolean {
  return svc.ports.some((p) => p.protocol === port.protocol && (typeof port.port === 'number' ? p.port === port.port : p.name === port.port));
}

/** The pods whose known IPs fall in [lo, hi]. */
function podsAt(snapshot: Snapshot, family: IpFamily, lo: bigint, hi: bigint): Pod[] {
  return snapshot.pods.filter((p) =>
    p.ips.some((ip) => {
      const a = parseIp(ip);
      return a !== undefined && a.family === family && a.value >= lo && a.value <= hi;
    }),
  );
}

function podMembers(pods: Pod[]): Member[] {
  return pods.map((pod) => ({ endpoint: { kind: 'pod', pod }, id: podId(pod) }));
}

/** Turns what the user typed into pods or address pieces; unknown or ambiguous names are errors with candidates. */
export function resolveTarget(snapshot: Snapshot, spec: TargetSpec, port: PortQuery | undefined, opts: ResolveOptions): Resolution {
  if (spec.kind === 'address') {
    // Known pod IPs (status.podIP, status.podIPs) are those pods, not outside addresses.
    const pods = podsAt(snapshot, spec.family, spec.lo, spec.hi);
    const taken = new Set(pods.flatMap((p) => p.ips.map((ip) => parseIp(ip)).filter((a) => a?.family === spec.family).map((a) => a!.value)));
    const members: Member[] = podMembers(pods);
    for (const b of opts.blocks) {
      if (b.family !== spec.family || b.hi < spec.lo || b.lo > spec.hi) continue;
      const lo = b.lo > spec.lo ? b.lo : spec.lo;
      const hi = b.hi < spec.hi ? b.hi : spec.hi;
      // The piece stands for its addresses that are not pod IPs: its first such address answers for it.
      let addr = lo;
      while (taken.has(addr) && addr < hi) addr++;
      if (taken.has(addr)) continue;
      const id = lo === hi ? formatIp(b.family, lo) : `${formatIp(b.family, lo)}-${formatIp(b.family, hi)}`;
      members.push({ endpoint: { kind: 'ip', family: b.family, addr }, id });
    }
    const label = pods.length === 1 && spec.lo === spec.hi ? `${spec.text} (pod ${pods[0]!.namespace}/${pods[0]!.name})` : spec.text;
    return { ok: true, end: { label, members } };
  }
  if (spec.kind === 'selector') {
    // `team/owner=x` with no namespace `team`: a selector on the prefixed key `team/owner`.
    const unscoped = spec.namespace !== undefined && spec.unscoped !== undefined && !snapshot.namespaces.some((n) => n.name === spec.namespace);
    const selector = unscoped ? spec.unscoped! : spec.selector;
    const namespace = unscoped ? opts.namespace : (spec.namespace ?? opts.namespace);
    const pods = snapshot.pods.filter((p) => (!namespace || p.namespace === namespace) && matchesSelector(selector, p.labels));
    const where = namespace ? `namespace ${namespace}` : 'all namespaces';
    const everything = selector.matchExpressions.length === 0 && Object.keys(selector.matchLabels).length === 0;
    const what = everything ? 'all pods' : `pods matching ${formatSelector(selector)}`;
    if (pods.length === 0) return { ok: false, reason: `no pod ${everything ? 'at all' : `matches ${formatSelector(selector)}`} in ${where}`, candidates: [] };
    return { ok: true, end: { label: `${what} in ${where}`, members: podMembers(pods) } };
  }
  const namespace = spec.namespace ?? opts.namespace;
  const inScope = (namespace ? namespaceCandidates(snapshot, namespace) : allCandidates(snapshot)).filter((c) => !spec.objectKind || c.kind === spec.objectKind);
  let matches = inScope.filter((c) => c.name === spec.name);
  if (matches.length > 1) {
    // A Service and the workload behind it often share a name: with a port the Service exposes, the user means the Service.
    const services = matches.filter((c) => c.service);
    const others = matches.filter((c) => !c.service);
    if (services.length === 1 && others.length === 1 && services[0]!.namespace === others[0]!.namespace) {
      matches = port && servicePortMatches(services[0]!.service!, port) ? services : others;
    }
  }
  const what = spec.objectKind ? spec.objectKind : 'workload, pod or service';
  const where = namespace ? ` in namespace ${namespace}` : '';
  if (matches.length === 0) {
    const pool = inScope.length ? inScope : allCandidates(snapshot);
    const suggestions = closest(spec.name, [...pool.filter((c) => c.kind !== 'Pod'), ...pool.filter((c) => c.kind === 'Pod')]);
    return { ok: false, reason: `no ${what} named "${spec.name}"${where}`, candidates: suggestions };
  }
  if (matches.length > 1) {
    return { ok: false, reason: `"${spec.text}" is ambiguous: name one with NAMESPACE/NAME or KIND/NAME`, candidates: matches.map((m) => `${m.namespace}/${m.kind.toLowerCase()}/${m.name}`) };
  }
  const m = matches[0]!;
  if (m.service && !m.service.selector) return { ok: false, reason: `service ${m.namespace}/${m.name} has no selector, so no pods behind it`, candidates: [] };
  if (m.pods.length === 0) return { ok: false, reason: `${m.label} selects no pod in the snapshot`, candidates: [] };
  return { ok: true, end: { label: m.label, members: podMembers(m.pods), ...(m.service ? { service: m.service } : {}) } };
}
