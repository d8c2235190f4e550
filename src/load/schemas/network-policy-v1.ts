/**
 * JSON Schema (draft-07) of networking.k8s.io/v1 NetworkPolicy: fields and types only.
 * Origin: written once by hand from the Kubernetes API reference for NetworkPolicy v1
 * (NetworkPolicySpec, NetworkPolicyIngressRule, NetworkPolicyEgressRule, NetworkPolicyPeer,
 * NetworkPolicyPort, IPBlock, LabelSelector, ObjectMeta), Kubernetes 1.29. Unknown fields are
 * errors, as with kubectl's default strict field validation. Rules beyond types (CIDR syntax,
 * port ranges, selector operators) are checked in ../kinds/network-policy.ts.
 */
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

// A field written with no value (`podSelector:`) is JSON null; the API server reads it as the
// zero value (an empty selector, an absent list), so null is accepted wherever a selector or a
// list may stand.
const labelSelector = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    matchLabels: stringMap,
    matchExpressions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'operator'],
        properties: { key: { type: 'string' }, operator: { type: 'string' }, values: { type: 'array', items: { type: 'string' } } },
      },
    },
  },
} as const;

const peer = {
  type: 'object',
  additionalProperties: false,
  properties: {
    podSelector: labelSelector,
    namespaceSelector: labelSelector,
    ipBlock: {
      type: 'object',
      additionalProperties: false,
      required: ['cidr'],
      properties: { cidr: { type: 'string' }, except: { type: 'array', items: { type: 'string' } } },
    },
  },
} as const;

const port = {
  type: 'object',
  additionalProperties: false,
  properties: {
    protocol: { type: 'string' },
    port: { type: ['integer', 'string'] },
    endPort: { type: 'integer' },
  },
} as const;

const rule = (peers: 'from' | 'to') =>
  ({
    type: ['object', 'null'],
    additionalProperties: false,
    properties: { [peers]: { type: ['array', 'null'], items: peer }, ports: { type: ['array', 'null'], items: port } },
  }) as const;

/**
 * The API server decodes JSON null as the zero value of every field (an absent selector, list,
 * port, protocol; an empty label value), so every type also accepts null; what null then means
 * is the readers' business (kinds/network-policy.ts).
 */
function nullable<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(nullable) as T;
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'type') out[k] = Array.isArray(v) ? [...new Set([...v, 'null'])] : v === 'null' ? v : [v, 'null'];
    else if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v as object).map(([name, s]) => [name, nullable(s)]));
    else if (k === 'items' || k === 'additionalProperties') out[k] = typeof v === 'object' ? nullable(v) : v;
    else out[k] = v;
  }
  return out as T;
}

export const NETWORK_POLICY_V1_SCHEMA = nullable({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string' },
        generateName: { type: 'string' },
        namespace: { type: 'string' },
        labels: stringMap,
        annotations: stringMap,
        uid: { type: 'string' },
        resourceVersion: { type: 'string' },
        generation: { type: 'integer' },
        creationTimestamp: {},
        deletionTimestamp: {},
        deletionGracePeriodSeconds: { type: 'integer' },
        finalizers: { type: 'array', items: { type: 'string' } },
        ownerReferences: { type: 'array' },
        managedFields: { type: 'array' },
        selfLink: { type: 'string' },
      },
    },
    spec: {
      type: 'object',
      additionalProperties: false,
      properties: {
        podSelector: labelSelector,
        policyTypes: { type: ['array', 'null'], items: { type: 'string' } },
        ingress: { type: ['array', 'null'], items: rule('from') },
        egress: { type: ['array', 'null'], items: rule('to') },
      },
    },
    status: { type: 'object' },
  },
  additionalProperties: false,
} as const);
