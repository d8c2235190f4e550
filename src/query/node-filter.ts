import type { Node } from '../engine/connectivity.js';
import { externalBlocks } from '../engine/external-blocks.js';
import type { Pod, Snapshot } from '../model/snapshot.js';
import { ConnectionSet } from '../net/connection-set.js';
import { PortSet } from '../net/port-set.js';
import { PROTOCOLS, type Protocol } from '../model/policy.js';
import { resolveTarget } from './resolve.js';
import { parseTarget } from './target-spec.js';

export type NodeFilterResolution = { ok: true; matches: (n: Node) => boolean } | { ok: false; reason: string; candidates: string[] };

/**
 * One end of `matrix --from/--to`, in the syntax `can` takes (a workload or pod name, NS/NAME,
 * KIND/NAME, a label selector, an address or CIDR, or a node id as the matrix prints it) → which
 * nodes it keeps: a workload with at least one matching pod, a pod, an external range that
 * overlaps the addresses. Unlike `can`, a name may stand for many nodes.
 */
export function resolveNodeFilter(snapshot: Snapshot, text: string): NodeFilterResolution {
  const id = text.trim();
  const parsed = parseTarget(text);
  if (!parsed.ok) return looksLikeNodeId(id) ? { ok: true, matches: (n) => n.id === id } : { ok: false, reason: parsed.reason, candidates: [] };
  if (parsed.port) return { ok: false, reason: `"${text}" names a port: give it with --port`, candidates: [] };
  const t = parsed.target;
  if (t.kind === 'address') {
    const r = resolveTarget(snapshot, t, undefined, { blocks: [] });
    const pods = new Set<Pod>(r.ok ? r.end.members.flatMap((m) => (m.endpoint.kind === 'pod' ? [m.endpoint.pod] : [])) : []);
    return { ok: true, matches: (n) => (n.kind === 'external' ? n.family === t.family && n.lo <= t.hi && t.lo <= n.hi : podsOf(n).some((p) => pods.has(p))) };
  }
  const r = resolveTarget(snapshot, t, undefined, { blocks: externalBlocks(snapshot) });
  if (!r.ok) return looksLikeNodeId(id) ? { ok: true, matches: (n) => n.id === id } : r;
  const pods = new Set<Pod>(r.end.members.flatMap((m) => (m.endpoint.kind === 'pod' ? [m.endpoint.pod] : [])));
  return { ok: true, matches: (n) => n.id === id || podsOf(n).some((p) => pods.has(p)) };
}

/** `ns/name[Kind]` and `lo-hi[External]`, as the matrix prints nodes. */
const looksLikeNodeId = (s: string): boolean => /\[[A-Za-z]+\]$/.test(s);

function podsOf(n: Node): readonly Pod[] {
  return n.kind === 'workload' ? n.pods : n.kind === 'pod' ? [n.pod] : [];
}

export type PortFilterParse = { ok: true; connections: ConnectionSet; text: string } | { ok: false; reason: string };

/** `--port 443`, `--port 53/udp`: one port number (named ports are already numbers in the matrix). */
export function parsePortFilter(text: string): PortFilterParse {
  const m = /^(\d+)(?:\/(\w+))?$/.exec(text.trim());
  if (!m) return { ok: false, reason: `--port must be PORT or PORT/PROTOCOL (e.g. 443, 53/udp); got "${text}"` };
  const port = Number(m[1]);
  if (port < 1 || port > 65535) return { ok: false, reason: `--port ${m[1]} is not between 1 and 65535` };
  const protocol = (m[2] ?? 'tcp').toUpperCase() as Protocol;
  if (!PROTOCOLS.includes(protocol)) return { ok: false, reason: `--port protocol "${m[2]}" is not tcp, udp or sctp` };
  return { ok: true, connections: ConnectionSet.of({ [protocol]: PortSet.range(port) }), text: `${protocol} ${port}` };
}
