import { addressFamilies } from '../net/address-families.js';
import { computeMatrix } from '../engine/matrix.js';
import { externalId } from '../engine/node.js';
import { DEFAULT_ASSUMPTIONS } from '../model/cni.js';
import type { Pod, Snapshot } from '../model/snapshot.js';
import { ConnectionSet } from '../net/connection-set.js';
import { combinePieces, type AddressPiece } from './address-pieces.js';
import { ownerId, type PodClass } from './pod-classes.js';
import { hasReplicaPeers, requirementOfMatrix, type Requirement } from './requirement.js';

/** Connections between two workloads (or a workload and an address range) that differ from the requirement. */
export interface FlowDifference {
  src: string;
  dst: string;
  connections: ConnectionSet;
  /** Why the generated policies cannot say it exactly (extra) or could not allow it (missing). */
  why: string;
}

export interface GenerationProof {
  /** Required flows: workload pairs (and workload–address range pairs) with a required connection, a managed pod at one end. */
  required: number;
  /** Required but denied by the snapshot with the generated policies. */
  missing: FlowDifference[];
  /** Allowed by the snapshot with the generated policies but not required. */
  extra: FlowDifference[];
}

interface Context {
  before: Snapshot;
  classOf: ReadonlyMap<Pod, PodClass>;
  /** Pods of a class whose requirements differ, so that its policy allows the union. */
  uneven: ReadonlySet<PodClass>;
  managed: ReadonlySet<string>;
}

function reason(ctx: Context, pods: readonly Pod[], kind: 'extra' | 'missing'): string {
  const hostNetwork = (ctx.before.assumptions ?? DEFAULT_ASSUMPTIONS).hostNetwork === 'node' && pods.find((p) => p.hostNetwork);
  if (hostNetwork) return `${ownerId(hostNetwork)} is on the host network: its traffic is node traffic, which no policy selects`;
  for (const p of pods) {
    const c = ctx.classOf.get(p);
    if (c && c.owners.length > 1) return `${c.owners.join(' and ')} have the same labels: no selector tells them apart`;
    if (c && ctx.uneven.has(c)) return `the pods of ${c.owners[0]} have the same labels but need different connections: no selector tells them apart`;
  }
  const unmanaged = pods.find((p) => !ctx.managed.has(p.namespace));
  if (kind === 'missing' && unmanaged) return `${ownerId(unmanaged)} is in namespace ${unmanaged.namespace}, whose own policies were kept`;
  if (ctx.before.adminPolicies?.length || ctx.before.ciliumPolicies?.length || ctx.before.calico?.policies.length) return `decided by the admin, Cilium or Calico policies, which were kept`;
  return kind === 'extra' ? 'a generated selector or ipBlock is wider than the requirement' : 'denied by the generated policies (a bug: please report it)';
}

class Tally {
  private readonly items = new Map<string, { src: string; dst: string; connections: ConnectionSet; pods: Pod[] }>();
  add(src: string, dst: string, c: ConnectionSet, pods: Pod[]): void {
    if (c.isEmpty()) return;
    const key = `${src}\u0000${dst}`;
    const seen = this.items.get(key);
    if (seen) {
      seen.connections = seen.connections.union(c);
      seen.pods.push(...pods);
    } else this.items.set(key, { src, dst, connections: c, pods: [...pods] });
  }
  get size(): number {
    return this.items.size;
  }
  list(ctx: Context, kind: 'extra' | 'missing'): FlowDifference[] {
    return [...this.items.values()]
      .sort((a, b) => (a.src < b.src ? -1 : a.src > b.src ? 1 : a.dst < b.dst ? -1 : a.dst > b.dst ? 1 : 0))
      .map((i) => ({ src: i.src, dst: i.dst, connections: i.connections, why: reason(ctx, i.pods, kind) }));
  }
}

const range = (p: AddressPiece) => externalId(p.family, p.lo, p.hi);

/**
 * Computes the matrix of `after` (the snapshot with the generated policies) and compares it
 * with the requirement, pod pair by pod pair and address by address, wherever a managed pod is
 * at one end.
 */
