import type { LabelSelector } from '../model/labels.js';
import type { Direction } from '../model/policy.js';
import { ConnectionSet } from '../net/connection-set.js';
import { familyMax } from '../net/ip-address.js';
import type { Interval } from '../net/interval-set.js';
import type { AddressPiece } from './address-pieces.js';
import { ipBlocksFor, type IpBlockText } from './ip-blocks.js';
import type { PodClass } from './pod-classes.js';
import { portItems, type PortItem } from './port-items.js';
import { hasReplicaPeers, type Requirement } from './requirement.js';
import { unionPieces } from './address-pieces.js';

/**
 * A `from`/`to` item, as each writer says it (write-*.ts): pods of one namespace (by their
 * class's selector, or every pod there: `selector` absent; `own`: the policy's namespace), every
 * pod of every namespace, or outside addresses.
 */
export type PeerItem = { kind: 'pods'; namespace: string; own: boolean; selector?: LabelSelector } | { kind: 'every-namespace' } | { kind: 'ipBlock'; ipBlock: IpBlockText };

/** One rule as written; `peers` undefined: every source or destination. */
export interface RuleItem {
  peers?: PeerItem[];
  ports?: PortItem[];
}

export interface ClassIndex {
  classes: readonly PodClass[];
  /** The exact selector of each class within its namespace. */
  selectorOf: (c: PodClass) => LabelSelector;
  byNamespace: ReadonlyMap<string, readonly PodClass[]>;
}


/** A class's pods by the requirement's key (pods that need the same), counted. */
const keyCache = new WeakMap<Requirement, Map<PodClass, Map<unknown, { pods: number; replicas: boolean }>>>();
function keysOf(req: Requirement, c: PodClass): Map<unknown, { pods: number; replicas: boolean }> {
  let perReq = keyCache.get(req);
  if (!perReq) keyCache.set(req, (perReq = new Map()));
  let keys = perReq.get(c);
  if (!keys) {
    keys = new Map();
    for (const p of c.pods) {
      const k = req.keyOf(p);
      const e = keys.get(k);
      if (e) {
        e.pods++;
        e.replicas ||= hasReplicaPeers(p);
      } else keys.set(k, { pods: 1, replicas: hasReplicaPeers(p) });
    }
    perReq.set(c, keys);
  }
  return keys;
}

/** What the class must allow on one side, per peer class and per outside address piece. */
function needs(req: Requirement, target: PodClass, classes: readonly PodClass[], direction: Direction): { perClass: Map<PodClass, ConnectionSet>; outside: AddressPiece[] } {
  const perClass = new Map<PodClass, ConnectionSet>();
  const mine = keysOf(req, target);
  for (const other of classes) {
    let c = ConnectionSet.NONE;
    const theirs = other === target ? mine : keysOf(req, other);
    for (const [ka, a] of mine) {
      for (const [kb] of theirs) {
        // The same key in the same class: a pair only between two of its pods, or replicas of one.
        if (ka === kb && other === target && a.pods < 2 && !a.replicas) continue;
        const x = direction === 'ingress' ? req.betweenKeys(kb, ka) : req.betweenKeys(ka, kb);
        if (x !== c && !x.isEmpty()) c = c.isEmpty() ? x : c.union(x);
      }
    }
    perClass.set(other, c);
  }
  let outside: AddressPiece[] = [];
  for (const a of target.pods) outside = unionPieces(outside, direction === 'ingress' ? req.fromOutside(a) : req.toOutside(a));
  return { perClass, outside };
}

/** A pair the class cannot have with itself: one pod, no replicas. */
const alone = (c: PodClass) => c.pods.length === 1 && !hasReplicaPeers(c.pods[0]!);

