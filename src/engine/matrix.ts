import type { Snapshot } from '../model/snapshot.js';
import { ConnectionSet } from '../net/connection-set.js';
import { Bitset, orInto, andInto, setBits, wordsFor } from './bitset.js';
import { compilePolicies, type CompiledPolicy, type CompiledRule, type Universe } from './compile.js';
import type { Traffic, Endpoint } from './endpoint.js';
import { blockOf, externalBlocks, mentionsIpv6, type ExternalBlock } from './external-blocks.js';
import { buildPodIndex, type PodIndex } from './pod-index.js';
import { buildPortSpace, namedKey, type PortAtom, type PortClass } from './port-space.js';

/**
 * Allowed connections between entities — pod classes `0..classes-1`, then external blocks —
 * as one bit matrix per port class: bit (src, dst) of `rows[k]` says that every port of port
 * class k is open from src to dst. Between two pods of one class the bit speaks of two
 * *different* pods; a pod always reaches itself.
 */
export class ReachabilityMatrix {
  readonly words: number;

  constructor(
    readonly universe: Universe,
    readonly portClasses: readonly PortClass[],
    readonly rows: readonly Uint32Array[],
    readonly isolated: { ingress: Bitset; egress: Bitset },
    readonly policies: readonly CompiledPolicy[],
    /** Reports show IPv6 ranges only when the snapshot mentions IPv6. */
    readonly showIpv6: boolean,
  ) {
    this.words = wordsFor(universe.size);
  }

  get pods(): PodIndex {
    return this.universe.pods;
  }

  get blocks(): readonly ExternalBlock[] {
    return this.universe.blocks;
  }

  /** Entity index of external block `i`. */
  blockEntity(i: number): number {
    return this.universe.pods.classes.length + i;
  }

  allows(k: number, src: number, dst: number): boolean {
    const w = this.rows[k]![src * this.words + (dst >>> 5)]!;
    return ((w >>> (dst & 31)) & 1) === 1;
  }

  /** Entity index of a pod's class or of the block holding an address. */
  entityOf(e: Endpoint): number {
    if (e.kind === 'pod') {
      const c = this.pods.classOf.get(e.pod);
      if (c === undefined) throw new Error(`pod ${e.pod.id} is not in this snapshot`);
      return c;
    }
    return this.blockEntity(blockOf(this.blocks, e.family, e.addr));
  }

  /** One connection attempt. A pod always reaches itself; NetworkPolicy has no say between two outside addresses. */
  isAllowed(t: Traffic): boolean {
    if (t.src.kind === 'pod' && t.dst.kind === 'pod' && t.src.pod === t.dst.pod) return true;
    if (t.src.kind === 'ip' && t.dst.kind === 'ip') return true;
    return this.connections(this.entityOf(t.src), this.entityOf(t.dst)).has(t.protocol, t.port);
  }

  connections(src: number, dst: number): ConnectionSet {
    let out = ConnectionSet.NONE;
    for (const pc of this.portClasses) if (this.allows(pc.index, src, dst)) out = out.union(pc.connections);
    return out;
  }
}

