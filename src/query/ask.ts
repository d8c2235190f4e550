import { semanticsName, type SemanticsName } from '../model/semantics.js';
import { namedPortText, portText } from '../net/port-text.js';
import type { Protocol } from '../model/policy.js';
import type { Pod, Snapshot } from '../model/snapshot.js';
import { externalBlocks } from '../engine/external-blocks.js';
import { Explainer } from '../explain/explain.js';
import type { Explanation } from '../explain/verdict.js';
import type { UnmodelledObject } from '../model/unmodelled.js';
import { resolveTarget, type Member, type ResolvedEnd } from './resolve.js';
import { undeterminedBy } from './undetermined.js';
import { parseTarget, type PortQuery } from './target-spec.js';
import { pluginVariants } from '../engine/plugin-variants.js';
import { assumptionNotes } from '../explain/assumption-notes.js';
import type { CniProfile, PluginName } from '../model/cni.js';

export interface CanQuestion {
  src: string;
  dst: string;
  /** `-n`: where names without a namespace are looked up (default: everywhere). */
  namespace?: string;
  /** Per-end namespace scopes, overriding `namespace`. */
  srcNamespace?: string;
  dstNamespace?: string;
  /** The network plugin's profile (docs/cni-profiles.md); `generic` (default): answers that differ between plugins are undetermined. */
  cni?: CniProfile;
}

/** The answer under one set of plugin assumptions, and the profiles that make them. */
export interface PluginOutcome {
  profiles: PluginName[];
  allowed: boolean;
  /** What the assumptions decided, in words (assumptionNotes). */
  because: string[];
  explanation: Explanation;
}

/** The destination port of one pair, after Service and named-port mapping. */
export interface PairPort {
  protocol: Protocol;
  /** The container port; `undefined` when it could not be resolved for this pod (see `unresolved`). */
  number?: number;
  unresolved?: string;
  /** How it was mapped, e.g. `service port 80 → targetPort http → 9000`. */
  via?: string;
}

export interface PairAnswer {
  src: Member;
  dst: Member;
  port?: PairPort;
  explanation: Explanation;
  /** What Kubernetes NetworkPolicies and admin network policies decide. */
  allowed: boolean;
  /** Plugin policies netpol-check does not evaluate that may select this pair: then `allowed` is not the whole answer. */
  undeterminedBy: UnmodelledObject[];
  /**
   * Set when network plugins answer this pair differently (docs/cni-profiles.md): the outcome
   * under each behaviour. With `assumed` (a profile was given) the answer is that profile's and
   * certain under it; without, the pair is undetermined and `allowed` is true only if every
   * outcome allows it.
   */
  plugin?: { outcomes: PluginOutcome[]; assumed?: PluginName };
}

/** Whether the pair's answer is undetermined because network plugins differ on it and no profile was given. */
export function dependsOnPlugin(p: Pick<PairAnswer, 'plugin'>): boolean {
  return p.plugin !== undefined && p.plugin.assumed === undefined;
}

export interface CanAnswer {
  source: ResolvedEnd;
  destination: ResolvedEnd;
  port?: PortQuery;
  pairs: PairAnswer[];
  /** Every pair allowed (on the port, or on some port when none was asked). */
  allowed: boolean;
  allowedPairs: number;
  /** Pairs that policies netpol-check does not evaluate may select, or that plugins answer differently (no profile given): undetermined. */
  undeterminedPairs: number;
  /** Pairs network plugins answer differently (counted in undeterminedPairs unless a profile was given). */
  pluginDependentPairs: number;
  cni: CniProfile;
  /** How the snapshot's policies were read. */
  semantics: SemanticsName;
}

export type CanResult =
  | { ok: true; answer: CanAnswer }
  | { ok: false; which: 'source' | 'destination' | 'port' | 'question'; reason: string; candidates: string[] };

const MAX_PAIRS = 1_000_000;

function podKey(p: Pod): string {
  return JSON.stringify([p.namespace, Object.entries(p.labels).sort(), p.ports, p.hostNetwork, p.ips]);
}

