import { API_V1, semanticsName, type SemanticsName } from '../model/semantics.js';
import type { Progress } from '../model/progress.js';
import type { Snapshot } from '../model/snapshot.js';
import { ConnectionSet } from '../net/connection-set.js';
import { PortSet } from '../net/port-set.js';
import { Bitset, forEachSetBit, wordsFor } from './bitset.js';
import { throughTiers, type SetAlgebra } from './admin-tiers.js';
import { compilePolicies, podSelection, type CompiledPolicy, type CompiledRule, type Universe } from './compile.js';
import { compileAdmin, type ClassTiers, type CompiledAdminRule } from './compile-admin.js';
import { compileCalico } from './compile-calico.js';
import { CalicoSides } from './calico-sides.js';
import { compileCilium } from './compile-cilium.js';
import { CiliumSides } from './cilium-sides.js';
import { ConnectionPool } from './connection-pool.js';
import type { Endpoint, Traffic } from './endpoint.js';
import { DEFAULT_ASSUMPTIONS } from '../model/cni.js';
import { blockOf, externalBlocks, mentionsIpv6, podAddressCoveredBlocks, type ExternalBlock } from './external-blocks.js';
import { buildPodIndex, type PodIndex } from './pod-index.js';
import { NonZeroWords, SparseUnionPool, type SparseUnion } from './sparse-union.js';
import { calicoServiceAccountProfiles } from '../select/calico-labels.js';

/** One source's allowed destinations: for each distinct connection set, the destinations that get it. */
export interface Row {
  ids: number[];
  bits: Uint32Array[];
}

/**
 * Allowed connections between entities — pod classes `0..classes-1`, then external blocks.
 * Row `s` holds, per distinct connection set, a bitset of destinations. Between two pods of
 * one class the answer speaks of two *different* pods; a pod always reaches itself.
 */
export class ReachabilityMatrix {
  readonly words: number;

