import {
  byOrderThenName,
  calicoRuleFamily,
  DEFAULT_TIER,
  KNP_ORDER,
  KUBE_ADMIN_TIER,
  KUBE_BASELINE_TIER,
  type CalicoEntityRule,
  type CalicoObjects,
  type CalicoPolicy,
  type CalicoRule,
  type CalicoTier,
  tierIsolates,
} from '../model/calico-policy.js';
import type { Cidr, Direction } from '../model/policy.js';
import type { Labels } from '../model/labels.js';
import { calicoEndpointLabels, calicoNamespaceLabels, calicoServiceAccountView, calicoSetLabels } from '../select/calico-labels.js';
import { calicoPositive } from '../select/calico-peer.js';
import { calicoSelectorOf } from '../select/calico-selector-cache.js';
import { matchesCalicoSelector } from '../select/calico-selector.js';
import { serviceSelectsPod } from '../select/service-endpoints.js';
import { Bitset } from './bitset.js';
import type { Universe } from './compile.js';

/** A Calico rule over the engine's entities: it matches a pair (s, d) when `src` holds s and `dst` holds d. */
export interface CompiledCalicoRule {
  policy: CalicoPolicy;
  rule: CalicoRule;
  src: Bitset;
  dst: Bitset;
  /** With a destination `services` resolved to EndpointSlices: whether destination entity `d` has an address among these (the slice's ports apply to it). */
  dstIn?: (d: number, addresses: readonly Cidr[]) => boolean;
}

/** One entry of a tier, in evaluation order: a Calico policy, Kubernetes NetworkPolicy (`knp.default.*`), or the admin network policies of a kube tier. */
export type CalicoItem = { kind: 'policy'; policy: CalicoPolicy; rules: readonly CompiledCalicoRule[] } | { kind: 'knp' } | { kind: 'admin'; which: 'admin' | 'baseline' };

/** A tier that applies to an endpoint in one direction. */
export interface CalicoTierSide {
  tier: CalicoTier;
  items: readonly CalicoItem[];
}

export interface CompiledCalico {
  /** Per pod class: the tiers that apply to it, in order. */
  egress: (readonly CalicoTierSide[])[];
  ingress: (readonly CalicoTierSide[])[];
  /** Per entity: equal keys for sources the Calico rules cannot tell apart (with the class's egress side). */
  rowKey: string[];
  /** Classes a Calico policy selects in a tier whose default Deny can drop some of their connections (reports show them isolated). */
  defaultDeny: { ingress: Bitset; egress: Bitset };
}

/** Every tier, with the kube-admin and kube-baseline tiers Calico creates, by order then name. */
export function calicoTierOrder(calico: CalicoObjects): CalicoTier[] {
  const tiers = [...calico.tiers];
  for (const t of [KUBE_ADMIN_TIER, KUBE_BASELINE_TIER]) if (!tiers.some((x) => x.name === t.name)) tiers.push({ name: t.name, order: t.order, defaultAction: 'Pass' });
  return tiers.sort(byOrderThenName);
}

/**
 * Compiles Calico policies: subjects are the pod classes (not on the host network: Calico makes
 * no workload endpoint for them) each policy selects; a rule's source and destination become
 * bitsets over pod classes and external blocks (network sets and nets). `isolated`: the classes
 * NetworkPolicy isolates (their `knp.default.*` entry); `admin`: whether admin network policies are in the snapshot;
 * `profiles`: the ServiceAccounts' labels (select/calico-labels.ts calicoServiceAccountProfiles).
 */
