/**
 * JSON Schema (draft-07) of Calico's `projectcalico.org/v3` NetworkPolicy, GlobalNetworkPolicy,
 * NetworkSet, GlobalNetworkSet and Tier (the `crd.projectcalico.org/v1` CRDs have the same spec
 * fields). Origin: written by hand from the Go types of projectcalico/calico
 * api/pkg/apis/projectcalico/v3 (networkpolicy.go, globalnetworkpolicy.go, policy_common.go,
 * networkset.go, globalnetworkset.go, tier.go; commit 87c15906f2, the 3.31/3.32 line): fields
 * and types only. Unknown fields are errors, as with kubectl's strict field validation. Value
 * rules (selectors, CIDRs, ports, protocols, actions, what may be combined: validator.go and the
 * types' kubebuilder XValidation rules) are checked in ../kinds/calico-*.ts.
 */
const anyObject = { type: 'object' } as const;
const stringList = { type: 'array', items: { type: 'string' } } as const;
const port = { type: ['integer', 'string'] } as const;
const ports = { type: 'array', items: port } as const;
const protocol = { type: ['integer', 'string'] } as const;
const icmp = { type: 'object', additionalProperties: false, properties: { type: { type: 'integer' }, code: { type: 'integer' } } } as const;

const entityRule = {
  type: 'object',
  additionalProperties: false,
  properties: {
    nets: stringList,
    notNets: stringList,
    selector: { type: 'string' },
    notSelector: { type: 'string' },
    namespaceSelector: { type: 'string' },
    ports,
    notPorts: ports,
    services: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' }, namespace: { type: 'string' } } },
    serviceAccounts: { type: 'object', additionalProperties: false, properties: { names: stringList, selector: { type: 'string' } } },
  },
} as const;

const rule = {
  type: 'object',
  additionalProperties: false,
  required: ['action'],
  properties: {
    action: { type: 'string' },
    ipVersion: { type: 'integer' },
    protocol,
    notProtocol: protocol,
    icmp,
    notICMP: icmp,
    source: entityRule,
    destination: entityRule,
    http: {
      type: 'object',
      additionalProperties: false,
      properties: {
        methods: stringList,
        paths: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { exact: { type: 'string' }, prefix: { type: 'string' } } } },
      },
    },
    metadata: { type: 'object', additionalProperties: false, properties: { annotations: { type: 'object', additionalProperties: { type: 'string' } } } },
  },
} as const;
const rules = { type: 'array', items: rule } as const;
const types = { type: 'array', items: { type: 'string' } } as const;
const performanceHints = stringList;

const networkPolicySpec = {
  type: 'object',
  additionalProperties: false,
  properties: { tier: { type: 'string' }, order: { type: 'number' }, ingress: rules, egress: rules, selector: { type: 'string' }, types, serviceAccountSelector: { type: 'string' }, performanceHints },
} as const;

const globalNetworkPolicySpec = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...networkPolicySpec.properties,
    doNotTrack: { type: 'boolean' },
    preDNAT: { type: 'boolean' },
    applyOnForward: { type: 'boolean' },
    namespaceSelector: { type: 'string' },
  },
} as const;

const networkSetSpec = { type: 'object', additionalProperties: false, properties: { nets: stringList, allowedEgressDomains: stringList } } as const;
const tierSpec = { type: 'object', additionalProperties: false, properties: { order: { type: 'number' }, defaultAction: { type: 'string' } } } as const;

const object = (spec: object) =>
  ({
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata'],
    additionalProperties: false,
    properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: anyObject, spec, status: anyObject },
  }) as const;

export const CALICO_SCHEMAS = {
  NetworkPolicy: object(networkPolicySpec),
  GlobalNetworkPolicy: object(globalNetworkPolicySpec),
  NetworkSet: object(networkSetSpec),
  GlobalNetworkSet: object(networkSetSpec),
  Tier: object(tierSpec),
} as const;