  constructor(
    readonly universe: Universe,
    readonly pool: ConnectionPool,
    readonly rows: readonly Row[],
    readonly isolated: { ingress: Bitset; egress: Bitset },
    readonly policies: readonly CompiledPolicy[],
    /** Reports show IPv6 ranges only when the snapshot mentions IPv6. */
    readonly showIpv6: boolean,
    /** How the snapshot's policies were read. */
    readonly semantics: SemanticsName = API_V1,
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

  /** Entity index of a pod's class or of the block holding an address. */
  entityOf(e: Endpoint): number {
    if (e.kind === 'pod') {
      const c = this.pods.classOf.get(e.pod);
      if (c === undefined) throw new Error(`pod ${e.pod.id} is not in this snapshot`);
      return c;
    }
    return this.blockEntity(blockOf(this.blocks, e.family, e.addr));
  }

  /** Interned id (see `pool`) of what `src` may open to `dst`; 0 is nothing. */
  connectionId(src: number, dst: number): number {
    const row = this.rows[src]!;
    const word = dst >>> 5;
    const bit = 1 << (dst & 31);
    for (let i = 0; i < row.ids.length; i++) if (row.bits[i]![word]! & bit) return row.ids[i]!;
    return 0;
  }

  connections(src: number, dst: number): ConnectionSet {
    return this.pool.get(this.connectionId(src, dst));
  }

  /** One connection attempt. A pod always reaches itself; NetworkPolicy has no say between two outside addresses. */
  isAllowed(t: Traffic): boolean {
    if (t.src.kind === 'pod' && t.dst.kind === 'pod' && t.src.pod === t.dst.pod) return true;
    if (t.src.kind === 'ip' && t.dst.kind === 'ip') return true;
    return this.connections(this.entityOf(t.src), this.entityOf(t.dst)).has(t.protocol, t.port);
  }
}

/** Rules of one side that open the same ports, with the union of their entity bitsets. */
interface Group {
  portId: number;
  named: CompiledRule['named'];
  namedKey: string;
  /** = union.bits */
  bits: Uint32Array;
  union: SparseUnion;
}

const MAX_MASK_GROUPS = 26;

/**
 * Under `snapshot.assumptions` (what the network plugin does; absent: DEFAULT_ASSUMPTIONS). `pool` may be shared between matrices.
 * `like`: a matrix of a variant of this snapshot (other policies, the same pods and namespaces)
 * whose pod classes are taken as they are when the external blocks are the same (lint's
 * redundant-rule computes one matrix per rule; the classes were most of that time).
 */
export function computeMatrix(snapshot: Snapshot, pool: ConnectionPool = new ConnectionPool(), progress?: Progress, like?: ReachabilityMatrix): ReachabilityMatrix {
  const blocks = externalBlocks(snapshot);
  const covered = podAddressCoveredBlocks(snapshot, blocks);
  const pods = like && samePodIndex(like.universe, snapshot, blocks, covered) ? like.universe.pods : buildPodIndex(snapshot, blocks, covered);
  const P = pods.classes.length;
  const E = P + blocks.length;
  const universe: Universe = { pods, blocks, size: E, basis: { pods: snapshot.pods, namespaces: snapshot.namespaces, covered } };
  const W = wordsFor(E);
  const selectPods = podSelection(universe);
  const policies = compilePolicies(snapshot.policies, universe, selectPods, snapshot.assumptions ?? DEFAULT_ASSUMPTIONS);
  const admin = snapshot.adminPolicies?.length ? compileAdmin(snapshot.adminPolicies, universe, selectPods) : null;
  // Cilium policies (docs/cilium.md): per pair, each side they act on goes through compile-cilium's sides.
  const cilium = snapshot.ciliumPolicies?.length ? compileCilium(snapshot.ciliumPolicies, universe) : null;

  // Per pod class: the egress policies that select it, and which ingress rules' peers hold it.
  // Classes with the same of both get the same row, computed once.
  const egressPolicies: number[][] = Array.from({ length: P }, () => []);
  const ingressRules: CompiledRule[] = [];
  const isolated = { ingress: new Bitset(P), egress: new Bitset(P) };
  policies.forEach((cp, i) => {
    if (cp.policy.affects.ingress) {
      isolated.ingress.orWith(new Bitset(P, cp.targets.words.subarray(0, wordsFor(P))));
      ingressRules.push(...cp.ingress);
    }
    if (cp.policy.affects.egress) {
      isolated.egress.orWith(new Bitset(P, cp.targets.words.subarray(0, wordsFor(P))));
      forEachSetBit(cp.targets.words, (c) => {
        if (c < P) egressPolicies[c]!.push(i);
      });
    }
  });
  // Calico policies (docs/calico.md): with them, every side of every pair goes through Calico's tiers,
  // which hold NetworkPolicy (knp.default.*) and the admin network policies (kube-admin, kube-baseline).
  const calico = snapshot.calico ? compileCalico(snapshot.calico, universe, isolated, admin !== null, calicoServiceAccountProfiles(snapshot.serviceAccounts)) : null;
  const universalIngress: number[] = [];
  const ingressOf: number[][] = Array.from({ length: E }, () => []);
  ingressRules.forEach((r, j) => {
    if (r.peers === null) universalIngress.push(j);
    else forEachSetBit(r.peers.words, (s) => ingressOf[s]!.push(j));
  });

  const full = Bitset.full(E).words;
  const podsOnly = Bitset.full(P);
  const podWords = new Uint32Array(W);
  podWords.set(podsOnly.words);
  // Destinations that accept anything: pods not isolated for ingress, and every outside address.
  const openIngress = full.slice();
  for (let w = 0; w < wordsFor(P); w++) openIngress[w]! &= ~isolated.ingress.words[w]!;

  // Named ports resolve against the destination pod class.
  const namedCache = new Map<string, number>();
  const namedConnections = (g: Group, d: number): number => {
    if (d >= P) return g.portId;
    const key = `${g.namedKey}@${d}`;
    let id = namedCache.get(key);
    if (id === undefined) {
      let cs = pool.get(g.portId);
      for (const n of g.named) {
        const numbers = pods.classes[d]!.ports.filter((p) => p.name === n.name && p.protocol === n.protocol).map((p): [number, number] => [p.port, p.port]);
        if (numbers.length) cs = cs.union(ConnectionSet.of({ [n.protocol]: PortSet.of(numbers) }));
      }
      namedCache.set(key, (id = pool.id(cs)));
    }
    return id;
  };

  const nonZero = new NonZeroWords();
  const unions = new SparseUnionPool(W);
  const group = (rules: readonly CompiledRule[], bitsOf: (r: CompiledRule) => Uint32Array): Group[] => {
    const byKey = new Map<string, Group>();
    for (const r of rules) {
      let g = byKey.get(r.portKey);
      if (!g) {
        const union = unions.take();
        g = { portId: pool.id(r.ports), named: r.named, namedKey: r.portKey, bits: union.bits, union };
        byKey.set(r.portKey, g);
      }
      const b = bitsOf(r);
      g.union.or(b, nonZero.of(b));
    }
    return [...byKey.values()];
  };
  const unionOf = (groups: readonly Group[]): SparseUnion => {
    const all = unions.take();
    for (const g of groups) all.orUnion(g.union);
    return all;
  };
  const everyWord = Array.from({ length: W }, (_, w) => w);

  const unionOver = (groups: Group[], d: number): number => {
    const word = d >>> 5;
    const bit = 1 << (d & 31);
    let id = 0;
    for (const g of groups) if (g.bits[word]! & bit) id = pool.union(id, g.named.length ? namedConnections(g, d) : g.portId);
    return id;
  };

  // Cluster-wide policies: per pair, each side goes through the tiers (admin-tiers.ts).
  const algebra: SetAlgebra<number> = {
    none: 0,
    all: pool.all,
    union: (a, b) => pool.union(a, b),
    intersect: (a, b) => pool.intersect(a, b),
    subtract: (a, b) => pool.subtract(a, b),
    isEmpty: (a) => a === 0,
  };
  const adminPorts = new Map<CompiledAdminRule, number>();
  const adminNamed = new Map<string, number>();
  const ruleIds = new Map<CompiledAdminRule, number>();
  const portsOf = (r: CompiledAdminRule, d: number): number => {
    let base = adminPorts.get(r);
    if (base === undefined) adminPorts.set(r, (base = pool.id(r.ports)));
    if (!r.named.length || d >= P) return base;
    let rid = ruleIds.get(r);
    if (rid === undefined) ruleIds.set(r, (rid = ruleIds.size));
    const key = `${rid}@${d}`;
    let id = adminNamed.get(key);
    if (id === undefined) {
      let cs = pool.get(base);
      for (const cp of pods.classes[d]!.ports) if (r.named.includes(cp.name!)) cs = cs.union(ConnectionSet.of({ [cp.protocol]: PortSet.of([[cp.port, cp.port]]) }));
      adminNamed.set(key, (id = pool.id(cs)));
    }
    return id;
  };
  const ciliumSides = cilium ? new CiliumSides(pool, pods, algebra) : null;
  const calicoSides = calico ? new CalicoSides(pool, pods, algebra) : null;
  const adminSteps = (t: ClassTiers, peer: number, d: number) => {
    const word = peer >>> 5;
    const bit = 1 << (peer & 31);
    const matched = (rules: CompiledAdminRule[]) => rules.filter((r) => r.peers.words[word]! & bit).map((r) => ({ action: r.rule.action, ports: portsOf(r, d) }));
    return { admin: matched(t.admin), baseline: matched(t.baseline) };
  };
  const tiers = (t: ClassTiers, peer: number, d: number, networkPolicy: number | null): number => {
    const word = peer >>> 5;
    const bit = 1 << (peer & 31);
    const matched = (rules: CompiledAdminRule[]) => rules.filter((r) => r.peers.words[word]! & bit).map((r) => ({ action: r.rule.action, ports: portsOf(r, d) }));
    return throughTiers(algebra, matched(t.admin), networkPolicy, matched(t.baseline)).allowed;
  };
  // Which admin rules' peers hold each entity: sources with the same answer share rows.
  const adminPeerKey: string[] = Array.from({ length: E }, () => '');
  if (admin) {
    const all = new Set<CompiledAdminRule>();
    for (const t of [...admin.egress, ...admin.ingress]) for (const r of [...t.admin, ...t.baseline]) all.add(r);
    [...all].forEach((r, j) => {
      for (const e of r.peers.indices()) adminPeerKey[e] += `${j},`;
    });
  }

  const rows: Row[] = [];
  const rowCache = new Map<string, Row>();
  const ingressLists = new ListInterner();
  for (let s = 0; s < E; s++) {
    if (progress && s % 1024 === 1023) progress('computing connectivity', s, E);
    const srcIsPod = s < P;
    const egKey = srcIsPod && isolated.egress.has(s) ? egressPolicies[s]!.join(',') : srcIsPod ? 'open' : 'outside';
    const inList = universalIngress.length ? [...universalIngress, ...ingressOf[s]!] : ingressOf[s]!;
    const adminEg = admin !== null && srcIsPod && admin.egressSubjects.has(s);
    const ciliumEg = cilium !== null && srcIsPod && cilium.egress[s] !== null;
    const rowKey = `${egKey}#${ingressLists.id(inList)}${admin ? `#${srcIsPod ? admin.egressKey[s] : ''}#${adminPeerKey[s]}` : ''}${cilium ? `#${cilium.rowKey[s]}` : ''}${calico ? `#${calico.rowKey[s]}` : ''}`;
    const cached = rowCache.get(rowKey);
    if (cached) {
      rows.push(cached);
      continue;
    }
    const eg: Group[] | null =
      srcIsPod && isolated.egress.has(s)
        ? group(
            egressPolicies[s]!.flatMap((i) => policies[i]!.egress),
            (r) => r.peers?.words ?? full,
          )
        : null;
    const ig = group(
      inList.map((j) => ingressRules[j]!),
      (r) => r.targets.words,
    );
    const egNamed = eg ? eg.reduce((m, g, i) => (g.named.length && i < MAX_MASK_GROUPS ? m | (1 << i) : m), 0) : 0;
    const igNamed = ig.reduce((m, g, i) => (g.named.length && i < MAX_MASK_GROUPS ? m | (1 << i) : m), 0);
    const cacheable = (eg?.length ?? 0) <= MAX_MASK_GROUPS && ig.length <= MAX_MASK_GROUPS;
    const cache = new Map<number, number>();
    const out = new Map<number, Uint32Array>();
    // The words a destination can be in: those of the egress rules' peers (all, when egress is
    // open or an admin rule may open it); the ingress side ORed once per row, sparsely.
    const egAll = eg && !adminEg && !ciliumEg && !calico ? unionOf(eg) : null;
    const igAll = unionOf(ig);
    const words = egAll ? (egAll.touched() ?? everyWord) : everyWord;
    // Per word, the groups with a bit in it: the per-destination masks look only at those.
    const egActive = new Int32Array(eg?.length ?? 0);
    const igActive = new Int32Array(ig.length);

    for (const w of words) {
      let egWord: number;
      if (adminEg || ciliumEg || (calico && srcIsPod)) egWord = full[w]!; // an admin or Cilium rule may open what NetworkPolicy does not
      else if (egAll) egWord = egAll.bits[w]!;
      else egWord = srcIsPod ? full[w]! : podWords[w]!; // outside sources never reach outside addresses
      if (egWord === 0) continue;
      let inWord = openIngress[w]! | igAll.bits[w]!;
      if (admin && w < admin.ingressSubjects.words.length) inWord |= admin.ingressSubjects.words[w]!;
      if (cilium) inWord |= cilium.ingressSubjects.words[w]!;
      if (calico) inWord = full[w]!; // a Calico Allow may open what NetworkPolicy does not
      let cand = (egWord & inWord) >>> 0;
      if (cand === 0) continue;
      let egN = 0;
      if (eg) for (let i = 0; i < eg.length; i++) if (eg[i]!.bits[w] !== 0) egActive[egN++] = i;
      let igN = 0;
      for (let i = 0; i < ig.length; i++) if (ig[i]!.bits[w] !== 0) igActive[igN++] = i;
      while (cand !== 0) {
        const low = cand & -cand;
        cand = (cand ^ low) >>> 0;
        const d = (w << 5) + (31 - Math.clz32(low));
        const ingressOpen = d >= P || !isolated.ingress.has(d);
        let id: number;
        const adminIn = admin !== null && d < P && admin.ingressSubjects.has(d);
        const ciliumIn = cilium !== null && d < P && cilium.ingress[d] !== null;
        if (calico) {
          const npEgress = eg ? unionOver(eg, d) : null;
          const npIngress = ingressOpen ? null : unionOver(ig, d);
          const egressId = srcIsPod ? calicoSides!.side(calico.egress[s]!, s, d, npEgress, adminEg ? adminSteps(admin.egress[s]!, d, d) : null) : pool.all;
          const ingressId = d < P && egressId !== 0 ? calicoSides!.side(calico.ingress[d]!, s, d, npIngress, adminIn ? adminSteps(admin.ingress[d]!, s, d) : null) : pool.all;
          id = pool.intersect(egressId, ingressId);
        } else if (adminEg || adminIn || ciliumEg || ciliumIn) {
          let npEgress = eg ? unionOver(eg, d) : null;
          let npIngress = ingressOpen ? null : unionOver(ig, d);
          // Cilium unions its rules with NetworkPolicy's, then its deny rules win (cilium-combine.ts).
          if (ciliumEg) npEgress = ciliumSides!.side(cilium.egress[s]!, d, d, npEgress);
          if (ciliumIn) npIngress = ciliumSides!.side(cilium.ingress[d]!, s, d, npIngress);
          const egressId = adminEg ? tiers(admin.egress[s]!, d, d, npEgress) : (npEgress ?? pool.all);
          const ingressId = adminIn ? tiers(admin.ingress[d]!, s, d, npIngress) : (npIngress ?? pool.all);
          id = pool.intersect(egressId, ingressId);
        } else if (cacheable) {
          let egMask = 0;
          if (eg) for (let k = 0; k < egN; k++) if (eg[egActive[k]!]!.bits[w]! & low) egMask |= 1 << egActive[k]!;
          let inMask = 0;
          if (!ingressOpen) for (let k = 0; k < igN; k++) if (ig[igActive[k]!]!.bits[w]! & low) inMask |= 1 << igActive[k]!;
          const named = (egMask & egNamed) !== 0 || (inMask & igNamed) !== 0;
          const key = (eg ? egMask : 67108863) * 67108864 + (ingressOpen ? 67108863 : inMask);
          const hit = named ? undefined : cache.get(key);
          if (hit !== undefined) id = hit;
          else {
            id = pool.intersect(eg ? unionOver(eg, d) : pool.all, ingressOpen ? pool.all : unionOver(ig, d));
            if (!named) cache.set(key, id);
          }
        } else {
          id = pool.intersect(eg ? unionOver(eg, d) : pool.all, ingressOpen ? pool.all : unionOver(ig, d));
        }
        if (id === 0) continue;
        let bits = out.get(id);
        if (!bits) out.set(id, (bits = new Uint32Array(W)));
        bits[w]! |= low;
      }
    }
    unions.takeBackAll();
    const row = { ids: [...out.keys()], bits: [...out.values()] };
    rowCache.set(rowKey, row);
    rows.push(row);
  }
  // What the matrix reports as isolated (in default deny): by NetworkPolicy, or by a Cilium rule
  // that puts the pod in default deny (lint, reports and JSON read it; the rows above needed
  // NetworkPolicy's own isolation, which the Cilium sides combine with).
  const reported = cilium || calico ? { ingress: isolated.ingress.clone(), egress: isolated.egress.clone() } : isolated;
  if (calico) {
    reported.ingress.orWith(calico.defaultDeny.ingress);
    reported.egress.orWith(calico.defaultDeny.egress);
  }
  if (cilium) {
    for (let c = 0; c < P; c++) {
      if (cilium.ingress[c]?.defaultDeny) reported.ingress.set(c);
      if (cilium.egress[c]?.defaultDeny) reported.egress.set(c);
    }
  }
  return new ReachabilityMatrix(universe, pool, rows, reported, policies, mentionsIpv6(snapshot), semanticsName(snapshot.semantics));
}

/** The pod classes of `u` are those `buildPodIndex` would make for this snapshot and these blocks. */
function samePodIndex(u: Universe, snapshot: Snapshot, blocks: readonly ExternalBlock[], covered: ReadonlySet<number>): boolean {
  if (u.pods.byServiceAccount !== (snapshot.calico !== undefined)) return false;
  if (u.basis.pods !== snapshot.pods || u.basis.namespaces !== snapshot.namespaces || u.blocks.length !== blocks.length || u.basis.covered.size !== covered.size) return false;
  for (let i = 0; i < blocks.length; i++) {
    const a = u.blocks[i]!;
    const b = blocks[i]!;
    if (a.family !== b.family || a.lo !== b.lo || a.hi !== b.hi) return false;
  }
  for (const c of covered) if (!u.basis.covered.has(c)) return false;
  return true;
}

/**
 * Equal lists of numbers get equal ids. The ingress rules that hold a source class can number in
 * the hundreds on a big cluster: joining them into every row key was the engine's largest
 * allocation at 100,000 pods. Lists are hashed and compared on a hash hit, so the ids are exact.
 */
class ListInterner {
  private readonly buckets = new Map<number, { list: readonly number[]; id: number }[]>();
  private next = 0;

  id(list: readonly number[]): number {
    let h = list.length;
    for (const x of list) h = (Math.imul(h, 31) + x) | 0;
    let bucket = this.buckets.get(h);
    if (!bucket) this.buckets.set(h, (bucket = []));
    for (const e of bucket) if (sameList(e.list, list)) return e.id;
    const id = this.next++;
    bucket.push({ list, id });
    return id;
  }
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
