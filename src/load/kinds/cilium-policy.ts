import {
  CILIUM_ENTITIES,
  CILIUM_V2,
  MODELLED_ENTITIES,
  type CiliumEntity,
  type CiliumKind,
  type CiliumPeer,
  type CiliumPolicy,
  type CiliumRule,
  type CiliumSection,
} from '../../model/cilium-policy.js';
import type { Cidr } from '../../model/policy.js';
import { CILIUM_NAMESPACE_LABEL } from '../../select/cilium-labels.js';
import { parseCidr } from '../../net/cidr.js';
import type { Path } from '../locate.js';
import { describe, type ObjectReader } from '../object-reader.js';
import { validateCiliumPolicyShape } from '../validate-cilium.js';
import { readCiliumSelector } from './cilium-selector.js';
import { readToPorts } from './cilium-to-ports.js';
import { readToServices } from './cilium-to-services.js';

const SECTIONS: readonly CiliumSection[] = ['ingress', 'ingressDeny', 'egress', 'egressDeny'];

/**
 * A CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy: one CiliumPolicy per rule (`spec`, then
 * each of `specs`). Checked against the CRD's fields and Rule.Sanitize: an object with an error is
 * left out whole (the agent would not import it), and the errors say why. What is read but not
 * modelled is a warning on its field, and the policy lists it (answers for the pods it selects
 * are then undetermined).
 */
export function readCiliumPolicy(r: ObjectReader): CiliumPolicy[] {
  const kind = r.raw.kind as CiliumKind;
  if (r.raw.apiVersion !== CILIUM_V2) {
    r.report('error', ['apiVersion'], 'unsupported-api-version', `${kind} apiVersion "${r.raw.apiVersion}" is not supported (expected ${CILIUM_V2}); left out of the analysis`);
    return [];
  }
  const errorsBefore = r.errors;
  // A name the API server refuses is an error (and names reach terminals: they must be DNS names).
  if (!r.name) r.reportMissingName('');
  else if (!r.checkName()) return refuse(r, kind);
  for (const p of validateCiliumPolicyShape(r.raw.value)) r.report('error', p.path, p.code, p.message);
  if (r.errors > errorsBefore) return refuse(r, kind);
  const namespace = kind === 'CiliumNetworkPolicy' ? r.namespace : undefined;
  const paths: Path[] = [];
  if (r.has(['spec'])) paths.push(['spec']);
  (r.list(['specs']) ?? []).forEach((_, i) => paths.push(['specs', i]));
  if (paths.length === 0) r.report('error', ['spec'], 'missing-field', `a ${kind} needs spec or specs`);
  const policies = paths.map((path) => readRule(r, kind, namespace, path));
  if (r.errors > errorsBefore) return refuse(r, kind);
  return policies.filter((p): p is CiliumPolicy => p !== undefined);
}

function refuse(r: ObjectReader, kind: CiliumKind): [] {
  r.report('error', [], 'policy-not-applied', `${kind} ${r.name || '<unnamed>'} has errors and is left out of the analysis (the API server or the Cilium agent would reject it)`);
  return [];
}

function readRule(r: ObjectReader, kind: CiliumKind, namespace: string | undefined, path: Path): CiliumPolicy | undefined {
  const unmodelled: string[] = [];
  const note = (at: Path, what: string) => {
    unmodelled.push(what);
    r.report('warning', at, 'cilium-unmodelled', `${what} is not modelled: answers for the pods this policy selects are undetermined`);
  };
  const hasEndpoints = r.has([...path, 'endpointSelector']);
  const hasNodes = r.has([...path, 'nodeSelector']);
  if (hasEndpoints === hasNodes) r.report('error', path, 'invalid-selector', 'a rule sets exactly one of endpointSelector or nodeSelector');
  if (!SECTIONS.some((s) => r.has([...path, s]))) r.report('error', path, 'missing-field', 'a rule needs at least one of ingress, ingressDeny, egress, egressDeny');
  let endpointSelector = { matchLabels: {}, matchExpressions: [] } as CiliumPolicy['endpointSelector'];
  let selectsNoPod = hasNodes;
  if (hasEndpoints) {
    const read = readCiliumSelector(r, [...path, 'endpointSelector'])!;
    endpointSelector = read.selector;
    if (read.otherSources.length) {
      note([...path, 'endpointSelector'], `endpointSelector on ${read.otherSources.join(', ')} (not labels a snapshot holds)`);
      selectsNoPod = true;
    }
    if (namespace !== undefined && read.k8sNamespace !== undefined) {
      // ParseToCiliumRule overwrites this key with the policy's namespace.
      const { [CILIUM_NAMESPACE_LABEL]: _, ...rest } = endpointSelector.matchLabels;
      endpointSelector = { ...endpointSelector, matchLabels: rest };
      if (read.k8sNamespace !== namespace) r.report('warning', [...path, 'endpointSelector', 'matchLabels', `k8s:${CILIUM_NAMESPACE_LABEL}`], 'cilium-namespace-ignored', `a CiliumNetworkPolicy selects pods of its own namespace ${namespace} only: Cilium replaces ${read.k8sNamespace} with it`);
    }
  }
  if (hasNodes) note([...path, 'nodeSelector'], 'nodeSelector (a host policy: it selects nodes, not pods)');
  const rules: CiliumRule[] = [];
  for (const section of SECTIONS) {
    (r.list([...path, section]) ?? []).forEach((_, index) => {
      const rule = readSectionRule(r, section, index, [...path, section, index], namespace);
      if (rule) rules.push(rule);
    });
  }
  for (const rule of rules) unmodelled.push(...rule.unmodelled);
  const has = (dir: 'ingress' | 'egress') => (r.list([...path, dir])?.length ?? 0) > 0 || (r.list([...path, `${dir}Deny`])?.length ?? 0) > 0;
  const given = (dir: 'ingress' | 'egress') => r.get([...path, 'enableDefaultDeny', dir]) as boolean | undefined;
  const specPath = path.length === 1 ? 'spec' : `specs[${path[1]}]`;
  return {
    kind,
    apiVersion: CILIUM_V2,
    name: r.name,
    ...(namespace !== undefined ? { namespace } : {}),
    specPath,
    endpointSelector,
    selectsNoPod,
    rules,
    defaultDeny: { ingress: given('ingress') ?? has('ingress'), egress: given('egress') ?? has('egress') },
    unmodelled: [...new Set(unmodelled)],
    annotations: r.stringMap(['metadata', 'annotations']),
    source: r.at(path),
  };
}

