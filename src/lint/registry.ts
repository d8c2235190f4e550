import type { LintRule } from './rule.js';
import adminPeerUnmodelled from './rules/admin-peer-unmodelled.js';
import adminPriorityTie from './rules/admin-priority-tie.js';
import allowAll from './rules/allow-all.js';
import calicoLogLast from './rules/calico-log-last.js';
import calicoNotEqualsUnlabelled from './rules/calico-not-equals-unlabelled.js';
import calicoOrderTie from './rules/calico-order-tie.js';
import calicoSelectsNothing from './rules/calico-selects-nothing.js';
import calicoShadowedRule from './rules/calico-shadowed-rule.js';
import ciliumEndpointsNamespace from './rules/cilium-endpoints-namespace.js';
import ciliumL7OpensL4 from './rules/cilium-l7-opens-l4.js';
import ciliumSelectsNothing from './rules/cilium-selects-nothing.js';
import ciliumWorldVsCluster from './rules/cilium-world-vs-cluster.js';
import deprecatedApi from './rules/deprecated-api.js';
import egressWithoutDns from './rules/egress-without-dns.js';
import ignoredRules from './rules/ignored-rules.js';
import invalidCidr from './rules/invalid-cidr.js';
import invalidPortRange from './rules/invalid-port-range.js';
import ipblockCoversPodNetwork from './rules/ipblock-covers-pod-network.js';
import legacyIsolation from './rules/legacy-isolation.js';
import namespaceLabelMissing from './rules/namespace-label-missing.js';
import peerSelectsNothing from './rules/peer-selects-nothing.js';
import policySelectsNothing from './rules/policy-selects-nothing.js';
import protocolCase from './rules/protocol-case.js';
import redundantRule from './rules/redundant-rule.js';
import schema from './rules/schema.js';
import splitNamespacePodSelector from './rules/split-namespace-pod-selector.js';
import unknownNamedPort from './rules/unknown-named-port.js';
import unmodelledObject from './rules/unmodelled-object.js';
import unprotectedPods from './rules/unprotected-pods.js';

/** Every rule, sorted by id; a duplicate id is a bug and throws at start-up. */
export const RULES = [
  adminPeerUnmodelled,
  adminPriorityTie,
  allowAll,
  calicoLogLast,
  calicoNotEqualsUnlabelled,
  calicoOrderTie,
  calicoSelectsNothing,
  calicoShadowedRule,
  ciliumEndpointsNamespace,
  ciliumL7OpensL4,
  ciliumSelectsNothing,
  ciliumWorldVsCluster,
  deprecatedApi,
  egressWithoutDns,
  ignoredRules,
  invalidCidr,
  invalidPortRange,
  ipblockCoversPodNetwork,
  legacyIsolation,
  namespaceLabelMissing,
  peerSelectsNothing,
  policySelectsNothing,
  protocolCase,
  redundantRule,
  schema,
  splitNamespacePodSelector,
  unknownNamedPort,
  unmodelledObject,
  unprotectedPods,
] as const satisfies readonly LintRule<string>[];

const seen = new Set<string>();
for (const r of RULES) {
  if (seen.has(r.meta.id)) throw new Error(`duplicate lint rule id ${r.meta.id}`);
  seen.add(r.meta.id);
}
