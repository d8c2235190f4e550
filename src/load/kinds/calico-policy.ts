import { CALICO_NAMESPACE_LABEL, DEFAULT_TIER, type CalicoNetworkSet, type CalicoPolicy, type CalicoPolicyKind, type CalicoRule, type CalicoTier } from '../../model/calico-policy.js';
import type { Cidr, Direction } from '../../model/policy.js';
import { parseCidr } from '../../net/cidr.js';
import { closest } from '../../text/did-you-mean.js';
import { describe, type ObjectReader } from '../object-reader.js';
import { validateCalicoShape } from '../validate-calico.js';
import { readCalicoRule, readCalicoSelector } from './calico-rule.js';

const LABEL_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** validator.go networkPolicyNameRegex (a `tier.` prefix allowed; `knp.default.` is Calico's own) and globalNetworkPolicyNameRegex. */
const NP_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)?$/;

/** Checks what every Calico object shares: the schema, then a name. False: the object is left out. */
function checkObject(r: ObjectReader, kind: 'NetworkPolicy' | 'GlobalNetworkPolicy' | 'NetworkSet' | 'GlobalNetworkSet' | 'Tier'): boolean {
  const errors = r.errors;
  for (const p of validateCalicoShape(kind, r.raw.value)) r.report('error', p.path, p.code, p.message);
  if (!r.name) r.reportMissingName('');
  else if (!r.checkName()) return false;
  return r.errors === errors;
}

function refuse(r: ObjectReader): undefined {
  r.report('error', [], 'calico-not-applied', `${r.raw.kind} ${r.name || '<unnamed>'} has errors and is left out of the analysis (calicoctl or the Calico API server would reject it)`);
  return undefined;
}

function readOrder(r: ObjectReader): number | undefined {
  const order = r.get(['spec', 'order']);
  return typeof order === 'number' ? order : undefined;
}

/** A NetworkPolicy or GlobalNetworkPolicy of projectcalico.org/v3 (validator.go validateNetworkPolicy, validateGlobalNetworkPolicy and the XValidation rules of the types). */
export function readCalicoPolicy(r: ObjectReader): CalicoPolicy | undefined {
  const kind = r.raw.kind as CalicoPolicyKind;
  if (!checkObject(r, kind)) return refuse(r);
  const errors = r.errors;
  if (!NP_NAME.test(r.name)) r.report('error', ['metadata', 'name'], 'invalid-name', `name must consist of lower case alphanumeric characters or '-', with at most one '.' after a tier name (validator.go)`);
  const tier = (r.get(['spec', 'tier']) as string | undefined) || DEFAULT_TIER.name;
  if (!LABEL_NAME.test(tier)) r.report('error', ['spec', 'tier'], 'invalid-name', `tier "${tier}" is not a valid tier name`);
  if (r.name.includes('.') && !r.name.startsWith(`${tier}.`)) r.report('warning', ['metadata', 'name'], 'calico-tier-prefix', `a policy name with a "." is read as <tier>.<name>, but this policy is in tier ${tier}`);
  const selector = readCalicoSelector(r, ['spec', 'selector'], 'other') ?? '';
  const namespaceSelector = kind === 'GlobalNetworkPolicy' ? readCalicoSelector(r, ['spec', 'namespaceSelector'], 'other') : undefined;
  const unmodelled: string[] = [];
  const note = (at: (string | number)[], what: string) => {
    unmodelled.push(what);
    r.report('warning', at, 'calico-unmodelled', `${what} is not modelled: answers for the endpoints this policy selects are undetermined`);
  };
  const serviceAccountSelector = readCalicoSelector(r, ['spec', 'serviceAccountSelector'], 'other');
  const typeList = r.list(['spec', 'types']) ?? [];
  const seen = new Set<string>();
  typeList.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') {
      const near = typeof t === 'string' ? closest(t, ['Ingress', 'Egress'].map((n) => ({ name: n, label: n })), 2) : [];
      r.report('error', ['spec', 'types', i], 'invalid-type', `types items are Ingress or Egress, got ${describe(t)}${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}`);
    } else if (seen.has(t)) r.report('error', ['spec', 'types', i], 'invalid-type', `'${t}' type specified more than once`);
    seen.add(String(t));
  });
  const read = (direction: Direction): CalicoRule[] =>
    (r.list(['spec', direction]) ?? []).map((_, i) => readCalicoRule(r, ['spec', direction, i], direction, i)).filter((x): x is CalicoRule => x !== undefined);
  const ingress = read('ingress');
  const egress = read('egress');
  if (kind === 'GlobalNetworkPolicy') {
    const flag = (f: string) => r.get(['spec', f]) === true;
    if (flag('doNotTrack') && flag('preDNAT')) r.report('error', ['spec', 'preDNAT'], 'invalid-policy', 'preDNAT and doNotTrack cannot both be true');
    if (flag('preDNAT') && (r.list(['spec', 'egress'])?.length ?? 0) > 0) r.report('error', ['spec', 'egress'], 'invalid-policy', 'preDNAT policy cannot have any egress rules');
    if (flag('preDNAT') && seen.has('Egress')) r.report('error', ['spec', 'types'], 'invalid-policy', "preDNAT policy cannot have 'Egress' type");
    if ((flag('preDNAT') || flag('doNotTrack')) && !flag('applyOnForward')) r.report('error', ['spec', 'applyOnForward'], 'invalid-policy', 'applyOnForward must be true if either preDNAT or doNotTrack is true');
    for (const f of ['doNotTrack', 'preDNAT', 'applyOnForward']) if (flag(f)) note(['spec', f], `${f} (host endpoint policy)`);
    // validateGlobalNetworkPolicySpec: a Service named at a global scope needs its namespace.
    for (const [direction, side] of [['egress', 'destination'], ['ingress', 'source']] as const) {
      (r.list(['spec', direction]) ?? []).forEach((_, i) => {
        const at = ['spec', direction, i, side, 'services'];
        if (r.has(at) && !r.get([...at, 'namespace'])) r.report('error', at, 'invalid-rule', 'services in a GlobalNetworkPolicy must specify a namespace');
      });
    }
  }
  if (r.errors > errors) return refuse(r);
  // types defaulting (NetworkPolicy reference, "types"): Ingress, unless there are egress rules and no ingress rules; both when both are present.
  const hasIn = (r.list(['spec', 'ingress'])?.length ?? 0) > 0;
  const hasEg = (r.list(['spec', 'egress'])?.length ?? 0) > 0;
  const types = typeList.length ? { ingress: seen.has('Ingress'), egress: seen.has('Egress') } : { ingress: hasIn || !hasEg, egress: hasEg };
  for (const rule of [...ingress, ...egress]) unmodelled.push(...rule.unmodelled);
  const order = readOrder(r);
  const namespace = kind === 'NetworkPolicy' ? r.namespace : undefined;
  return {
    kind,
    apiVersion: r.raw.apiVersion,
    name: r.name,
    ...(namespace !== undefined ? { namespace } : {}),
    tier,
    ...(order !== undefined ? { order } : {}),
    selector,
    ...(namespaceSelector !== undefined ? { namespaceSelector } : {}),
    // An empty serviceAccountSelector adds nothing (selectors.go prefixAndAppendSelector).
    ...(serviceAccountSelector ? { serviceAccountSelector } : {}),
    types,
    ingress,
    egress,
    unmodelled: [...new Set(unmodelled)],
    selectsNoPod: false,
    annotations: r.stringMap(['metadata', 'annotations']),
    source: r.at([]),
  };
}

