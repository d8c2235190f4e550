import type { Diagnostic } from '../model/diagnostic.js';
import { PROTOCOLS, type Protocol } from '../model/policy.js';
import type { SourceRef } from '../model/source.js';
import { parseIp } from '../net/ip-address.js';
import type { TargetSpec } from '../query/target-spec.js';
import type { FlowLine } from './flows.js';
import { isVolatileLabel } from './stable-labels.js';

/**
 * `hubble observe -o json` (or `-o jsonpb`): one JSON object per line, a GetFlowsResponse whose
 * `flow` is a flow.Flow of cilium/api/v1/flow/flow.proto, fields by their proto names:
 * `verdict`, `is_reply`, `IP.source`/`IP.destination`, `l4.TCP|UDP|SCTP.destination_port`,
 * `source`/`destination` endpoints with `namespace`, `pod_name`, `labels` (`k8s:app=web`,
 * `reserved:world`) and `workloads` (`{name, kind}`). A bare Flow object per line is read too.
 */
interface HubbleEndpoint {
  namespace?: string;
  pod_name?: string;
  labels?: string[];
  workloads?: { name?: string; kind?: string }[];
}

interface HubbleFlow {
  verdict?: string;
  is_reply?: boolean;
  reply?: boolean;
  IP?: { source?: string; destination?: string };
  l4?: Partial<Record<'TCP' | 'UDP' | 'SCTP', { destination_port?: number }>> & { ICMPv4?: unknown; ICMPv6?: unknown };
  source?: HubbleEndpoint;
  destination?: HubbleEndpoint;
}

/** Verdicts of traffic that happened (or, in audit mode, would have been dropped): what the policies must allow. */
const TAKEN = new Set(['FORWARDED', 'REDIRECTED', 'AUDIT', 'TRANSLATED', 'TRACED']);

/** What was left out, counted by reason, for the report. */
export type Skipped = Map<string, number>;

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The readings of one end, most specific first: its workload, its pod, its labels; or its address outside the cluster. */
function endTargets(ep: HubbleEndpoint | undefined, ip: string | undefined): { text: string; targets: TargetSpec[] } | string {
  const labels = (ep?.labels ?? []).filter(str);
  if (labels.some((l) => l === 'reserved:host' || l === 'reserved:remote-node' || l === 'reserved:health' || l === 'reserved:ingress')) return 'node or Cilium-internal traffic (reserved:host, remote-node, health, ingress), which NetworkPolicy does not select';
  if (str(ep?.namespace)) {
    const ns = ep.namespace;
    const targets: TargetSpec[] = [];
    for (const w of ep.workloads ?? []) if (str(w.name) && str(w.kind)) targets.push({ kind: 'name', text: `${ns}/${w.kind}/${w.name}`, namespace: ns, objectKind: w.kind, name: w.name });
    if (str(ep.pod_name)) targets.push({ kind: 'name', text: `${ns}/pod/${ep.pod_name}`, namespace: ns, objectKind: 'Pod', name: ep.pod_name });
    const matchLabels: Record<string, string> = {};
    for (const l of labels) {
      const m = /^k8s:([^=]+)=(.*)$/.exec(l);
      if (!m || m[1]!.startsWith('io.kubernetes.') || m[1]!.startsWith('io.cilium.') || isVolatileLabel(m[1]!)) continue;
      matchLabels[m[1]!] = m[2]!;
    }
    if (Object.keys(matchLabels).length) targets.push({ kind: 'selector', text: `${ns}/${Object.entries(matchLabels).map(([k, v]) => `${k}=${v}`).join(',')}`, namespace: ns, selector: { matchLabels, matchExpressions: [] } });
    if (!targets.length) return 'a pod without a name, workload or labels';
    return { text: targets[0]!.text, targets };
  }
  const addr = str(ip) ? parseIp(ip) : undefined;
  if (!addr) return 'neither a pod nor an IP address';
  return { text: ip!, targets: [{ kind: 'address', text: ip!, family: addr.family, lo: addr.value, hi: addr.value }] };
}

export function parseHubbleFlows(file: string, text: string): { lines: FlowLine[]; problems: Diagnostic[]; skipped: Skipped } {
  const lines: FlowLine[] = [];
  const problems: Diagnostic[] = [];
  const skipped: Skipped = new Map();
  const skip = (why: string) => skipped.set(why, (skipped.get(why) ?? 0) + 1);
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const source: SourceRef = { file, doc: 0, line: i + 1, col: 1 };
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      problems.push({ severity: 'error', code: 'bad-flow', message: `not JSON: ${(e as Error).message}`, source });
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ severity: 'error', code: 'bad-flow', message: 'expected a JSON object per line (hubble observe -o json)', source });
      return;
    }
    const outer = value as { flow?: unknown };
    if (outer.flow === undefined && !('source' in outer) && !('l4' in outer)) return skip('not a flow (agent or debug event)');
    const f = (outer.flow ?? outer) as HubbleFlow;
    if (typeof f !== 'object' || f === null) return skip('not a flow (agent or debug event)');
    if (!str(f.verdict) || !TAKEN.has(f.verdict)) return skip(`verdict ${str(f.verdict) ? f.verdict : 'missing'}`);
    if (f.is_reply === true || f.reply === true) return skip('reply');
    const protocol = PROTOCOLS.find((p) => f.l4?.[p] !== undefined) as Protocol | undefined;
    const port = protocol ? f.l4?.[protocol]?.destination_port : undefined;
    if (!protocol || typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return skip('no TCP, UDP or SCTP destination port (ICMP, or no layer 4)');
    const src = endTargets(f.source, f.IP?.source);
    if (typeof src === 'string') return skip(`source: ${src}`);
    const dst = endTargets(f.destination, f.IP?.destination);
    if (typeof dst === 'string') return skip(`destination: ${dst}`);
    if (src.targets[0]!.kind === 'address' && dst.targets[0]!.kind === 'address') return skip('both ends outside the cluster');
    const key = JSON.stringify([src.text, dst.text, protocol, port]);
    if (seen.has(key)) return skip('seen before (the same flow at another observation point, or again)');
    seen.add(key);
    lines.push({ src: src.text, dst: `${dst.text}:${port}/${protocol.toLowerCase()}`, srcTargets: src.targets, dstTargets: dst.targets, port: { port, protocol }, source });
  });
  return { lines, problems, skipped };
}
