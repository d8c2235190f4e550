import type { Direction } from '../model/policy.js';
import { familyMax } from '../net/ip-address.js';
import type { AddressPiece } from './address-pieces.js';
import type { PodClass } from './pod-classes.js';
import { hasReplicaPeers, type Requirement } from './requirement.js';

const key = (c: PodClass, d: Direction) => `${c.index}/${d}`;

function wholeSpaceOpen(pieces: readonly AddressPiece[]): boolean {
  for (const family of [4, 6] as const) {
    let next = 0n;
    for (const p of pieces.filter((x) => x.family === family)) {
      if (p.lo !== next || !p.connections.isAll()) return false;
      next = p.hi + 1n;
    }
    if (next !== familyMax(family) + 1n) return false;
  }
  return true;
}

/**
 * The sides of managed classes that may simply allow everything (`- {}`): every outside address
 * and every pod whose own side is not generated gets every connection, and for each pod of a
 * managed class at the other end, either that pod's side is written exactly or the pair allows
 * everything too. What an open pod was (no policy isolated it) stays open, said plainly.
 */
export function openSides(req: Requirement, classes: readonly PodClass[], managed: ReadonlySet<string>): Set<string> {
  const open = new Set<string>();
  const managedClasses = classes.filter((c) => managed.has(c.namespace));
  for (const c of managedClasses) {
    for (const direction of ['ingress', 'egress'] as const) {
      const outside = c.pods.every((p) => wholeSpaceOpen(direction === 'ingress' ? req.fromOutside(p) : req.toOutside(p)));
      const unmanagedPeers = classes
        .filter((o) => !managed.has(o.namespace))
        .every((o) => o.pods.every((q) => c.pods.every((p) => (direction === 'ingress' ? req.between(q, p) : req.between(p, q)).isAll())));
      if (outside && unmanagedPeers) open.add(key(c, direction));
    }
  }
  // A pair open on both sides must need everything; otherwise the ingress side is written exactly.
  for (const s of managedClasses) {
    if (!open.has(key(s, 'egress'))) continue;
    for (const d of managedClasses) {
      if (!open.has(key(d, 'ingress'))) continue;
      const all = s.pods.every((a) => d.pods.every((b) => (a === b && !hasReplicaPeers(a)) || req.between(a, b).isAll()));
      if (!all) open.delete(key(d, 'ingress'));
    }
  }
  return open;
}

export const isOpen = (open: ReadonlySet<string>, c: PodClass, d: Direction) => open.has(key(c, d));
