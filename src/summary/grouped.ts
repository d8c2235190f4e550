import type { ReachabilityMatrix } from '../engine/matrix.js';
import type { AppliedFilters, EdgeFilter } from '../engine/edge-filter.js';
import type { Node } from '../engine/node.js';
import type { ConnectionSet } from '../net/connection-set.js';
import { formatIp } from '../net/ip-address.js';
import { KIND_ALIASES } from '../query/target-spec.js';
import { DescriptorCover } from './cover.js';
import { candidateDescriptors, RANK, type Descriptor } from './descriptors.js';
import { unitRects } from './grouped-pairs.js';
import { unitFilter } from './unit-filter.js';
import { workloadUnits, type WorkloadUnits } from './workload-units.js';

/** One end of a grouped line: the union of what its descriptors denote. */
export interface Group {
  descriptors: Descriptor[];
  /** `a + b + c`, as the line shows it. */
  text: string;
}

/** Every source may open `connections` to every destination other than itself. */
export interface GroupedLine {
  sources: Group;
  destinations: Group;
  connections: ConnectionSet;
}

/**
 * The workload-level matrix as lines of groups: exactly the same pairs and connections (a
 * workload and itself are not a pair), in far fewer lines when the policies treat many
 * workloads alike. `units` are the workloads and unmerged external blocks the descriptors denote.
 */
export interface GroupedMatrix {
  level: 'grouped';
  units: Node[];
  lines: GroupedLine[];
  /** Set when the lines cover only the pairs the filters keep (`matrix --grouped --from …`). */
  filters?: AppliedFilters;
}

const kindWord = new Map(Object.entries(KIND_ALIASES).filter(([alias, kind]) => alias === kind.toLowerCase()).map(([alias, kind]) => [kind, alias]));

/** A workload as `can` names it: `NS/KIND/NAME` (its id `ns/name[Kind]` for kinds `can` does not know). */
function workloadDescriptor(n: Node, unit: number): Descriptor {
  if (n.kind !== 'workload') throw new Error(`unit ${unit} is not a workload`);
  const word = kindWord.get(n.workloadKind);
  return { text: word ? `${n.namespace}/${word}/${n.name}` : n.id, kind: 'workload', units: [unit] };
}

/** Neighbouring blocks joined into ranges: a CIDR when the range is one, else `first-last[External]`. */
function externalDescriptors(u: WorkloadUnits, units: number[]): Descriptor[] {
  const out: Descriptor[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (!run.length) return;
    const first = u.nodes[run[0]!]!;
    const last = u.nodes[run[run.length - 1]!]!;
    if (first.kind !== 'external' || last.kind !== 'external') throw new Error('not a block');
    out.push({ text: rangeText(first.family, first.lo, last.hi), kind: 'external', units: run });
    run = [];
  };
  for (const x of units) {
    const prev = run.length ? u.nodes[run[run.length - 1]!]! : undefined;
    const n = u.nodes[x]!;
    if (prev && prev.kind === 'external' && n.kind === 'external' && prev.family === n.family && prev.hi + 1n === n.lo) run.push(x);
    else {
      flush();
      run = [x];
    }
  }
  flush();
  return out;
}

function rangeText(family: 4 | 6, lo: bigint, hi: bigint): string {
  const bits = family === 4 ? 32 : 128;
  const size = hi - lo + 1n;
  const prefix = bits - (size.toString(2).length - 1);
  const aligned = (size & (size - 1n)) === 0n && lo % size === 0n;
  return aligned ? `${formatIp(family, lo)}/${prefix}` : `${formatIp(family, lo)}-${formatIp(family, hi)}[External]`;
}

function describe(u: WorkloadUnits, cover: DescriptorCover, units: number[], cache: Map<string, Group>): Group {
  const key = units.join(',');
  const hit = cache.get(key);
  if (hit) return hit;
  const workloads = units.filter((x) => x < u.workloads);
  const blocks = units.filter((x) => x >= u.workloads);
  const { picked, rest } = cover.cover(workloads);
  const descriptors = [...picked.sort((a, b) => RANK[a.kind] - RANK[b.kind] || (a.text < b.text ? -1 : 1)), ...rest.map((x) => workloadDescriptor(u.nodes[x]!, x)), ...externalDescriptors(u, blocks)];
  const group = { descriptors, text: descriptors.map((d) => d.text).join(' + ') };
  cache.set(key, group);
  return group;
}

/** The grouped form of the workload-level matrix (see GroupedMatrix), or of the pairs `filter` keeps of it. */
export function groupedMatrix(m: ReachabilityMatrix, filter?: EdgeFilter): GroupedMatrix {
  const u = workloadUnits(m);
  const rects = unitRects(m, u, filter && unitFilter(m, u, filter));
  const cover = new DescriptorCover(candidateDescriptors(m, u, m.pods.namespaceLabels), u.nodes.length);
  const cache = new Map<string, Group>();
  const lines = rects.map((r): GroupedLine => ({ sources: describe(u, cover, r.sources, cache), destinations: describe(u, cover, r.destinations, cache), connections: m.pool.get(r.id) }));
  lines.sort((a, b) => compare(a.sources.text, b.sources.text) || compare(a.destinations.text, b.destinations.text) || compare(a.connections.toString(), b.connections.toString()));
  return { level: 'grouped', units: u.nodes, lines, ...(filter ? { filters: filter.applied } : {}) };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
