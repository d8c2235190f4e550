import { ciliumRuleRef, type CiliumPeer, type CiliumPolicy, type CiliumPort, type CiliumRule } from '../model/cilium-policy.js';
import type { LabelSelector, SelectorRequirement } from '../model/labels.js';
import type { Direction } from '../model/policy.js';
import { CILIUM_NAMESPACE_LABEL, CILIUM_NAMESPACE_LABELS_PREFIX as NS_LABELS } from '../select/cilium-labels.js';

const NAME_LABEL = 'kubernetes.io/metadata.name';

/** A CiliumNetworkPolicy rule as a NetworkPolicy manifest, or why it has none. */
export type Translation = { ok: true; manifest: Record<string, unknown> } | { ok: false; reasons: string[] };

/**
 * The networking.k8s.io/v1 NetworkPolicy that means what one Cilium rule (`spec` or `specs[i]`)
 * means, where NetworkPolicy can say it (docs/cilium.md; README "Cilium policies"):
 * - subjects: the endpointSelector as podSelector, in the policy's namespace;
 * - default deny per direction as policyTypes; allow rules as ingress/egress rules;
 * - fromEndpoints/toEndpoints: own-namespace selectors as podSelector; a selector naming
 *   `io.kubernetes.pod.namespace` or `io.cilium.k8s.namespace.labels.KEY` as a namespaceSelector
 *   (on kubernetes.io/metadata.name, or KEY) with the rest as podSelector;
 * - entities: cluster as `namespaceSelector: {}`, world as ipBlock 0.0.0.0/0 and ::/0, all as a
 *   rule without from/to; CIDRs (with except) as ipBlocks;
 * - toPorts: ports, endPort, named ports; ANY as TCP, UDP and SCTP.
 * What NetworkPolicy cannot say makes the whole rule untranslatable, with one reason per part:
 * deny rules, clusterwide policies, `enableDefaultDeny: false` next to rules, entities other
 * than cluster/world/all, parts netpol-check does not model (L7, toFQDNs, …), host policies.
 * The caller proves each translation with the engine (cilium-convert.ts).
 */
export function translateCilium(p: CiliumPolicy): Translation {
  const reasons: string[] = [];
  if (p.namespace === undefined) reasons.push(`${p.kind} selects pods of every namespace; a NetworkPolicy selects pods of one (write one per namespace by hand)`);
  if (p.selectsNoPod) reasons.push('a nodeSelector or non-pod endpointSelector (host policy) has no NetworkPolicy equivalent');
  for (const what of p.unmodelled) reasons.push(`${what}: not modelled, and NetworkPolicy has no equivalent`);
  if (namespaceKeys(p.endpointSelector).length) reasons.push('endpointSelector names namespace labels; a podSelector cannot');
  const ingress: Record<string, unknown>[] = [];
  const egress: Record<string, unknown>[] = [];
  for (const r of p.rules) {
    if (r.deny) {
      reasons.push(`${ciliumRuleRef(p, r)}: NetworkPolicy has no deny rules`);
      continue;
    }
    if (!p.defaultDeny[r.direction]) {
      reasons.push(`${ciliumRuleRef(p, r)}: enableDefaultDeny ${r.direction} false — a NetworkPolicy with rules always isolates its pods`);
      continue;
    }
    const rule = translateRule(r, (why) => reasons.push(`${ciliumRuleRef(p, r)}: ${why}`));
    if (rule) (r.direction === 'ingress' ? ingress : egress).push(rule);
  }
  if (reasons.length) return { ok: false, reasons: [...new Set(reasons)] };
  const types = (['ingress', 'egress'] as Direction[]).filter((d) => p.defaultDeny[d]);
  if (types.length === 0) return { ok: false, reasons: ['the rule puts no direction into default deny; a NetworkPolicy without policyTypes isolates ingress'] };
  const name = p.specPath === 'spec' ? p.name : `${p.name}-${p.specPath.replace(/[[\]]/g, '-').replace(/-+$/, '')}`;
  return {
    ok: true,
    manifest: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name, namespace: p.namespace },
      spec: {
        podSelector: selectorManifest(p.endpointSelector),
        policyTypes: types.map((d) => (d === 'ingress' ? 'Ingress' : 'Egress')),
        ...(ingress.length ? { ingress } : {}),
        ...(egress.length ? { egress } : {}),
      },
    },
  };
}