/** Answers "can SRC reach DST[:PORT]": resolves both names, maps ports, explains every pair. */
export function ask(snapshot: Snapshot, q: CanQuestion): CanResult {
  const blocks = externalBlocks(snapshot);
  const srcSpec = parseTarget(q.src);
  if (!srcSpec.ok) return { ok: false, which: 'source', reason: srcSpec.reason, candidates: [] };
  if (srcSpec.port) return { ok: false, which: 'source', reason: `a port belongs to the destination ("${q.src}")`, candidates: [] };
  const dstSpec = parseTarget(q.dst);
  if (!dstSpec.ok) return { ok: false, which: 'destination', reason: dstSpec.reason, candidates: [] };
  const port = dstSpec.port;
  const scope = (ns: string | undefined) => ({ blocks, ...(ns ?? q.namespace ? { namespace: (ns ?? q.namespace)! } : {}) });
  const src = resolveTarget(snapshot, srcSpec.target, undefined, scope(q.srcNamespace));
  if (!src.ok) return { ok: false, which: 'source', reason: src.reason, candidates: src.candidates };
  const dst = resolveTarget(snapshot, dstSpec.target, port, scope(q.dstNamespace));
  if (!dst.ok) return { ok: false, which: 'destination', reason: dst.reason, candidates: dst.candidates };
  if (srcSpec.target.kind === 'address' && dstSpec.target.kind === 'address') {
    return { ok: false, which: 'question', reason: 'both ends are outside addresses: NetworkPolicy does not apply between them', candidates: [] };
  }

  const mapPort = portMapper(dst.end, port);
  if (typeof mapPort === 'string') return { ok: false, which: 'port', reason: mapPort, candidates: [] };

  const srcMembers = src.end.members;
  const dstMembers = dst.end.members;
  if (srcMembers.length * dstMembers.length > MAX_PAIRS) {
    return { ok: false, which: 'question', reason: `${srcMembers.length} × ${dstMembers.length} pairs is too many; narrow the source or destination`, candidates: [] };
  }
  // Only the IPs of the pods asked about can make the plugins differ on these pairs.
  const asked = [...srcMembers, ...dstMembers].flatMap((m) => (m.endpoint.kind === 'pod' ? [m.endpoint.pod] : []));
  const variants = pluginVariants(snapshot, q.cni ?? 'generic', blocks, asked);
  const explainers = variants.all.map((v) => ({ profiles: [...(v.assumptions?.profiles ?? [])], explainer: new Explainer(v) }));
  const explainer = variants.profile === 'generic' ? explainers[0]!.explainer : new Explainer(variants.chosen);
  const memo = new Map<string, Explanation>();
  const pairs: PairAnswer[] = [];
  const allowedBy = (e: Explanation, pairPort: PairPort | undefined): boolean =>
    pairPort ? pairPort.number !== undefined && e.connections.has(pairPort.protocol, pairPort.number) : !e.connections.isEmpty();
  for (const s of srcMembers) {
    for (const d of dstMembers) {
      const self = s.endpoint.kind === 'pod' && d.endpoint.kind === 'pod' && s.endpoint.pod === d.endpoint.pod;
      if (self && (srcMembers.length > 1 || dstMembers.length > 1)) continue; // a set includes itself: ask about the others
      let explanation: Explanation;
      if (s.endpoint.kind === 'pod' && d.endpoint.kind === 'pod' && !self) {
        const key = `${podKey(s.endpoint.pod)}|${podKey(d.endpoint.pod)}`;
        const hit = memo.get(key);
        explanation = hit ? { ...hit, src: s.endpoint, dst: d.endpoint } : explainer.explain(s.endpoint, d.endpoint);
        if (!hit) memo.set(key, explanation);
      } else {
        explanation = explainer.explain(s.endpoint, d.endpoint);
      }
      const pairPort = mapPort(d);
      let allowed = allowedBy(explanation, pairPort);
      let plugin: PairAnswer['plugin'];
      if (explainers.length > 1) {
        // Plugins may differ on this pair: evaluate it under each behaviour.
        const outcomes = explainers.map((x): PluginOutcome => {
          const e = x.explainer.explain(s.endpoint, d.endpoint);
          return { profiles: x.profiles, allowed: allowedBy(e, pairPort), because: assumptionNotes(e), explanation: e };
        });
        if (outcomes.some((o) => o.allowed !== outcomes[0]!.allowed)) {
          if (variants.profile === 'generic') {
            allowed = outcomes.every((o) => o.allowed);
            plugin = { outcomes };
          } else plugin = { outcomes, assumed: variants.profile };
        }
      }
      pairs.push({ src: s, dst: d, ...(pairPort ? { port: pairPort } : {}), explanation, allowed, undeterminedBy: undeterminedBy(snapshot, s.endpoint, d.endpoint), ...(plugin ? { plugin } : {}) });
    }
  }
  if (pairs.length === 0) return { ok: false, which: 'question', reason: 'source and destination are the same pods: no pair to ask about', candidates: [] };
  const allowedPairs = pairs.filter((p) => p.allowed).length;
  return {
    ok: true,
    answer: {
      source: src.end,
      destination: dst.end,
      ...(port ? { port } : {}),
      pairs,
      allowed: allowedPairs === pairs.length,
      allowedPairs,
      undeterminedPairs: pairs.filter((p) => p.undeterminedBy.length > 0 || dependsOnPlugin(p)).length,
      pluginDependentPairs: pairs.filter((p) => p.plugin).length,
      cni: variants.profile,
      semantics: semanticsName(snapshot.semantics),
    },
  };
}

