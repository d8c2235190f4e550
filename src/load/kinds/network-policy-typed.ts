import type { LabelSelectorInput, NetworkPolicyInput, NetworkPolicyPeerInput, NetworkPolicyPortInput } from '../validation/index.js';
import { field, isObject, list, num, str, stringMap, strings } from './go-zero-values.js';

/**
 * A NetworkPolicy as the API server's decoding types it (networking/v1, Kubernetes 1.32), for
 * the transcribed validation: absent and null are the same, null entries of lists are zero
 * values (a null peer is an empty peer, which validation refuses; a null port is all ports).
 */
export function typedNetworkPolicy(raw: Record<string, unknown>): NetworkPolicyInput {
  const meta = field(raw, 'metadata');
  const spec = field(raw, 'spec');
  return {
    metadata: {
      ...opt('name', str(field(meta, 'name'))),
      ...opt('generateName', str(field(meta, 'generateName'))),
      ...opt('namespace', str(field(meta, 'namespace'))),
      ...opt('labels', stringMap(field(meta, 'labels'))),
      ...opt('annotations', stringMap(field(meta, 'annotations'))),
      ...opt('finalizers', strings(field(meta, 'finalizers'))),
    },
    spec: {
      // Not a pointer in Go: null or absent is the empty selector.
      podSelector: selector(field(spec, 'podSelector')) ?? {},
      ...opt('policyTypes', strings(field(spec, 'policyTypes'))),
      ...opt('ingress', list(field(spec, 'ingress'), (rule) => ({ ...opt('ports', list(field(rule, 'ports'), port)), ...opt('from', list(field(rule, 'from'), peer)) }))),
      ...opt('egress', list(field(spec, 'egress'), (rule) => ({ ...opt('ports', list(field(rule, 'ports'), port)), ...opt('to', list(field(rule, 'to'), peer)) }))),
    },
  };
}

function opt<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [k in K]?: V };
}

export function selector(v: unknown): LabelSelectorInput | undefined {
  if (!isObject(v)) return undefined;
  return {
    ...opt('matchLabels', stringMap(v.matchLabels)),
    ...opt(
      'matchExpressions',
      list(v.matchExpressions, (e) => ({ key: str(field(e, 'key')) ?? '', operator: str(field(e, 'operator')) ?? '', ...opt('values', strings(field(e, 'values'))) })),
    ),
  };
}

function peer(v: unknown): NetworkPolicyPeerInput {
  const block = field(v, 'ipBlock');
  return {
    ...opt('podSelector', selector(field(v, 'podSelector'))),
    ...opt('namespaceSelector', selector(field(v, 'namespaceSelector'))),
    ...(isObject(block) ? { ipBlock: { cidr: str(block.cidr) ?? '', ...opt('except', strings(block.except)) } } : {}),
  };
}

function port(v: unknown): NetworkPolicyPortInput {
  const p = field(v, 'port');
  return {
    ...opt('protocol', str(field(v, 'protocol'))),
    ...(typeof p === 'number' || typeof p === 'string' ? { port: p } : {}),
    ...opt('endPort', num(field(v, 'endPort'))),
  };
}
