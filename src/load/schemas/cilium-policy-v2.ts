/**
 * JSON Schema (draft-07) of `cilium.io/v2` CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy:
 * fields and types. Origin: transcribed by hand from the CRDs' openAPIV3Schema in
 * cilium/cilium pkg/k8s/apis/cilium.io/client/crds/v2/ciliumnetworkpolicies.yaml and
 * ciliumclusterwidenetworkpolicies.yaml (main branch, commit 02904c9b, controller-gen v0.19.0: the
 * Cilium 1.19 development line; the rule fields are those of 1.16–1.18 too), with the Go types
 * of pkg/policy/api (Rule, IngressRule, IngressDenyRule, EgressRule, EgressDenyRule, PortRule,
 * PortDenyRule, PortProtocol, CIDRRule, FQDNSelector, Service with K8sServiceNamespace and K8sServiceSelectorNamespace, ICMPRule). Unknown fields are
 * errors, as with kubectl's strict field validation. Value rules (CIDR syntax, ports, entities,
 * what may be combined: Rule.Sanitize in pkg/policy/api/rule_validation.go) are checked in
 * ../kinds/cilium-policy.ts. L7 rules, TLS contexts and listeners are typed as objects only.
 */
const anyObject = { type: 'object' } as const;
const stringList = { type: 'array', items: { type: 'string' } } as const;
const labelSelector = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    matchLabels: { type: 'object', additionalProperties: { type: 'string' } },
    matchExpressions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'operator'],
        properties: { key: { type: 'string' }, operator: { type: 'string' }, values: stringList },
      },
    },
  },
} as const;
const selectorList = { type: 'array', items: labelSelector } as const;
const cidrRule = {
  type: 'object',
  additionalProperties: false,
  properties: { cidr: { type: 'string' }, cidrGroupRef: { type: 'string' }, cidrGroupSelector: labelSelector, except: stringList },
} as const;
const cidrRules = { type: 'array', items: cidrRule } as const;
const portProtocol = {
  type: 'object',
  additionalProperties: false,
  required: ['port'],
  properties: { port: { type: 'string' }, endPort: { type: 'integer' }, protocol: { type: 'string' } },
} as const;
const portRule = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ports: { type: 'array', items: portProtocol },
    rules: anyObject,
    terminatingTLS: anyObject,
    originatingTLS: anyObject,
    serverNames: stringList,
    listener: anyObject,
  },
} as const;
const portDenyRule = { type: 'object', additionalProperties: false, properties: { ports: { type: 'array', items: portProtocol } } } as const;
const icmps = { type: 'array', items: anyObject } as const;
const authentication = { type: 'object', additionalProperties: false, required: ['mode'], properties: { mode: { type: 'string' } } } as const;
const entities = { type: 'array', items: { type: 'string' } } as const;
const groups = { type: 'array', items: anyObject } as const;
/** `toServices` items (api.Service: K8sServiceNamespace, K8sServiceSelectorNamespace, whose `selector` is required). */
const service = {
  type: 'object',
  additionalProperties: false,
  properties: {
    k8sService: { type: 'object', additionalProperties: false, properties: { serviceName: { type: 'string' }, namespace: { type: 'string' } } },
    k8sServiceSelector: { type: 'object', additionalProperties: false, required: ['selector'], properties: { selector: labelSelector, namespace: { type: 'string' } } },
  },
} as const;

const ingressCommon = {
  fromEndpoints: selectorList,
  fromRequires: selectorList,
  fromCIDR: stringList,
  fromCIDRSet: cidrRules,
  fromEntities: entities,
  fromGroups: groups,
  fromNodes: selectorList,
  icmps,
} as const;
const egressCommon = {
  toEndpoints: selectorList,
  toRequires: selectorList,
  toCIDR: stringList,
  toCIDRSet: cidrRules,
  toEntities: entities,
  toServices: { type: 'array', items: service },
  toGroups: groups,
  toNodes: selectorList,
  icmps,
} as const;

const ingressRule = { type: 'object', additionalProperties: false, properties: { ...ingressCommon, toPorts: { type: 'array', items: portRule }, authentication } } as const;
const ingressDenyRule = { type: 'object', additionalProperties: false, properties: { ...ingressCommon, toPorts: { type: 'array', items: portDenyRule } } } as const;
const egressRule = {
  type: 'object',
  additionalProperties: false,
  properties: { ...egressCommon, toFQDNs: { type: 'array', items: anyObject }, toPorts: { type: 'array', items: portRule }, authentication },
} as const;
const egressDenyRule = { type: 'object', additionalProperties: false, properties: { ...egressCommon, toPorts: { type: 'array', items: portDenyRule } } } as const;

const rule = {
  type: 'object',
  additionalProperties: false,
  properties: {
    endpointSelector: labelSelector,
    nodeSelector: labelSelector,
    ingress: { type: 'array', items: ingressRule },
    ingressDeny: { type: 'array', items: ingressDenyRule },
    egress: { type: 'array', items: egressRule },
    egressDeny: { type: 'array', items: egressDenyRule },
    labels: { type: 'array', items: anyObject },
    enableDefaultDeny: { type: 'object', additionalProperties: false, properties: { ingress: { type: 'boolean' }, egress: { type: 'boolean' } } },
    description: { type: 'string' },
    log: anyObject,
  },
} as const;

export const CILIUM_POLICY_V2_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  additionalProperties: false,
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: rule,
    specs: { type: 'array', items: rule },
    status: anyObject,
  },
} as const;
