import type { LabelSelector } from '../model/labels.js';
import type { Direction } from '../model/policy.js';
import { chooseSelector } from './choose-selector.js';
import type { PodClass } from './pod-classes.js';
import { isOpen, openSides } from './open-sides.js';
import { NameAllocator } from './policy-names.js';
import type { Requirement } from './requirement.js';
import { sideRules, type ClassIndex, type PeerItem, type RuleItem } from './side-rules.js';

/** A generated policy, as the object that is written. */
export interface GeneratedPolicy {
  namespace: string;
  name: string;
  /** The class it selects (absent: the namespace's default deny). */
  forClass?: PodClass;
  manifest: Record<string, unknown>;
}

export const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'netpol-check' };

function selectorText(s: LabelSelector): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (Object.keys(s.matchLabels).length) out.matchLabels = { ...s.matchLabels };
  if (s.matchExpressions.length) out.matchExpressions = s.matchExpressions.map((e) => (e.values.length ? { key: e.key, operator: e.operator, values: [...e.values] } : { key: e.key, operator: e.operator }));
  return out;
}

function peerText(p: PeerItem): Record<string, unknown> {
  if ('ipBlock' in p) return { ipBlock: p.ipBlock.except.length ? { cidr: p.ipBlock.cidr, except: p.ipBlock.except } : { cidr: p.ipBlock.cidr } };
  return { ...(p.namespaceSelector ? { namespaceSelector: selectorText(p.namespaceSelector) } : {}), ...(p.podSelector ? { podSelector: selectorText(p.podSelector) } : {}) };
}

function ruleText(r: RuleItem, direction: Direction): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (r.peers) out[direction === 'ingress' ? 'from' : 'to'] = r.peers.map(peerText);
  if (r.ports) out.ports = r.ports.map((p) => ({ protocol: p.protocol, ...(p.port !== undefined ? { port: p.port } : {}), ...(p.endPort !== undefined ? { endPort: p.endPort } : {}) }));
  return out;
}

function manifest(namespace: string, name: string, podSelector: LabelSelector, spec: Record<string, unknown>): Record<string, unknown> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace, labels: { ...MANAGED_BY } },
    spec: { podSelector: selectorText(podSelector), ...spec },
  };
}

export function classIndex(classes: readonly PodClass[]): ClassIndex {
  const byNamespace = new Map<string, PodClass[]>();
  for (const c of classes) byNamespace.set(c.namespace, [...(byNamespace.get(c.namespace) ?? []), c]);
  const selectors = new Map(classes.map((c) => [c, chooseSelector(c, byNamespace.get(c.namespace)!)]));
  return { classes, byNamespace, selectorOf: (c) => selectors.get(c)! };
}

/** A workload's name for its policies: `api` for `shop/api[Deployment]`. */
function baseName(c: PodClass): string {
  const owner = c.owners[0]!;
  return owner.slice(owner.indexOf('/') + 1).replace(/\[[^\]]*\]$/, '');
}

/**
 * Per managed namespace a default deny of both directions, then per class one policy per
 * direction in which it must allow something: everything where that side may stay open
 * (open-sides.ts), else the exact rules (side-rules.ts).
 */
export function buildPolicies(req: Requirement, index: ClassIndex, managed: ReadonlySet<string>): GeneratedPolicy[] {
  const out: GeneratedPolicy[] = [];
  const open = openSides(req, index.classes, managed);
  for (const [ns, classes] of index.byNamespace) {
    if (!managed.has(ns)) continue;
    const names = new NameAllocator();
    const deny = names.take('default-deny', '');
    out.push({ namespace: ns, name: deny, manifest: manifest(ns, deny, { matchLabels: {}, matchExpressions: [] }, { policyTypes: ['Ingress', 'Egress'] }) });
    for (const c of classes) {
      for (const direction of ['ingress', 'egress'] as const) {
        const rules = isOpen(open, c, direction) ? [{}] : sideRules(req, c, index, direction);
        if (!rules.length) continue;
        const name = names.take(baseName(c), `-${direction}`);
        const spec = { policyTypes: [direction === 'ingress' ? 'Ingress' : 'Egress'], [direction]: rules.map((r) => ruleText(r, direction)) };
        out.push({ namespace: ns, name, forClass: c, manifest: manifest(ns, name, index.selectorOf(c), spec) });
      }
    }
  }
  return out;
}
