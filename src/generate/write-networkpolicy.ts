import type { LabelSelector } from '../model/labels.js';
import type { Direction } from '../model/policy.js';
import { MANAGED_BY, type PolicyPlan } from './policy-plan.js';
import type { PeerItem, RuleItem } from './side-rules.js';

export function selectorText(s: LabelSelector): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (Object.keys(s.matchLabels).length) out.matchLabels = { ...s.matchLabels };
  if (s.matchExpressions.length) out.matchExpressions = s.matchExpressions.map((e) => (e.values.length ? { key: e.key, operator: e.operator, values: [...e.values] } : { key: e.key, operator: e.operator }));
  return out;
}

/** A namespace by the label the API server gives every namespace (Kubernetes 1.22+). */
const namespaceNamed = (ns: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': ns } });

function peerText(p: PeerItem): Record<string, unknown> {
  switch (p.kind) {
    case 'ipBlock':
      return { ipBlock: p.ipBlock.except.length ? { cidr: p.ipBlock.cidr, except: p.ipBlock.except } : { cidr: p.ipBlock.cidr } };
    case 'every-namespace':
      return { namespaceSelector: {} };
    case 'pods':
      return { ...(p.own ? {} : { namespaceSelector: namespaceNamed(p.namespace) }), ...(p.selector || p.own ? { podSelector: p.selector ? selectorText(p.selector) : {} } : {}) };
  }
}

function ruleText(r: RuleItem, direction: Direction): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (r.peers) out[direction === 'ingress' ? 'from' : 'to'] = r.peers.map(peerText);
  if (r.ports) out.ports = r.ports.map((p) => ({ protocol: p.protocol, ...(p.port !== undefined ? { port: p.port } : {}), ...(p.endPort !== undefined ? { endPort: p.endPort } : {}) }));
  return out;
}

/** A networking.k8s.io/v1 NetworkPolicy; a default deny is `policyTypes: [Ingress, Egress]` without rules. */
export function writeNetworkPolicy(plan: PolicyPlan): Record<string, unknown> {
  const d = plan.direction;
  const spec = d ? { policyTypes: [d === 'ingress' ? 'Ingress' : 'Egress'], [d]: plan.rules.map((r) => ruleText(r, d)) } : { policyTypes: ['Ingress', 'Egress'] };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: plan.name, namespace: plan.namespace, labels: { ...MANAGED_BY } },
    spec: { podSelector: selectorText(plan.selector), ...spec },
  };
}
