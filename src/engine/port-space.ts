import { PROTOCOLS, type NetworkPolicy, type PortSpec, type Protocol } from '../model/policy.js';
import { ConnectionSet } from '../net/connection-set.js';
import { MAX_PORT, MIN_PORT, PortSet } from '../net/port-set.js';
import type { PodIndex } from './pod-index.js';

/** A port interval of one protocol that no port spec splits. */
export interface PortAtom {
  protocol: Protocol;
  lo: number;
  hi: number;
}

/**
 * Atoms that every rule treats alike, for every destination: one computation serves them all.
 * `rep` is the atom the engine evaluates.
 */
export interface PortClass {
  index: number;
  rep: PortAtom;
  connections: ConnectionSet;
}

export function namedKey(name: string, protocol: Protocol): string {
  return `${protocol}/${name}`;
}

function allSpecs(policies: readonly NetworkPolicy[]): PortSpec[] {
  const out: PortSpec[] = [];
  for (const p of policies) for (const r of [...p.ingress, ...p.egress]) if (r.ports !== 'any') out.push(...r.ports);
  return out;
}

export function buildPortSpace(policies: readonly NetworkPolicy[], pods: PodIndex): PortClass[] {
  const specs = allSpecs(policies);
  const numeric = new Map<string, PortSpec & { kind: 'range' | 'all' }>();
  const named = new Map<string, Map<number, number[]>>(); // key → port → classes resolving to it
  for (const s of specs) {
    if (s.kind === 'named') named.set(namedKey(s.name, s.protocol), new Map());
    else numeric.set(s.kind === 'all' ? `${s.protocol}/all` : `${s.protocol}/${s.from}-${s.to}`, s);
  }
  for (const c of pods.classes) {
    for (const cp of c.ports) {
      const byPort = cp.name ? named.get(namedKey(cp.name, cp.protocol)) : undefined;
      if (!byPort) continue;
      const list = byPort.get(cp.port) ?? [];
      list.push(c.index);
      byPort.set(cp.port, list);
    }
  }

  const atoms: PortAtom[] = [];
  for (const protocol of PROTOCOLS) {
    const cuts = new Set<number>([MIN_PORT, MAX_PORT + 1]);
    for (const s of numeric.values()) {
      if (s.protocol === protocol && s.kind === 'range') cuts.add(s.from).add(s.to + 1);
    }
    for (const [key, byPort] of named) {
      if (!key.startsWith(`${protocol}/`)) continue;
      for (const port of byPort.keys()) cuts.add(port).add(port + 1);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < sorted.length; i++) atoms.push({ protocol, lo: sorted[i]!, hi: sorted[i + 1]! - 1 });
  }

  const classes = new Map<string, { rep: PortAtom; parts: Record<Protocol, [number, number][]> }>();
  for (const atom of atoms) {
    const sig: string[] = [];
    for (const [key, s] of numeric) {
      if (s.protocol === atom.protocol && (s.kind === 'all' || (s.from <= atom.lo && atom.hi <= s.to))) sig.push(key);
    }
    if (atom.lo === atom.hi) {
      for (const [key, byPort] of named) {
        const cls = key.startsWith(`${atom.protocol}/`) ? byPort.get(atom.lo) : undefined;
        if (cls) sig.push(`${key}:${cls.join(',')}`);
      }
    }
    const k = sig.join('|');
    let entry = classes.get(k);
    if (!entry) {
      entry = { rep: atom, parts: { TCP: [], UDP: [], SCTP: [] } };
      classes.set(k, entry);
    }
    entry.parts[atom.protocol].push([atom.lo, atom.hi]);
  }
  return [...classes.values()].map((e, index) => ({
    index,
    rep: e.rep,
    connections: ConnectionSet.of({
      TCP: PortSet.of(e.parts.TCP),
      UDP: PortSet.of(e.parts.UDP),
      SCTP: PortSet.of(e.parts.SCTP),
    }),
  }));
}
