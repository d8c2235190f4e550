import type { CanAnswer, PairAnswer } from '../../query/ask.js';
import { inputStatusJson } from '../input/input-status.js';
import type { InputStatus } from '../../load/input-status.js';
import type { AdminRuleVerdict, DirectionVerdict } from '../../explain/verdict.js';
import { formatSource } from '../../model/source.js';
import { portsJson } from '../matrix/json.js';
import { describePeer } from './describe.js';
import { calicoJson } from './calico-json.js';
import { ciliumJson } from './cilium-json.js';
import { assumingText, differingBehaviours } from '../../model/cni.js';

function adminRuleJson(a: AdminRuleVerdict) {
  return {
    kind: a.policy.kind,
    policy: a.policy.name,
    tier: a.policy.tier,
    ...(a.policy.priority !== undefined ? { priority: a.policy.priority } : {}),
    rule: a.rule.index,
    ...(a.rule.name ? { name: a.rule.name } : {}),
    action: a.rule.actionText,
    source: formatSource(a.rule.source),
    peerMatched: a.matchedPeer,
    peerMisses: a.peerMisses,
    names: a.ports.toString(),
    decided: a.decided.toString(),
  };
}

function sideJson(v: DirectionVerdict, p: PairAnswer) {
  const opens = (ports: import('../../net/connection-set.js').ConnectionSet) =>
    p.port?.number !== undefined ? ports.has(p.port.protocol, p.port.number) : !ports.isEmpty();
  return {
    direction: v.direction,
    restricted: v.subject !== null,
    isolated: v.isolatedBy.length > 0,
    isolatedBy: v.isolatedBy.map((pol) => ({ policy: `${pol.namespace}/${pol.name}`, source: formatSource(pol.source) })),
    ...(v.assumed ? { assumed: { note: v.assumed.note, notSelectedBy: v.assumed.notSelectedBy.map((pol) => `${pol.namespace}/${pol.name}`) } } : {}),
    allowed: v.allowed.toString(),
    ...(v.cilium ? { cilium: ciliumJson(v.cilium) } : {}),
    ...(v.calico ? { calico: calicoJson(v.calico) } : {}),
    ...(v.tiers
      ? {
          tiers: {
            admin: v.tiers.admin.map(adminRuleJson),
            networkPolicy: v.tiers.toNetworkPolicy.toString(),
            baseline: v.tiers.baseline.map(adminRuleJson),
            reachedBaseline: v.tiers.toBaseline.toString(),
          },
        }
      : {}),
    rules: v.rules.map((r) => {
      const peers = r.rule.peers;
      return {
        policy: `${r.policy.namespace}/${r.policy.name}`,
        rule: r.rule.index,
        source: formatSource(r.rule.source),
        peerMatched: r.matchedPeer,
        peer: typeof r.matchedPeer === 'number' && peers !== 'any' ? describePeer(r.policy, peers[r.matchedPeer]!) : r.matchedPeer === 'any' ? 'any' : null,
        peerMisses: r.peerMisses,
        ...(r.matchNote ? { matchNote: r.matchNote } : {}),
        opens: r.ports.toString(),
        allows: r.matchedPeer !== null && opens(r.ports),
      };
    }),
  };
}

/** Stable JSON shape of a `can` answer, version 1 (documented in the README). */
export function canJson(a: CanAnswer, input: InputStatus = { complete: true, errors: [] }) {
  return {
    format: 'netpol-check/can',
    version: 1,
    semantics: a.semantics,
    cni: a.cni,
    ...inputStatusJson(input),
    source: { label: a.source.label, members: a.source.members.map((m) => m.id) },
    destination: { label: a.destination.label, members: a.destination.members.map((m) => m.id), ...(a.destination.service ? { service: `${a.destination.service.namespace}/${a.destination.service.name}` } : {}) },
    port: a.port ? { port: a.port.port, protocol: a.port.protocol } : null,
    allowed: a.allowed,
    determined: a.undeterminedPairs === 0,
    pairs: { total: a.pairs.length, allowed: a.allowedPairs, undetermined: a.undeterminedPairs, pluginDependent: a.pluginDependentPairs },
    results: a.pairs.map((p) => ({
      src: p.src.id,
      dst: p.dst.id,
      allowed: p.allowed,
      ...(p.undeterminedBy.length ? { undeterminedBy: p.undeterminedBy.map((u) => ({ kind: u.kind, apiVersion: u.apiVersion, name: u.name, ...(u.namespace !== undefined ? { namespace: u.namespace } : {}), source: formatSource(u.source) })) } : {}),
      ...(p.plugin
        ? {
            plugin: {
              determined: p.plugin.assumed !== undefined,
              ...(p.plugin.assumed ? { assumed: assumingText(p.plugin.assumed, differingBehaviours(p.plugin.outcomes.flatMap((o) => o.profiles))) } : {}),
              outcomes: p.plugin.outcomes.map((o) => ({ profiles: o.profiles, allowed: o.allowed, connections: o.explanation.connections.toString(), because: o.because })),
            },
          }
        : {}),
      port: p.port ? { protocol: p.port.protocol, number: p.port.number ?? null, via: p.port.via ?? null, unresolved: p.port.unresolved ?? null } : null,
      self: p.explanation.self,
      connections: p.explanation.connections.toString(),
      ports: portsJson(p.explanation.connections),
      egress: sideJson(p.explanation.egress, p),
      ingress: sideJson(p.explanation.ingress, p),
    })),
  };
}

export function formatCanJson(a: CanAnswer, input?: InputStatus): string {
  return `${JSON.stringify(canJson(a, input), null, 2)}\n`;
}
