import { calicoPolicyTitle, calicoRuleText, type CalicoTier } from '../../model/calico-policy.js';
import { formatSource } from '../../model/source.js';
import type { ConnectionSet } from '../../net/connection-set.js';
import type { PairAnswer } from '../../query/ask.js';
import type { CalicoStepVerdict, CalicoVerdict } from '../../explain/calico-verdict.js';
import type { DirectionVerdict } from '../../explain/verdict.js';
import type { ServiceEndpointPort } from '../../select/service-endpoints.js';
import { adminRuleRef, policyRef } from './describe.js';

export { calicoPolicyTitle, calicoRuleText };

/** `port 5432 → targetPort 5432`, `port 80 → targetPort http (8080)`; the protocol when not TCP. */
function servicePortText(p: ServiceEndpointPort): string {
  const proto = p.protocol === 'TCP' ? '' : `${p.protocol} `;
  return `${proto}port ${p.port} → targetPort ${p.targetPort}${typeof p.targetPort === 'string' ? ` (${p.resolved})` : ''}`;
}

/** `address 10.9.0.5 of EndpointSlice ext/db-1`: where the address of a Service without selector came from. */
function sliceText(namespace: string, e: { names: string[]; address: string }): string {
  return `address ${e.address} of EndpointSlice${e.names.length > 1 ? 's' : ''} ${e.names.map((n) => `${namespace}/${n}`).join(', ')}`;
}

/** `port 5432`, `UDP port 53`: a port of an EndpointSlice. */
function slicePortText(p: { port: number; protocol: string }): string {
  return `${p.protocol === 'TCP' ? '' : `${p.protocol} `}port ${p.port}`;
}

function tierTitle(t: CalicoTier): string {
  return `tier ${t.name} (${t.order !== undefined ? `order ${t.order}` : 'no order'}, default action ${t.defaultAction})`;
}

function stepLine(s: CalicoStepVerdict, v: DirectionVerdict): { mark: string; text: string } | undefined {
  if (s.kind === 'networkPolicy') return { mark: '✓', text: `allowed by Kubernetes NetworkPolicy ${v.isolatedBy.map(policyRef).join(', ')} (knp.default.*, order 1000 of the default tier)` };
  if (s.kind === 'admin') {
    const a = s.verdict.rule.action;
    return { mark: a === 'allow' ? '✓' : a === 'deny' ? '✗' : '↷', text: `${a === 'allow' ? 'allowed by' : a === 'deny' ? 'denied by' : 'passed to the next tier by'} ${adminRuleRef(s.verdict.policy, s.verdict.rule)} (${formatSource(s.verdict.rule.source)}): ${s.verdict.rule.actionText}` };
  }
  const sa = s.serviceAccounts;
  const sv = s.services;
  const ends = [
    sa?.source && `source service account ${sa.source}`,
    sa?.destination && `destination service account ${sa.destination}`,
    sv?.source && `source services ${sv.source.namespace}/${sv.source.name}${sv.source.endpointSlices ? ` (${sliceText(sv.source.namespace, sv.source.endpointSlices)})` : ''}`,
    sv?.destination &&
      `destination services ${sv.destination.namespace}/${sv.destination.name} (${
        sv.destination.endpointSlices
          ? `${sliceText(sv.destination.namespace, sv.destination.endpointSlices)}: ${sv.destination.slicePorts?.map(slicePortText).join(', ') || 'no numbered port'}`
          : sv.destination.ports.map(servicePortText).join(', ') || 'no port of it resolves on this pod'
      })`,
    s.podNets?.source && `source nets by the pod's IP ${s.podNets.source}`,
    s.podNets?.destination && `destination nets by the pod's IP ${s.podNets.destination}`,
  ].filter(Boolean);
  const accounts = ends.length ? `, matching ${ends.join(' and ')}` : '';
  switch (s.rule.action) {
    case 'Allow':
      return { mark: '✓', text: `allowed by ${calicoRuleText(s.policy, s.rule)}${accounts}` };
    case 'Deny':
      return { mark: '✗', text: `denied by ${calicoRuleText(s.policy, s.rule)}${accounts}` };
    case 'Pass':
      return { mark: '↷', text: `passed to the next tier by ${calicoRuleText(s.policy, s.rule)}${accounts}` };
    case 'Log':
      return undefined;
  }
}

/**
 * A side under Calico (docs/calico.md), tier by tier: the tiers with a policy selecting the pod,
 * the rules that decide or pass the connection (first match wins), the tier's default action,
 * and the namespace profile for what no tier decided. With a port: down to the step that decides it.
 */
export function calicoLines(v: DirectionVerdict, c: CalicoVerdict, p: PairAnswer): string[] {
  const port = p.port?.number !== undefined ? { protocol: p.port.protocol, number: p.port.number } : undefined;
  const touches = (cs: ConnectionSet) => (port ? cs.has(port.protocol, port.number) : !cs.isEmpty());
  const what = (cs: ConnectionSet) => (port ? '' : `: ${cs.toString()}`);
  const lines: string[] = [];
  if (c.tiers.length === 0) lines.push('    no Calico tier has a policy that selects it');
  for (const t of c.tiers) {
    const knp = t.steps.some((s) => s.kind === 'networkPolicy') ? [{ order: 1000, name: 'knp.default.', text: 'Kubernetes NetworkPolicy (knp.default.*, order 1000)' }] : [];
    const account = v.subject?.kind === 'pod' ? ` (by service account ${v.subject.pod.namespace}/${v.subject.pod.serviceAccountName ?? 'default'})` : '';
    const selected = [...t.selectedBy.map((x) => ({ order: x.order ?? Infinity, name: x.name, text: `${calicoPolicyTitle(x)}${x.serviceAccountSelector !== undefined ? account : ''}` })), ...knp]
      .sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : 1))
      .map((x) => x.text);
    lines.push(`    ${tierTitle(t.tier)}${selected.length ? `: selected by ${selected.join(', ')}` : ': admin network policies'}`);
    let decisive = false;
    let passed = false;
    for (const s of t.steps) {
      if (!touches(s.effect)) continue;
      const l = stepLine(s, v);
      if (!l) continue;
      lines.push(`      ${l.mark} ${l.text}${what(s.effect)}`);
      if (l.mark === '↷') passed = true;
      else if (port) decisive = true;
    }
    if (decisive) return lines;
    if (touches(t.ended)) {
      if (t.tier.defaultAction === 'Deny') {
        lines.push(`      ✗ denied at the end of tier ${t.tier.name}: no rule of the policies that select it decides${what(t.ended)}`);
        if (port) return lines;
      } else lines.push(`      ↷ no rule decides; the tier's default action Pass hands it to the next tier${what(t.ended)}`);
    } else if (port && !passed) lines.push(`      no rule of this tier matches it`);
  }
  if (touches(c.profile)) lines.push(`    ✓ allowed by the profile of namespace ${v.subject?.kind === 'pod' ? v.subject.pod.namespace : ''} (kns.*: no tier decided it)${what(c.profile)}`);
  return lines;
}