/** What every source (destination) gets: the intersection over every class and the whole address space. */
function everyone(target: PodClass, perClass: Map<PodClass, ConnectionSet>, outside: readonly AddressPiece[]): ConnectionSet {
  let c = ConnectionSet.ALL;
  for (const [other, set] of perClass) if (!(other === target && alone(target))) c = c.intersect(set);
  for (const family of [4, 6] as const) {
    const pieces = outside.filter((p) => p.family === family);
    let next = 0n;
    for (const p of pieces) {
      if (p.lo !== next) return ConnectionSet.NONE;
      next = p.hi + 1n;
      c = c.intersect(p.connections);
    }
    if (next !== familyMax(family) + 1n) return ConnectionSet.NONE;
  }
  return c;
}

/**
 * The rules of one side of a class's policy, fewest first: a rule without peers for what every
 * source (destination) may open, then one rule per distinct connection set with every peer
 * that needs exactly it — whole namespaces where all their classes do, `namespaceSelector: {}`
 * where every namespace does, ipBlocks for outside addresses.
 */
export function sideRules(req: Requirement, target: PodClass, index: ClassIndex, direction: Direction): RuleItem[] {
  const { perClass, outside } = needs(req, target, index.classes, direction);
  const common = everyone(target, perClass, outside);
  const groups = new Map<string, { connections: ConnectionSet; classes: Set<PodClass>; ranges: Record<4 | 6, Interval<bigint>[]> }>();
  const group = (c: ConnectionSet) => {
    const key = c.toString();
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { connections: c, classes: new Set(), ranges: { 4: [], 6: [] } }));
    return g;
  };
  for (const [other, set] of perClass) {
    const rest = set.subtract(common);
    if (!rest.isEmpty()) group(rest).classes.add(other);
  }
  for (const p of outside) {
    const rest = p.connections.subtract(common);
    if (!rest.isEmpty()) group(rest).ranges[p.family].push([p.lo, p.hi]);
  }
  const rules: RuleItem[] = [];
  if (!common.isEmpty()) {
    const ports = portItems(common, direction === 'ingress' ? target.pods : []);
    rules.push(ports ? { ports } : {});
  }
  for (const g of groups.values()) {
    const peers = [...classPeers(g.classes, target, index), ...([4, 6] as const).flatMap((f) => ipBlocksFor(f, mergeAdjacent(g.ranges[f])).map((ipBlock): PeerItem => ({ kind: 'ipBlock', ipBlock })))];
    const hasOutside = g.ranges[4].length + g.ranges[6].length > 0;
    const namedOn = direction === 'ingress' ? target.pods : hasOutside ? [] : [...g.classes].flatMap((c) => c.pods);
    const ports = portItems(g.connections, namedOn);
    rules.push(ports ? { peers, ports } : { peers });
  }
  return rules;
}

function mergeAdjacent(ranges: Interval<bigint>[]): Interval<bigint>[] {
  const out: [bigint, bigint][] = [];
  for (const [lo, hi] of [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const last = out[out.length - 1];
    if (last && last[1] + 1n >= lo) last[1] = hi > last[1] ? hi : last[1];
    else out.push([lo, hi]);
  }
  return out;
}

/** Peers for a set of classes: whole namespaces where every class of one is in the set. */
function classPeers(set: ReadonlySet<PodClass>, target: PodClass, index: ClassIndex): PeerItem[] {
  const whole: string[] = [];
  const parts: PodClass[] = [];
  for (const [ns, classes] of index.byNamespace) {
    const inSet = classes.filter((c) => set.has(c));
    if (!inSet.length) continue;
    // A namespace's one class is named as a class: the same number of peers, and no wider.
    // The target itself, when it is one pod, may be counted either way: a pod always reaches itself.
    if (inSet.length > 1 && classes.every((c) => set.has(c) || (c === target && alone(target)))) whole.push(ns);
    else parts.push(...inSet);
  }
  const peers: PeerItem[] = [];
  if (whole.length === index.byNamespace.size && whole.length > 1) peers.push({ kind: 'every-namespace' });
  else for (const ns of whole) peers.push({ kind: 'pods', namespace: ns, own: ns === target.namespace });
  for (const c of parts) peers.push({ kind: 'pods', namespace: c.namespace, own: c.namespace === target.namespace, selector: index.selectorOf(c) });
  return peers;
}