/** One allow rule; undefined when it matches nothing (`- {}`: default deny only) or cannot be said. */
function translateRule(r: CiliumRule, cannot: (why: string) => void): Record<string, unknown> | undefined {
  const field = r.direction === 'ingress' ? 'from' : 'to';
  const ports = r.ports === 'any' ? undefined : r.ports.flatMap(portManifests);
  if (ports && ports.length === 0) return undefined; // opens no port (e.g. only ICMP): nothing to allow
  if (r.peers !== 'any' && r.peers.length === 0) return undefined;
  let peers: Record<string, unknown>[] | 'any' = [];
  if (r.peers === 'any' || r.peers.some((x) => x.kind === 'entity' && x.entity === 'all')) peers = 'any';
  else {
    for (const x of r.peers) {
      const m = peerManifests(x, cannot);
      if (m) peers.push(...m);
    }
    if (peers.length === 0) return undefined; // every peer matches nothing (`from: []` would be every peer)
  }
  return { ...(peers === 'any' ? {} : { [field]: peers }), ...(ports ? { ports } : {}) };
}

function peerManifests(x: CiliumPeer, cannot: (why: string) => void): Record<string, unknown>[] | undefined {
  switch (x.kind) {
    case 'cidr':
      // Cilium accepts an except equal to its CIDR (CIDRRule.sanitize); NetworkPolicy wants a strict subset. Such a peer matches nothing.
      if (x.except.some((e) => e.lo <= x.cidr.lo && e.hi >= x.cidr.hi)) return [];
      return [{ ipBlock: { cidr: x.cidr.text, ...(x.except.length ? { except: x.except.map((e) => e.text) } : {}) } }];
    case 'entity':
      if (x.entity === 'cluster') return [{ namespaceSelector: {} }];
      if (x.entity === 'world' || x.entity === 'world-ipv4') {
        const v4 = [{ ipBlock: { cidr: '0.0.0.0/0' } }];
        return x.entity === 'world' ? [...v4, { ipBlock: { cidr: '::/0' } }] : v4;
      }
      if (x.entity === 'world-ipv6') return [{ ipBlock: { cidr: '::/0' } }];
      cannot(`the ${x.entity} entity has no NetworkPolicy equivalent`);
      return undefined;
    case 'service':
      cannot('toServices follows the Services of the cluster; a NetworkPolicy would fix today\'s selectors');
      return undefined;
    case 'unmodelled':
      cannot(`${x.what} has no NetworkPolicy equivalent`);
      return undefined;
    case 'endpoints': {
      if (x.namespace !== undefined) return [{ podSelector: selectorManifest(x.selector) }];
      const split = splitNamespace(x.selector);
      const pods = isEmpty(split.pods) ? {} : { podSelector: selectorManifest(split.pods) };
      return [{ namespaceSelector: selectorManifest(split.namespaces), ...pods }];
    }
  }
}

function namespaceKeys(s: LabelSelector): string[] {
  const isNs = (k: string) => k === CILIUM_NAMESPACE_LABEL || k.startsWith(NS_LABELS);
  return [...Object.keys(s.matchLabels).filter(isNs), ...s.matchExpressions.map((e) => e.key).filter(isNs)];
}

/** A Cilium selector as a namespaceSelector (namespace keys, mapped to Namespace labels) and a podSelector (the rest). */
function splitNamespace(s: LabelSelector): { namespaces: LabelSelector; pods: LabelSelector } {
  const mapKey = (k: string): string | undefined => (k === CILIUM_NAMESPACE_LABEL ? NAME_LABEL : k.startsWith(NS_LABELS) ? k.slice(NS_LABELS.length) : undefined);
  const namespaces: LabelSelector = { matchLabels: {}, matchExpressions: [] };
  const pods: LabelSelector = { matchLabels: {}, matchExpressions: [] };
  for (const [k, v] of Object.entries(s.matchLabels)) {
    const nk = mapKey(k);
    if (nk !== undefined) (namespaces.matchLabels as Record<string, string>)[nk] = v;
    else (pods.matchLabels as Record<string, string>)[k] = v;
  }
  for (const e of s.matchExpressions) {
    const nk = mapKey(e.key);
    if (nk !== undefined) (namespaces.matchExpressions as SelectorRequirement[]).push({ ...e, key: nk });
    else (pods.matchExpressions as SelectorRequirement[]).push(e);
  }
  return { namespaces, pods };
}

function isEmpty(s: LabelSelector): boolean {
  return Object.keys(s.matchLabels).length === 0 && s.matchExpressions.length === 0;
}

function selectorManifest(s: LabelSelector): Record<string, unknown> {
  return {
    ...(Object.keys(s.matchLabels).length ? { matchLabels: { ...s.matchLabels } } : {}),
    ...(s.matchExpressions.length
      ? { matchExpressions: s.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...(e.operator === 'In' || e.operator === 'NotIn' ? { values: [...e.values] } : {}) })) }
      : {}),
  };
}

function portManifests(port: CiliumPort): Record<string, unknown>[] {
  const protocols = port.protocol === 'ANY' ? ['TCP', 'UDP', 'SCTP'] : [port.protocol];
  return protocols.map((protocol) => {
    if (port.kind === 'named') return { protocol, port: port.name };
    if (port.from === 1 && port.to === 65535) return { protocol };
    return { protocol, port: port.from, ...(port.to > port.from ? { endPort: port.to } : {}) };
  });
}