/** A NetworkSet or GlobalNetworkSet (validateNetworkSet: no projectcalico.org/namespace label; nets are CIDRs). */
export function readCalicoNetworkSet(r: ObjectReader): CalicoNetworkSet | undefined {
  const kind = r.raw.kind as CalicoNetworkSet['kind'];
  if (!checkObject(r, kind)) return refuse(r);
  const errors = r.errors;
  const labels = r.labels(['metadata', 'labels']);
  if (CALICO_NAMESPACE_LABEL in labels) r.report('error', ['metadata', 'labels', CALICO_NAMESPACE_LABEL], 'invalid-label', 'projectcalico.org/namespace is not a valid label name');
  const nets: Cidr[] = [];
  (r.list(['spec', 'nets']) ?? []).forEach((v, i) => {
    const p = typeof v === 'string' ? parseCidr(v.includes('/') ? v : `${v}/${v.includes(':') ? 128 : 32}`) : undefined;
    if (!p || !p.ok) return r.report('error', ['spec', 'nets', i], 'invalid-cidr', `expected a CIDR, got ${describe(v)}${p && !p.ok ? `: ${p.reason}` : ''}`);
    nets.push(p.cidr);
  });
  if (r.has(['spec', 'allowedEgressDomains'])) r.report('warning', ['spec', 'allowedEgressDomains'], 'calico-unmodelled', 'allowedEgressDomains (Calico Enterprise domain names) is not modelled: only nets are in the set');
  if (r.errors > errors) return refuse(r);
  return { kind, name: r.name, ...(kind === 'NetworkSet' ? { namespace: r.namespace } : {}), labels, nets, source: r.at([]) };
}

/** A Tier (validateTier and tier.go's XValidation rules: fixed orders and default actions of default, kube-admin, kube-baseline). */
export function readCalicoTier(r: ObjectReader): CalicoTier | undefined {
  if (!checkObject(r, 'Tier')) return refuse(r);
  const errors = r.errors;
  if (r.name.length > 63 || !LABEL_NAME.test(r.name)) r.report('error', ['metadata', 'name'], 'invalid-name', "tier name must consist of lower case alphanumeric characters or '-' (at most 63)");
  const action = r.get(['spec', 'defaultAction']) ?? 'Deny';
  if (action !== 'Deny' && action !== 'Pass') r.report('error', ['spec', 'defaultAction'], 'invalid-action', `defaultAction must be Deny or Pass, got ${describe(action)}`);
  const order = readOrder(r);
  const fixed: Record<string, [number, string]> = { default: [1_000_000, 'Deny'], 'kube-admin': [1_000, 'Pass'], 'kube-baseline': [10_000_000, 'Pass'] };
  const f = fixed[r.name];
  if (f && order !== undefined && order !== f[0]) r.report('error', ['spec', 'order'], 'invalid-tier', `${r.name} tier order must be ${f[0]}`);
  if (f && r.has(['spec', 'defaultAction']) && action !== f[1]) r.report('error', ['spec', 'defaultAction'], 'invalid-tier', `the '${r.name}' tier must have default action '${f[1]}'`);
  if (r.errors > errors) return refuse(r);
  return { name: r.name, ...(order !== undefined ? { order } : f ? { order: f[0] } : {}), defaultAction: f ? (f[1] as 'Deny' | 'Pass') : (action as 'Deny' | 'Pass'), source: r.at([]) };
}