/**
 * Maps the asked port to each destination's container port: through the Service (port →
 * targetPort, a name resolved per pod) when the destination is a Service, through the pod's
 * named ports when the port is a name. Returns a reason when the port makes no sense at all.
 */
export function portMapper(dst: ResolvedEnd, port: PortQuery | undefined): ((d: Member) => PairPort | undefined) | string {
  if (!port) return () => undefined;
  const { protocol } = port;
  const named = (d: Member, name: string, via: string): PairPort => {
    if (d.endpoint.kind !== 'pod') return { protocol, unresolved: `a named port needs a pod, and ${d.id} is an address`, via };
    const cp = d.endpoint.pod.ports.find((p) => p.name === name && p.protocol === protocol);
    return cp ? { protocol, number: cp.port, via: `${via}${cp.port}` } : { protocol, unresolved: `pod ${d.id} has no ${protocol} container port named "${name}"`, via };
  };
  if (dst.service) {
    const svc = dst.service;
    const sp = svc.ports.find((p) => p.protocol === protocol && (typeof port.port === 'number' ? p.port === port.port : p.name === port.port));
    if (!sp) {
      const have = svc.ports.map((p) => `${portText(p.protocol, p.port)}${p.name ? ` (${p.name})` : ''}`).join(', ') || 'none';
      return `service ${svc.namespace}/${svc.name} has no port ${portText(protocol, port.port)}; it has: ${have}`;
    }
    const via = `service port ${sp.port} → targetPort ${sp.targetPort}`;
    if (typeof sp.targetPort === 'number') return () => ({ protocol, number: sp.targetPort as number, via });
    return (d) => named(d, sp.targetPort as string, `${via} → `);
  }
  if (typeof port.port === 'number') return () => ({ protocol, number: port.port as number });
  const name = port.port;
  const anyHas = dst.members.some((d) => d.endpoint.kind === 'pod' && d.endpoint.pod.ports.some((p) => p.name === name && p.protocol === protocol));
  if (!anyHas) {
    const names = [...new Set(dst.members.flatMap((d) => (d.endpoint.kind === 'pod' ? d.endpoint.pod.ports.filter((p) => p.name).map(namedPortText) : [])))];
    return `no destination pod has a ${protocol} port named "${name}"; named ports there: ${names.join(', ') || 'none'}`;
  }
  return (d) => named(d, name, `port ${name} → `);
}