export function compileCalico(calico: CalicoObjects, u: Universe, isolated: { ingress: Bitset; egress: Bitset }, admin: boolean, profiles: ReadonlyMap<string, Labels>): CompiledCalico {
  const P = u.pods.classes.length;
  const endpoints = u.pods.classes.map((c) => (c.hostNetwork ? undefined : { labels: calicoEndpointLabels(c.labels, c.namespace, c.serviceAccountName ?? 'default', profiles), namespace: c.namespace, serviceAccount: c.serviceAccountName ?? 'default' }));
  const nsLabels = (ns: string) => calicoNamespaceLabels(ns, u.pods.namespaceLabels.get(ns));
  // Per external block: the network sets holding it (a block lies wholly inside or outside every net).
  const setsOf = u.blocks.map((b) =>
    calico.networkSets.filter((s) => s.nets.some((c) => c.family === b.family && c.lo <= b.lo && b.hi <= c.hi)).map((s) => ({ labels: calicoSetLabels(s.labels, s.namespace), namespace: s.namespace, serviceAccount: undefined as string | undefined })),
  );
  // Calico matches a pod by its address too: the network sets holding one of its known IPs, and nets (docs/calico.md, "Addresses").
  // A class's ipBlocks are the covered blocks holding its pods' IPs (every block inside a Calico net is covered when pods have IPs).
  const podThings = u.pods.classes.map((c) => {
    const sets = [...new Set(c.ipBlocks.flatMap((b) => setsOf[b]!))];
    return endpoints[c.index] ? [endpoints[c.index]!, ...sets] : sets;
  });
  const thingsOf = (e: number) => (e < P ? podThings[e]! : setsOf[e - P]!);
  const blockIn = (nets: NonNullable<CalicoEntityRule['nets']>, b: number) => {
    const x = u.blocks[b]!;
    return nets.some((c) => c.family === x.family && c.lo <= x.lo && x.hi <= c.hi);
  };
  // A pod is in nets when one of its known IPs is; a pod without a known IP is in none (as an ipBlock under --cni: docs/cni-profiles.md).
  const inNets = (nets: NonNullable<CalicoEntityRule['nets']>, e: number) => (e < P ? u.pods.classes[e]!.ipBlocks.some((b) => blockIn(nets, b)) : blockIn(nets, e - P));

  const entityBits = (p: CalicoPolicy, e: CalicoEntityRule): Bitset => {
    if (e.services) {
      // The Service's endpoints, matched by address: the pods it selects (host-network ones too), or the addresses of its
      // EndpointSlices (pods with a known IP there, and outside addresses, as nets match them); none when not resolved (the policy is unmodelled).
      const bits = new Bitset(u.size);
      const backend = e.services.backend;
      if (backend?.kind === 'selector') for (const c of u.pods.classes) if (serviceSelectsPod({ namespace: e.services.namespace, selector: backend.selector }, c)) bits.set(c.index);
      if (backend?.kind === 'slices') {
        const addresses = backend.slices.flatMap((x) => x.addresses);
        for (let ent = 0; ent < u.size; ent++) if (addresses.length && inNets(addresses, ent)) bits.set(ent);
      }
      return bits;
    }
    const positive = calicoPositive(p, e, nsLabels);
    const notSelector = e.notSelector !== undefined ? calicoSelectorOf(e.notSelector) : undefined;
    const bits = new Bitset(u.size);
    for (let ent = 0; ent < u.size; ent++) {
      if (e.nets && !inNets(e.nets, ent)) continue;
      if (e.notNets.length && inNets(e.notNets, ent)) continue;
      const things = thingsOf(ent);
      if (positive && !things.some(positive)) continue;
      if (notSelector && things.some((x) => matchesCalicoSelector(notSelector, x.labels))) continue;
      bits.set(ent);
    }
    return bits;
  };

  // Per family: the entities that cannot use the other one (pods whose known IPs are all of this family, addresses of it).
  const onlyFamily = new Map<4 | 6, Bitset>();
  const familyBits = (f: 4 | 6): Bitset => {
    let b = onlyFamily.get(f);
    if (!b) {
      b = new Bitset(u.size);
      for (const c of u.pods.classes) if (c.families && c.families.length === 1 && c.families[0] === f) b.set(c.index);
      u.blocks.forEach((x, i) => {
        if (x.family === f) b!.set(P + i);
      });
      onlyFamily.set(f, b);
    }
    return b;
  };

  const subjectsOf = (p: CalicoPolicy): Bitset => {
    const b = new Bitset(u.size);
    for (let c = 0; c < P; c++) {
      const e = endpoints[c];
      if (!e || (p.namespace !== undefined && e.namespace !== p.namespace)) continue;
      if (!matchesCalicoSelector(calicoSelectorOf(p.selector), e.labels)) continue;
      if (p.namespaceSelector !== undefined && !matchesCalicoSelector(calicoSelectorOf(p.namespaceSelector), nsLabels(e.namespace))) continue;
      if (p.serviceAccountSelector !== undefined && !matchesCalicoSelector(calicoSelectorOf(p.serviceAccountSelector), calicoServiceAccountView(e.labels))) continue;
      b.set(c);
    }
    return b;
  };

  const tiers = calicoTierOrder(calico);
  const rowKey: string[] = Array.from({ length: u.size }, () => '');
  const compiled = calico.policies.map((policy) => {
    const rules = (dir: Direction) =>
      (dir === 'ingress' ? policy.ingress : policy.egress).map((rule) => {
        const family = calicoRuleFamily(rule);
        const src = entityBits(policy, rule.source);
        const dst = entityBits(policy, rule.destination);
        // A rule rendered for one family matches the ends that may use it (an address of that family, a pod with such an IP or none known).
        if (family !== undefined) {
          const other = familyBits(family === 4 ? 6 : 4);
          src.andNotWith(other);
          dst.andNotWith(other);
        }
        const sliced = rule.destination.services?.backend?.kind === 'slices';
        return { policy, rule, src, dst, ...(sliced ? { dstIn: (d: number, addresses: readonly Cidr[]) => inNets(addresses, d) } : {}) };
      });
    return { policy, subjects: subjectsOf(policy), ingress: rules('ingress'), egress: rules('egress') };
  });
  let ruleId = 0;
  for (const c of compiled) for (const r of [...c.ingress, ...c.egress]) {
    const key = `${ruleId++},`;
    for (const e of r.src.indices()) rowKey[e] += key;
  }

  const sideOf = (c: number, dir: Direction): CalicoTierSide[] => {
    const out: CalicoTierSide[] = [];
    for (const tier of tiers) {
      type Entry = { order: number | undefined; name: string; item: CalicoItem };
      const entries: Entry[] = compiled
        .filter((x) => x.policy.tier === tier.name && x.policy.types[dir] && x.subjects.has(c))
        .map((x) => ({ order: x.policy.order, name: x.policy.name, item: { kind: 'policy', policy: x.policy, rules: dir === 'ingress' ? x.ingress : x.egress } }));
      if (tier.name === DEFAULT_TIER.name && isolated[dir].has(c)) entries.push({ order: KNP_ORDER, name: 'knp.default.', item: { kind: 'knp' } });
      if (admin && (tier.name === KUBE_ADMIN_TIER.name || tier.name === KUBE_BASELINE_TIER.name)) entries.push({ order: -Infinity, name: '', item: { kind: 'admin', which: tier.name === KUBE_ADMIN_TIER.name ? 'admin' : 'baseline' } });
      if (entries.length) out.push({ tier, items: entries.sort(byOrderThenName).map((e) => e.item) });
    }
    return out;
  };
  const egress: CalicoTierSide[][] = [];
  const ingress: CalicoTierSide[][] = [];
  const defaultDeny = { ingress: new Bitset(P), egress: new Bitset(P) };
  for (let c = 0; c < P; c++) {
    egress.push(sideOf(c, 'egress'));
    ingress.push(sideOf(c, 'ingress'));
    for (const [dir, side] of [['egress', egress[c]!], ['ingress', ingress[c]!]] as const) {
      const isolates = (t: CalicoTierSide) => tierIsolates(t.tier, t.items.flatMap((i) => (i.kind === 'policy' ? [i.policy] : [])), dir);
      if (side.some(isolates)) defaultDeny[dir].set(c);
    }
    rowKey[c] = `${compiled.map((x, i) => (x.subjects.has(c) ? `${i},` : '')).join('')}|${rowKey[c]}`;
  }
  return { egress, ingress, rowKey, defaultDeny };
}
