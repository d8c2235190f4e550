import type { CniProfile, PluginDependentEdge } from '../model/cni.js';
import type { Progress } from '../model/progress.js';
import type { Snapshot } from '../model/snapshot.js';
import { forEachSetBit } from './bitset.js';
import { ConnectionPool } from './connection-pool.js';
import { connectivity, type Level } from './connectivity.js';
import { computeMatrix, ReachabilityMatrix, type Row } from './matrix.js';
import { pluginVariants } from './plugin-variants.js';


export interface PluginMatrix {
  profile: CniProfile;
  /**
   * The profile's matrix; for `generic`, where plugins differ, the union over them: what some
   * plugin allows (reachability over-approximated, never a connection left out).
   */
  matrix: ReachabilityMatrix;
  /** The pairs (at `level`) whose connections differ between plugins: undetermined under `generic`, decided by the assumption otherwise. */
  dependent: PluginDependentEdge[];
}

/** The matrix under a profile, and where the plugins' behaviours change it. One matrix in the common snapshot. */
export function computePluginMatrix(snapshot: Snapshot, profile: CniProfile, level: Level = 'workload', progress?: Progress): PluginMatrix {
  const variants = pluginVariants(snapshot, profile);
  if (variants.all.length === 1) return { profile, matrix: computeMatrix(variants.chosen, undefined, progress), dependent: [] };
  const pool = new ConnectionPool();
  const matrices = variants.all.map((v, i) => computeMatrix(v, pool, progress && ((step, done, total) => progress(`${step} (plugin behaviour ${i + 1} of ${variants.all.length})`, done, total))));
  const views = matrices.map((m) => new Map(connectivity(m, level).edges.map((e) => [`${e.src.id}\u0000${e.dst.id}`, e.connections.toString()])));
  const keys = new Set(views.flatMap((v) => [...v.keys()]));
  const dependent: PluginDependentEdge[] = [];
  for (const key of [...keys].sort()) {
    const per = views.map((v) => v.get(key) ?? '');
    if (per.every((c) => c === per[0])) continue;
    const [src, dst] = key.split('\u0000') as [string, string];
    dependent.push({ src, dst, outcomes: variants.all.map((v, i) => ({ profiles: [...(v.assumptions?.profiles ?? [])], connections: per[i]! })) });
  }
  const own = variants.all.findIndex((v) => v.assumptions?.profiles.includes(profile as never));
  const matrix = profile === 'generic' ? unionMatrix(matrices) : matrices[own]!;
  return { profile, matrix, dependent };
}

/** Per pair, the union of the matrices' connections (they share a pool and a universe). */
function unionMatrix(ms: ReachabilityMatrix[]): ReachabilityMatrix {
  const first = ms[0]!;
  const pool = first.pool;
  const rows: Row[] = first.rows.map((_, s) => {
    const ids = new Map<number, number>();
    for (const m of ms) {
      const row = m.rows[s]!;
      row.ids.forEach((id, i) => {
        forEachSetBit(row.bits[i]!, (d) => ids.set(d, pool.union(ids.get(d) ?? 0, id)));
      });
    }
    const out = new Map<number, Uint32Array>();
    for (const [d, id] of ids) {
      let bits = out.get(id);
      if (!bits) out.set(id, (bits = new Uint32Array(first.words)));
      bits[d >>> 5]! |= 1 << (d & 31);
    }
    return { ids: [...out.keys()], bits: [...out.values()] };
  });
  const isolated = { ingress: first.isolated.ingress.clone(), egress: first.isolated.egress.clone() };
  for (const m of ms.slice(1)) {
    isolated.ingress.andWith(m.isolated.ingress);
    isolated.egress.andWith(m.isolated.egress);
  }
  return new ReachabilityMatrix(first.universe, pool, rows, isolated, first.policies, first.showIpv6, first.semantics);
}