export function proveGeneration(req: Requirement, before: Snapshot, after: Snapshot, classes: readonly PodClass[], managed: ReadonlySet<string>): GenerationProof {
  const actual = requirementOfMatrix(computeMatrix(after), req.pods);
  const classOf = new Map<Pod, PodClass>();
  for (const c of classes) for (const p of c.pods) classOf.set(p, c);
  // Required flows are only counted, by numbered workloads: at 2,000 bare pods they are millions of workload pairs.
  const required = new Set<number | string>();
  const ownerNumber = new Map<string, number>();
  const numberOf = (p: Pod): number => {
    const id = ownerId(p);
    let n = ownerNumber.get(id);
    if (n === undefined) ownerNumber.set(id, (n = ownerNumber.size));
    return n;
  };
  const ownerNumbers = new Map<Pod, number>(req.pods.map((p) => [p, numberOf(p)]));
  const missing = new Tally();
  const extra = new Tally();
  const uneven = new Set<PodClass>();
  const pods = req.pods;
  // A connection needs an address family both ends have: a pod whose known IPs are all IPv4 opens
  // nothing to an IPv6 address, whatever a policy says. NetworkPolicy's engine does not look at
  // families; Calico's does (it renders a rule with IPv6 nets for IPv6 only): such pairs are no flow.
  const families = new Map<Pod, ReadonlySet<number>>(pods.map((p) => [p, new Set(addressFamilies(p.ips))]));
  const can = (a: Pod, family: number): boolean => families.get(a)!.size === 0 || families.get(a)!.has(family);
  const sharesFamily = (a: Pod, b: Pod): boolean => families.get(a)!.size === 0 || families.get(b)!.size === 0 || [...families.get(a)!].some((f) => families.get(b)!.has(f));
  for (const a of pods) {
    for (const b of pods) {
      if (a === b && !hasReplicaPeers(a)) continue;
      if (!managed.has(a.namespace) && !managed.has(b.namespace)) continue;
      if (!sharesFamily(a, b)) continue;
      const want = req.between(a, b);
      const got = actual.between(a, b);
      // Two workload numbers in one (fewer than 4,194,304 workloads: far past any snapshot this reads).
      if (!want.isEmpty()) required.add(ownerNumbers.get(a)! * 4194304 + ownerNumbers.get(b)!);
      if (want === got || want.equals(got)) continue;
      missing.add(ownerId(a), ownerId(b), want.subtract(got), [a, b]);
      extra.add(ownerId(a), ownerId(b), got.subtract(want), [a, b]);
    }
    if (!managed.has(a.namespace)) continue;
    for (const [wantAll, gotAll, dir] of [[req.fromOutside(a), actual.fromOutside(a), 'in'], [req.toOutside(a), actual.toOutside(a), 'out']] as const) {
      const want = wantAll.filter((p) => can(a, p.family));
      const got = gotAll.filter((p) => can(a, p.family));
      const ends = (p: AddressPiece): [string, string] => (dir === 'in' ? [range(p), ownerId(a)] : [ownerId(a), range(p)]);
      for (const p of want) if (!p.connections.isEmpty()) required.add(ends(p).join('\u0000'));
      for (const p of combinePieces(want, got, (w, g) => w.subtract(g))) missing.add(...ends(p), p.connections, [a]);
      for (const p of combinePieces(want, got, (w, g) => g.subtract(w))) extra.add(...ends(p), p.connections, [a]);
    }
  }
  // A class whose pods need different connections from the same peer.
  for (const c of classes) {
    const [first, ...rest] = c.pods;
    if (!first || !rest.length) continue;
    const others = pods.filter((o) => classOf.get(o) !== c);
    // Compared peer by peer, stopping at the first difference (not as strings of every peer).
    const same = (x: ConnectionSet, y: ConnectionSet) => x === y || x.equals(y);
    const samePieces = (x: readonly AddressPiece[], y: readonly AddressPiece[]) => x === y || (x.length === y.length && x.every((a, i) => a.family === y[i]!.family && a.lo === y[i]!.lo && a.hi === y[i]!.hi && same(a.connections, y[i]!.connections)));
    const likeFirst = (p: Pod) =>
      others.every((o) => same(req.between(p, o), req.between(first, o)) && same(req.between(o, p), req.between(o, first))) && samePieces(req.fromOutside(p), req.fromOutside(first)) && samePieces(req.toOutside(p), req.toOutside(first));
    if (!rest.every(likeFirst)) uneven.add(c);
  }
  const ctx: Context = { before, classOf, uneven, managed };
  return { required: required.size, missing: missing.list(ctx, 'missing'), extra: extra.list(ctx, 'extra') };
}
