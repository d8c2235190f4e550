import { externalBlocks } from '../engine/external-blocks.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Pod, Snapshot } from '../model/snapshot.js';
import type { SourceRef } from '../model/source.js';
import { ConnectionSet } from '../net/connection-set.js';
import { PortSet } from '../net/port-set.js';
import { portMapper } from '../query/ask.js';
import { resolveTarget, type ResolvedEnd } from '../query/resolve.js';
import { parseTarget, type PortQuery, type TargetSpec } from '../query/target-spec.js';
import type { AddressPiece } from './address-pieces.js';

/** One required flow as written: ends as `netpol-check can` takes them. */
export interface FlowLine {
  src: string;
  /** With an optional `:PORT[/PROTO]` (unless `port` is given); without one, every port and protocol. */
  dst: string;
  /** The port when given apart from `dst` (a CSV column, a Hubble flow). */
  port?: PortQuery;
  /** Ready-made readings of an end, the first that names something wins (Hubble: workload, pod, labels). */
  srcTargets?: TargetSpec[];
  dstTargets?: TargetSpec[];
  srcNamespace?: string;
  dstNamespace?: string;
  source: SourceRef;
}

type End = { kind: 'pods'; pods: Pod[] } | { kind: 'outside'; spec: Extract<TargetSpec, { kind: 'address' }>; pods: Pod[] };

/** A flow resolved to pods and addresses, with the connections per destination pod. */
export interface ResolvedFlow {
  line: FlowLine;
  pairs: { src: Pod; dst: Pod; connections: ConnectionSet }[];
  toOutside: { src: Pod; piece: AddressPiece }[];
  fromOutside: { dst: Pod; piece: AddressPiece }[];
}

/** Without a port, a flow is to the ports the destination's containers declare (every port when they declare none). */
export function declaredPorts(pod: Pod): ConnectionSet {
  if (!pod.ports.length) return ConnectionSet.ALL;
  return pod.ports.reduce((c, p) => c.union(ConnectionSet.of({ [p.protocol]: PortSet.range(p.port) })), ConnectionSet.NONE);
}

const problem = (line: FlowLine, message: string): Diagnostic => ({ severity: 'error', code: 'bad-flow', message, source: line.source });

/** Resolves every line; lines that name nothing, or a port no destination has, become diagnostics with their position. */
type EndReading = { ok: true; target: TargetSpec; port?: PortQuery; fromPort?: boolean; end: ResolvedEnd } | { ok: false; reason: string };

/** Parses (or takes the ready-made readings of) one end and resolves it to pods and address pieces. */
function readEnd(snapshot: Snapshot, blocks: ReturnType<typeof externalBlocks>, text: string, targets: readonly TargetSpec[] | undefined, namespace: string | undefined, port: PortQuery | undefined): EndReading {
  let readings: { target: TargetSpec; port?: PortQuery }[];
  if (targets?.length) readings = targets.map((target) => ({ target }));
  else {
    const parsed = parseTarget(text);
    if (!parsed.ok) return { ok: false, reason: parsed.reason };
    readings = [{ target: parsed.target, ...(parsed.port ? { port: parsed.port } : {}) }];
  }
  let first: string | undefined;
  for (const r of readings) {
    const p = r.port ?? port;
    const resolved = resolveTarget(snapshot, r.target, p, { blocks, ...(namespace ? { namespace } : {}) });
    if (resolved.ok) return { ok: true, target: r.target, end: resolved.end, ...(p ? { port: p } : {}), ...(r.port ? {} : port ? { fromPort: true } : {}) };
    first ??= `${resolved.reason}${resolved.candidates.length ? ` (did you mean ${resolved.candidates.slice(0, 3).join(', ')}?)` : ''}`;
  }
  return { ok: false, reason: first ?? 'nothing to resolve' };
}

export function resolveFlows(snapshot: Snapshot, lines: readonly FlowLine[]): { flows: ResolvedFlow[]; problems: Diagnostic[] } {
  const blocks = externalBlocks(snapshot);
  const flows: ResolvedFlow[] = [];
  const problems: Diagnostic[] = [];
  for (const line of lines) {
    const s = readEnd(snapshot, blocks, line.src, line.srcTargets, line.srcNamespace, undefined);
    if (!s.ok) {
      problems.push(problem(line, `source "${line.src}": ${s.reason}`));
      continue;
    }
    if (s.port) {
      problems.push(problem(line, `a port belongs to the destination ("${line.src}")`));
      continue;
    }
    const d = readEnd(snapshot, blocks, line.dst, line.dstTargets, line.dstNamespace, line.port);
    if (!d.ok) {
      problems.push(problem(line, `destination "${line.dst}": ${d.reason}`));
      continue;
    }
    if (line.port && d.port && !d.fromPort) {
      problems.push(problem(line, `two ports: "${line.dst}" and the port column`));
      continue;
    }
    const src = { end: s.end };
    const dst = { end: d.end };
    if (s.target.kind === 'address' && d.target.kind === 'address') {
      problems.push(problem(line, 'both ends are outside addresses: NetworkPolicy does not apply between them'));
      continue;
    }
    const mapPort = portMapper(dst.end, d.port);
    if (typeof mapPort === 'string') {
      problems.push(problem(line, mapPort));
      continue;
    }
    const podsOf = (members: typeof src.end.members) => members.flatMap((m) => (m.endpoint.kind === 'pod' ? [m.endpoint.pod] : []));
    const srcEnd: End = s.target.kind === 'address' ? { kind: 'outside', spec: s.target, pods: podsOf(src.end.members) } : { kind: 'pods', pods: podsOf(src.end.members) };
    const flow: ResolvedFlow = { line, pairs: [], toOutside: [], fromOutside: [] };
    const unresolved: string[] = [];
    for (const m of dst.end.members) {
      const pp = mapPort(m);
      if (pp?.unresolved) {
        unresolved.push(pp.unresolved);
        continue;
      }
      if (m.endpoint.kind === 'pod') {
        const dstPod = m.endpoint.pod;
        const connections = pp?.number !== undefined ? ConnectionSet.of({ [pp.protocol]: PortSet.range(pp.number) }) : declaredPorts(dstPod);
        for (const sp of srcEnd.pods) if (sp !== dstPod || (dstPod.fromTemplate && dstPod.replicas > 1)) flow.pairs.push({ src: sp, dst: dstPod, connections });
        if (srcEnd.kind === 'outside') flow.fromOutside.push({ dst: dstPod, piece: { family: srcEnd.spec.family, lo: srcEnd.spec.lo, hi: srcEnd.spec.hi, connections } });
      }
    }
    if (d.target.kind === 'address') {
      const connections = d.port && typeof d.port.port === 'number' ? ConnectionSet.of({ [d.port.protocol]: PortSet.range(d.port.port) }) : ConnectionSet.ALL;
      for (const sp of srcEnd.pods) flow.toOutside.push({ src: sp, piece: { family: d.target.family, lo: d.target.lo, hi: d.target.hi, connections } });
    }
    if (unresolved.length) problems.push(problem(line, unresolved[0]!));
    else flows.push(flow);
  }
  return { flows, problems };
}
