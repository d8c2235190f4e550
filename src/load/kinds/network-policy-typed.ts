import type {
  LabelSelectorInput,
  LabelSelectorRequirementInput,
  NetworkPolicyEgressRuleInput,
  NetworkPolicyIngressRuleInput,
  NetworkPolicyInput,
  NetworkPolicyPeerInput,
  NetworkPolicyPortInput,
  NetworkPolicySpecInput,
} from '../validation/index.js';
import { isRecord } from '../object-reader.js';
import { field, list, num, str, stringMap, strings } from './go-zero-values.js';
import { typedObjectMeta } from './object-meta-typed.js';

/**
 * A NetworkPolicy as the API server's decoding types it (networking/v1, Kubernetes 1.32), for
 * the transcribed validation: absent and null are the same, null entries of lists are zero
 * values (a null peer is an empty peer, which validation refuses; a null port is all ports).
 */
export function typedNetworkPolicy(raw: Record<string, unknown>): NetworkPolicyInput {
  const spec = field(raw, 'spec');
  const out: NetworkPolicySpecInput = { podSelector: selector(field(spec, 'podSelector')) ?? {} }; // not a pointer in Go: null is {}
  const policyTypes = strings(field(spec, 'policyTypes'));
  if (policyTypes) out.policyTypes = policyTypes;
  const ingress = rules(field(spec, 'ingress'), 'from') as NetworkPolicyIngressRuleInput[] | undefined;
  if (ingress) out.ingress = ingress;
  const egress = rules(field(spec, 'egress'), 'to') as NetworkPolicyEgressRuleInput[] | undefined;
  if (egress) out.egress = egress;
  return { metadata: typedObjectMeta(field(raw, 'metadata')), spec: out };
}

/** Ingress (peers under `from`) or egress (`to`) rules: the same shape but for the peers' field. */
function rules(v: unknown, peers: 'from' | 'to'): Record<string, unknown>[] | undefined {
  return list(v, (rule) => {
    const r: Record<string, unknown> = {};
    const ports = list(field(rule, 'ports'), port);
    const peerList = list(field(rule, peers), peer);
    if (ports) r.ports = ports;
    if (peerList) r[peers] = peerList;
    return r;
  });
}

export function selector(v: unknown): LabelSelectorInput | undefined {
  if (!isRecord(v)) return undefined;
  const out: LabelSelectorInput = {};
  const matchLabels = stringMap(v.matchLabels);
  if (matchLabels) out.matchLabels = matchLabels;
  const matchExpressions = list(v.matchExpressions, (e) => {
    const req: LabelSelectorRequirementInput = { key: str(field(e, 'key')) ?? '', operator: str(field(e, 'operator')) ?? '' };
    const values = strings(field(e, 'values'));
    if (values) req.values = values;
    return req;
  });
  if (matchExpressions) out.matchExpressions = matchExpressions;
  return out;
}

function peer(v: unknown): NetworkPolicyPeerInput {
  const out: NetworkPolicyPeerInput = {};
  const podSelector = selector(field(v, 'podSelector'));
  const namespaceSelector = selector(field(v, 'namespaceSelector'));
  const block = field(v, 'ipBlock');
  if (podSelector) out.podSelector = podSelector;
  if (namespaceSelector) out.namespaceSelector = namespaceSelector;
  if (isRecord(block)) {
    out.ipBlock = { cidr: str(block.cidr) ?? '' };
    const except = strings(block.except);
    if (except) out.ipBlock.except = except;
  }
  return out;
}

function port(v: unknown): NetworkPolicyPortInput {
  const out: NetworkPolicyPortInput = {};
  const protocol = str(field(v, 'protocol'));
  const p = field(v, 'port');
  const endPort = num(field(v, 'endPort'));
  if (protocol !== undefined) out.protocol = protocol;
  if (typeof p === 'number' || typeof p === 'string') out.port = p;
  if (endPort !== undefined) out.endPort = endPort;
  return out;
}
