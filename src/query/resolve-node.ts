import type { Connectivity, Node } from '../engine/connectivity.js';
import { externalBlocks } from '../engine/external-blocks.js';
import type { Pod, Snapshot } from '../model/snapshot.js';
import { resolveTarget } from './resolve.js';
import { parseTarget } from './target-spec.js';

export type NodeResolution = { ok: true; node: Node } | { ok: false; reason: string; candidates: string[] };

/**
 * A name as `can` reads it (workload, pod, KIND/NAME, NS/NAME, selector, IP) → the one node of
 * the view (workload or pod level) it stands for. Several nodes is an error that lists them.
 */
export function resolveNode(snapshot: Snapshot, view: Connectivity, name: string, namespace?: string): NodeResolution {
  const exact = view.nodes.find((n) => n.id === name);
  if (exact) return { ok: true, node: exact };
  const parsed = parseTarget(name);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, candidates: [] };
  const r = resolveTarget(snapshot, parsed.target, undefined, { blocks: externalBlocks(snapshot), ...(namespace ? { namespace } : {}) });
  if (!r.ok) return r;
  const byPod = new Map<Pod, Node>();
  for (const n of view.nodes) {
    if (n.kind === 'workload') for (const p of n.pods) byPod.set(p, n);
    else if (n.kind === 'pod') byPod.set(n.pod, n);
  }
  const found = new Set<Node>();
  for (const m of r.end.members) {
    const e = m.endpoint;
    if (e.kind === 'pod') {
      const n = byPod.get(e.pod);
      if (n) found.add(n);
    } else {
      const n = view.nodes.find((x) => x.kind === 'external' && x.family === e.family && x.lo <= e.addr && e.addr <= x.hi);
      if (n) found.add(n);
    }
  }
  const nodes = [...found];
  if (nodes.length === 1) return { ok: true, node: nodes[0]! };
  if (nodes.length === 0) return { ok: false, reason: `${name} is not a node of the graph`, candidates: [] };
  return { ok: false, reason: `${name} stands for ${nodes.length} nodes; name one`, candidates: nodes.map((n) => n.id).sort().slice(0, 10) };
}