export function computeMatrix(snapshot: Snapshot): ReachabilityMatrix {
  const pods = buildPodIndex(snapshot);
  const blocks = externalBlocks(snapshot);
  const P = pods.classes.length;
  const universe: Universe = { pods, blocks, size: P + blocks.length };
  const W = wordsFor(universe.size);
  const policies = compilePolicies(snapshot.policies, universe);
  const portClasses = buildPortSpace(snapshot.policies, pods);

  // Rules that apply to each pod class, per direction; isolation follows from there being any.
  const ingressOf: CompiledRule[][] = Array.from({ length: P }, () => []);
  const egressOf: CompiledRule[][] = Array.from({ length: P }, () => []);
  const isolated = { ingress: new Bitset(P), egress: new Bitset(P) };
  for (const cp of policies) {
    for (const c of setBits(cp.targets.words)) {
      if (c >= P) break;
      if (cp.policy.affects.ingress) {
        isolated.ingress.set(c);
        ingressOf[c]!.push(...cp.ingress);
      }
      if (cp.policy.affects.egress) {
        isolated.egress.set(c);
        egressOf[c]!.push(...cp.egress);
      }
    }
  }

  // Named port → port number → classes whose container port of that name has that number.
  const namedPorts = new Map<string, Map<number, number[]>>();
  for (const c of pods.classes) {
    for (const cp of c.ports) {
      const key = namedKey(cp.name!, cp.protocol);
      const byPort = namedPorts.get(key) ?? new Map<number, number[]>();
      namedPorts.set(key, byPort);
      byPort.set(cp.port, [...(byPort.get(cp.port) ?? []), c.index]);
    }
  }

  const full = Bitset.full(universe.size).words;
  const rows = portClasses.map((pc) => computePortClass(pc.rep));

  function fixedPortMatch(r: CompiledRule, a: PortAtom): boolean {
    return r.anyPort || r.numeric.some((s) => s.protocol === a.protocol && (s.kind === 'all' || (s.from <= a.lo && a.hi <= s.to)));
  }

  /** Classes where one of the rule's named ports resolves to the atom (a single port). */
  function namedDestinations(r: CompiledRule, a: PortAtom): Uint32Array {
    const out = new Uint32Array(W);
    if (a.lo !== a.hi) return out;
    for (const n of r.named) {
      if (n.protocol !== a.protocol) continue;
      for (const c of namedPorts.get(namedKey(n.name, n.protocol))?.get(a.lo) ?? []) out[c >>> 5]! |= 1 << (c & 31);
    }
    return out;
  }

  function computePortClass(a: PortAtom): Uint32Array {
    const namedCache = new Map<CompiledRule, Uint32Array>();
    const named = (r: CompiledRule): Uint32Array => {
      let v = namedCache.get(r);
      if (!v) namedCache.set(r, (v = namedDestinations(r, a)));
      return v;
    };

    // Egress: what each source class may send to.
    const out = new Uint32Array(universe.size * W);
    const tmp = new Uint32Array(W);
    for (let s = 0; s < P; s++) {
      const row = out.subarray(s * W, (s + 1) * W);
      if (!isolated.egress.has(s)) {
        row.set(full);
        continue;
      }
      for (const r of egressOf[s]!) {
        if (fixedPortMatch(r, a)) {
          orInto(row, r.peers ? r.peers.words : full);
        } else if (r.named.length) {
          tmp.set(named(r));
          if (r.peers) andInto(tmp, r.peers.words);
          orInto(row, tmp);
        }
      }
    }

    // Ingress, transposed: accepts[src] = destinations that accept src.
    const accepts = new Uint32Array(universe.size * W);
    const openIngress = new Uint32Array(W);
    for (let d = 0; d < P; d++) if (!isolated.ingress.has(d)) openIngress[d >>> 5]! |= 1 << (d & 31);
    for (let b = P; b < universe.size; b++) openIngress[b >>> 5]! |= 1 << (b & 31); // nothing guards an outside address
    for (let s = 0; s < universe.size; s++) accepts.set(openIngress, s * W);
    const ingressRow = new Uint32Array(W);
    for (let d = 0; d < P; d++) {
      if (!isolated.ingress.has(d)) continue;
      ingressRow.fill(0);
      for (const r of ingressOf[d]!) {
        const match = fixedPortMatch(r, a) || (r.named.length > 0 && ((named(r)[d >>> 5]! >>> (d & 31)) & 1) === 1);
        if (match) orInto(ingressRow, r.peers ? r.peers.words : full);
      }
      const bit = 1 << (d & 31);
      const word = d >>> 5;
      for (const s of setBits(ingressRow)) accepts[s * W + word]! |= bit;
    }

    // Sources outside the pod network are not restricted on egress, and never reach each other.
    for (let x = P; x < universe.size; x++) {
      const row = out.subarray(x * W, (x + 1) * W);
      row.set(full);
      for (let b = P; b < universe.size; b++) row[b >>> 5]! &= ~(1 << (b & 31));
    }
    for (let i = 0; i < out.length; i++) out[i]! &= accepts[i]!;
    // Pod-to-external: the external end has no ingress policy (already open in `accepts`).
    return out;
  }

  return new ReachabilityMatrix(universe, portClasses, rows, isolated, policies, mentionsIpv6(snapshot));
}
