import type { LabelSelector } from '../model/labels.js';
import type { NetworkPolicy, Peer, PortSpec, Rule } from '../model/policy.js';
import { API_V1, ISOLATION_ANNOTATION_ALPHA, ISOLATION_ANNOTATION_BETA } from '../model/semantics.js';
import type { Namespace } from '../model/snapshot.js';

/** A policy of the model as a networking.k8s.io/v1 manifest, with explicit policyTypes. */
export function policyManifest(p: NetworkPolicy): Record<string, unknown> {
  const types = [...(p.affects.ingress ? ['Ingress'] : []), ...(p.affects.egress ? ['Egress'] : [])];
  const annotations = p.annotations && Object.keys(p.annotations).length ? { annotations: { ...p.annotations } } : {};
  return {
    apiVersion: API_V1,
    kind: 'NetworkPolicy',
    metadata: { name: p.name, namespace: p.namespace, ...annotations },
    spec: {
      podSelector: selectorManifest(p.podSelector),
      policyTypes: types,
      ...(p.affects.ingress && p.ingress.length ? { ingress: p.ingress.map(ruleManifest) } : {}),
      ...(p.affects.egress && p.egress.length ? { egress: p.egress.map(ruleManifest) } : {}),
    },
  };
}

/** A Namespace manifest without the legacy isolation annotations. */
export function namespaceManifest(ns: Namespace): Record<string, unknown> {
  const annotations = Object.fromEntries(Object.entries(ns.annotations).filter(([k]) => k !== ISOLATION_ANNOTATION_BETA && k !== ISOLATION_ANNOTATION_ALPHA));
  const labels = Object.fromEntries(Object.entries(ns.labels).filter(([k]) => k !== 'kubernetes.io/metadata.name'));
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns.name, ...(Object.keys(labels).length ? { labels } : {}), ...(Object.keys(annotations).length ? { annotations } : {}) },
  };
}

function selectorManifest(s: LabelSelector): Record<string, unknown> {
  return {
    ...(Object.keys(s.matchLabels).length ? { matchLabels: { ...s.matchLabels } } : {}),
    ...(s.matchExpressions.length
      ? { matchExpressions: s.matchExpressions.map((e) => ({ key: e.key, operator: e.operator, ...(e.operator === 'In' || e.operator === 'NotIn' ? { values: [...e.values] } : {}) })) }
      : {}),
  };
}

function ruleManifest(r: Rule): Record<string, unknown> {
  const peerField = r.direction === 'ingress' ? 'from' : 'to';
  return {
    ...(r.peers === 'any' ? {} : { [peerField]: r.peers.map(peerManifest) }),
    ...(r.ports === 'any' ? {} : { ports: r.ports.map(portManifest) }),
  };
}

function peerManifest(p: Peer): Record<string, unknown> {
  if (p.kind === 'ipBlock') return { ipBlock: { cidr: p.cidr.text, ...(p.except.length ? { except: p.except.map((e) => e.text) } : {}) } };
  return {
    ...(p.podSelector ? { podSelector: selectorManifest(p.podSelector) } : {}),
    ...(p.namespaceSelector ? { namespaceSelector: selectorManifest(p.namespaceSelector) } : {}),
  };
}

function portManifest(p: PortSpec): Record<string, unknown> {
  switch (p.kind) {
    case 'all':
      return { protocol: p.protocol };
    case 'named':
      return { protocol: p.protocol, port: p.name };
    case 'range':
      return { protocol: p.protocol, port: p.from, ...(p.to > p.from ? { endPort: p.to } : {}) };
  }
}