/** L3 fields per direction, as Sanitize counts them ("Combining X and Y is not supported yet"). */
const L3 = {
  ingress: ['fromEndpoints', 'fromCIDR', 'fromCIDRSet', 'fromEntities', 'fromNodes', 'fromGroups'],
  egress: ['toEndpoints', 'toCIDR', 'toCIDRSet', 'toEntities', 'toServices', 'toFQDNs', 'toGroups', 'toNodes'],
} as const;

function readSectionRule(r: ObjectReader, section: CiliumSection, index: number, path: Path, namespace: string | undefined): CiliumRule | undefined {
  const direction = section.startsWith('ingress') ? 'ingress' : 'egress';
  const deny = section.endsWith('Deny');
  const unmodelled: string[] = [];
  const note = (at: Path, what: string) => {
    unmodelled.push(what);
    r.report('warning', at, 'cilium-unmodelled', `${what} is not modelled: this rule ${deny ? 'may deny' : 'may allow'} more than netpol-check shows`);
  };
  const present = L3[direction].filter((f) => (r.list([...path, f])?.length ?? 0) > 0);
  if (present.length > 1) r.report('error', [...path, present[1]!], 'invalid-rule', `Cilium does not support combining ${present[0]} and ${present[1]} in one rule (Rule.Sanitize)`);
  const toPorts = r.list([...path, 'toPorts']);
  // Allowed since 1.17 (l3DependentL4Support, pkg/policy/api/rule_validation_helpers.go); refused before (cilium/cilium#20067).
  if (r.has([...path, 'toServices']) && toPorts?.length) r.report('warning', [...path, 'toPorts'], 'cilium-version-dependent', 'toServices with toPorts: Cilium 1.17 and later apply the ports to the Service\'s pods, as read here; Cilium 1.16 and older reject the whole policy (cilium/cilium#20067)');
  const icmps = r.list([...path, 'icmps']);
  if (icmps?.length && toPorts?.length) r.report('error', [...path, 'icmps'], 'invalid-rule', 'the icmps block may only be present without toPorts (Rule.Sanitize)');

  const peers: CiliumPeer[] = [];
  const peerPath = (f: string, i: number) => [...path, f, i];
  const prefix = direction === 'ingress' ? 'from' : 'to';
  (r.list([...path, `${prefix}Endpoints`]) ?? []).forEach((_, i) => {
    const at = peerPath(`${prefix}Endpoints`, i);
    const sel = readCiliumSelector(r, at) ?? { selector: { matchLabels: {}, matchExpressions: [] }, otherSources: [], namesNamespace: false };
    if (sel.otherSources.length) {
      note(at, `${prefix}Endpoints on ${sel.otherSources.join(', ')} (not labels a snapshot holds)`);
      peers.push({ kind: 'unmodelled', what: `${prefix}Endpoints on ${sel.otherSources.join(', ')}`, source: r.at(at) });
      return;
    }
    const confined = namespace !== undefined && !sel.namesNamespace;
    peers.push({ kind: 'endpoints', selector: sel.selector, ...(confined ? { namespace } : {}), source: r.at(at) });
  });
  (r.list([...path, `${prefix}Entities`]) ?? []).forEach((e, i) => {
    const at = peerPath(`${prefix}Entities`, i);
    if (typeof e !== 'string' || !(CILIUM_ENTITIES as readonly string[]).includes(e)) {
      r.report('error', at, 'invalid-entity', `unsupported entity ${describe(e)} (Cilium knows ${CILIUM_ENTITIES.join(', ')})`);
      return;
    }
    if (!(MODELLED_ENTITIES as readonly string[]).includes(e)) note(at, `the ${e} entity`);
    peers.push({ kind: 'entity', entity: e as CiliumEntity, source: r.at(at) });
  });
  (r.list([...path, `${prefix}CIDR`]) ?? []).forEach((_, i) => {
    const at = peerPath(`${prefix}CIDR`, i);
    const c = readCiliumCidr(r, at, true);
    if (c) peers.push({ kind: 'cidr', cidr: c, except: [], source: r.at(at) });
  });
  (r.list([...path, `${prefix}CIDRSet`]) ?? []).forEach((_, i) => {
    const at = peerPath(`${prefix}CIDRSet`, i);
    const keys = ['cidr', 'cidrGroupRef', 'cidrGroupSelector'].filter((k) => r.has([...at, k]));
    if (keys.length !== 1) return r.report('error', at, 'invalid-cidr', `a CIDRSet item sets exactly one of cidr, cidrGroupRef, cidrGroupSelector; got ${keys.join(', ') || 'none'}`);
    if (keys[0] !== 'cidr') {
      note([...at, keys[0]!], `${keys[0]} (a CiliumCIDRGroup)`);
      peers.push({ kind: 'unmodelled', what: `${prefix}CIDRSet ${keys[0]}`, source: r.at(at) });
      return;
    }
    const c = readCiliumCidr(r, [...at, 'cidr'], false);
    const except: Cidr[] = [];
    (r.list([...at, 'except']) ?? []).forEach((_, j) => {
      const e = readCiliumCidr(r, [...at, 'except', j], false);
      if (!e || !c) return;
      if (e.family !== c.family || e.lo < c.lo || e.hi > c.hi) return r.report('error', [...at, 'except', j], 'except-outside-cidr', `allow CIDR prefix ${c.text} does not contain exclude CIDR prefix ${e.text} (CIDRRule.sanitize)`);
      except.push(e);
    });
    if (c) peers.push({ kind: 'cidr', cidr: c, except, source: r.at(at) });
  });
  if (direction === 'egress') peers.push(...readToServices(r, path, deny, note));
  for (const f of direction === 'ingress' ? ['fromNodes', 'fromGroups'] : ['toNodes', 'toGroups', 'toFQDNs']) {
    if (!(r.list([...path, f])?.length ?? 0)) continue;
    note([...path, f], f);
    peers.push({ kind: 'unmodelled', what: f, source: r.at([...path, f]) });
  }
  const requires = `${prefix}Requires`;
  if (r.list([...path, requires])?.length) note([...path, requires], `${requires} (deprecated: a requirement on every peer of the selected pods)`);
  if (r.has([...path, 'authentication'])) note([...path, 'authentication'], 'authentication (mutual authentication)');
  if (icmps?.length) note([...path, 'icmps'], 'icmps (ICMP is not analysed; the rule names no TCP, UDP or SCTP port)');

  const { ports, l7, l4Ports } = readToPorts(r, path, toPorts, direction, note);
  const anyPeer = present.length === 0 && !r.list([...path, requires])?.length && toPorts !== undefined && toPorts.length > 0;
  return {
    section,
    direction,
    deny,
    index,
    // No L3 field: with toPorts, an L4-only rule for every peer; without (`- {}`), no peer at all.
    peers: anyPeer ? 'any' : peers,
    ports: icmps?.length ? [] : ports,
    unmodelled,
    ...(l7 ? { l7, l4Ports: l4Ports! } : {}),
    source: r.at(path),
  };
}

/** A CIDR; fromCIDR/toCIDR also take a bare address (CIDR.sanitize), CIDRSet only prefixes (CIDRRule.sanitize). */
function readCiliumCidr(r: ObjectReader, at: Path, bareAddress: boolean): Cidr | undefined {
  const text = r.get(at);
  if (typeof text !== 'string' || text === '') {
    r.report('error', at, 'invalid-cidr', `expected a CIDR, got ${describe(text)}`);
    return undefined;
  }
  const withPrefix = bareAddress && !text.includes('/') ? `${text}/${text.includes(':') ? 128 : 32}` : text;
  const parsed = parseCidr(withPrefix);
  if (!parsed.ok) {
    r.report('error', at, 'invalid-cidr', `invalid CIDR: ${parsed.reason}`);
    return undefined;
  }
  if (parsed.hostBitsSet) r.report('warning', at, 'cidr-host-bits', `CIDR "${text}" has host bits set; read as ${parsed.cidr.text}`);
  return parsed.cidr;
}
