import { CALICO_NAME_LABEL, KNP_ORDER } from '../model/calico-policy.js';
import type { LabelSelector } from '../model/labels.js';
import type { Direction, Protocol } from '../model/policy.js';
import { PROTOCOLS } from '../model/policy.js';
import { MANAGED_BY, type PolicyPlan } from './policy-plan.js';
import type { PortItem } from './port-items.js';
import type { PeerItem, RuleItem } from './side-rules.js';

/** A value in quotes: Calico's strings have no escapes, so the quote the value does not hold (valid label values hold neither). */
const quote = (v: string) => (v.includes("'") ? `"${v}"` : `'${v}'`);
/** A label in Calico's grammar (tokenizer.go); a key outside it would be read as more of the expression. */
const CALICO_LABEL = /^[A-Za-z0-9_./-]{1,512}$/;
/** Matches nothing: what a label the API server refuses (the loader reports it) is written as, so that no manifest text becomes selector syntax. */
const NOTHING = '!all()';
const sayable = (key: string, values: readonly string[]) => CALICO_LABEL.test(key) && values.every((v) => !(v.includes("'") && v.includes('"')));

/** A label selector in Calico's selector language: `app == 'web' && !has(canary)`; empty: `all()`. */
export function calicoSelectorText(s: LabelSelector): string {
  const terms = [
    ...Object.entries(s.matchLabels).map(([k, v]) => (sayable(k, [v]) ? `${k} == ${quote(v)}` : NOTHING)),
    ...s.matchExpressions.map((e) => {
      if (!sayable(e.key, e.values)) return NOTHING;
      switch (e.operator) {
        case 'Exists':
          return `has(${e.key})`;
        case 'DoesNotExist':
          return `!has(${e.key})`;
        case 'In':
          return `${e.key} in {${e.values.map(quote).join(', ')}}`;
        case 'NotIn':
          return `${e.key} not in {${e.values.map(quote).join(', ')}}`;
      }
    }),
  ];
  return terms.length ? terms.join(' && ') : 'all()';
}

/** A namespace by the label Calico gives every namespace's profile (`projectcalico.org/name`). */
const namespaceNamed = (ns: string) => (sayable(CALICO_NAME_LABEL, [ns]) ? `${CALICO_NAME_LABEL} == ${quote(ns)}` : NOTHING);

type Entity = Record<string, unknown>;

/** The source (ingress) or destination (egress) entities of a rule's peers: pods of a namespace under one selector, addresses by family. */
function entities(peers: readonly PeerItem[]): Entity[] {
  const out: Entity[] = [];
  const byNamespace = new Map<string, { own: boolean; selectors: string[] | 'all' }>();
  for (const p of peers) {
    if (p.kind !== 'pods') continue;
    const e = byNamespace.get(p.namespace) ?? { own: p.own, selectors: [] };
    if (!p.selector) e.selectors = 'all';
    else if (e.selectors !== 'all') e.selectors.push(calicoSelectorText(p.selector));
    byNamespace.set(p.namespace, e);
  }
  if (peers.some((p) => p.kind === 'every-namespace')) out.push({ namespaceSelector: 'all()' });
  for (const [ns, e] of byNamespace) {
    const selector = e.selectors === 'all' ? undefined : e.selectors.length === 1 ? e.selectors[0]! : e.selectors.map((s) => (s.includes('&&') ? `(${s})` : s)).join(' || ');
    // In a Calico NetworkPolicy a selector without namespaceSelector stays in the policy's namespace.
    if (e.own) out.push({ selector: selector ?? 'all()' });
    else out.push({ namespaceSelector: namespaceNamed(ns), ...(selector ? { selector } : {}) });
  }
  // A rule's nets are of one IP family; an except is the notNets of its own rule.
  for (const family of ['.', ':']) {
    const blocks = peers.filter((p): p is Extract<PeerItem, { kind: 'ipBlock' }> => p.kind === 'ipBlock' && p.ipBlock.cidr.includes(family) && (family === ':' || !p.ipBlock.cidr.includes(':')));
    const plain = blocks.filter((b) => !b.ipBlock.except.length).map((b) => b.ipBlock.cidr);
    if (plain.length) out.push({ nets: plain });
    for (const b of blocks) if (b.ipBlock.except.length) out.push({ nets: [b.ipBlock.cidr], notNets: b.ipBlock.except });
  }
  return out;
}

/** The ports of a rule by protocol (Calico's rules name one protocol); `undefined`: every protocol and port. */
function byProtocol(ports: readonly PortItem[] | undefined): { protocol?: Protocol; ports?: (number | string)[] }[] {
  if (!ports) return [{}];
  const out: { protocol: Protocol; ports?: (number | string)[] }[] = [];
  for (const protocol of PROTOCOLS) {
    const items = ports.filter((p) => p.protocol === protocol);
    if (!items.length) continue;
    if (items.some((p) => p.port === undefined)) out.push({ protocol });
    else out.push({ protocol, ports: items.map((p) => (p.endPort !== undefined ? `${p.port}:${p.endPort}` : p.port!)) });
  }
  return out;
}

function rulesOf(r: RuleItem, direction: Direction): Record<string, unknown>[] {
  const ends = r.peers ? entities(r.peers) : [{}];
  const out: Record<string, unknown>[] = [];
  for (const end of ends) {
    for (const { protocol, ports } of byProtocol(r.ports)) {
      const destinationPorts = ports ? { ports } : {};
      const rule: Record<string, unknown> = { action: 'Allow', ...(protocol ? { protocol } : {}) };
      if (direction === 'ingress') {
        if (Object.keys(end).length) rule.source = end;
        if (ports) rule.destination = destinationPorts;
      } else {
        const destination = { ...end, ...destinationPorts };
        if (Object.keys(destination).length) rule.destination = destination;
      }
      out.push(rule);
    }
  }
  return out;
}

/**
 * A projectcalico.org/v3 NetworkPolicy of the default tier, at order 1000 — where Calico puts the
 * Kubernetes NetworkPolicies they replace (docs/calico.md). A default deny selects every pod of
 * the namespace for both directions and has no rule: the tier's end-of-tier Deny drops what no
 * policy of the tier allows.
 */
export function writeCalicoPolicy(plan: PolicyPlan): Record<string, unknown> {
  const d = plan.direction;
  const spec = d ? { types: [d === 'ingress' ? 'Ingress' : 'Egress'], [d]: plan.rules.flatMap((r) => rulesOf(r, d)) } : { types: ['Ingress', 'Egress'] };
  return {
    apiVersion: 'projectcalico.org/v3',
    kind: 'NetworkPolicy',
    metadata: { name: plan.name, namespace: plan.namespace, labels: { ...MANAGED_BY } },
    spec: { order: KNP_ORDER, selector: calicoSelectorText(plan.selector), ...spec },
  };
}
