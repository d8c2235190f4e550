import type { Reached } from '../../graph/blast-radius.js';
import type { Hop } from '../../graph/paths.js';

/** `reach-from`: what a compromised workload reaches, hop by hop. */
export function formatBlastRadius(source: string, hops: number, reached: readonly Reached[]): string {
  const inside = reached.filter((r) => !r.id.endsWith('[External]'));
  const lines = [`${source} reaches ${inside.length} workload${inside.length === 1 ? '' : 's'} and ${reached.length - inside.length} outside range${reached.length - inside.length === 1 ? '' : 's'} within ${hops} hop${hops === 1 ? '' : 's'}`];
  for (const r of reached) lines.push(`  ${r.hops}  ${r.id}  via ${r.via}: ${r.connections}`);
  return `${lines.join('\n')}\n`;
}

/** `path`: a shortest chain of allowed connections, or none. */
export function formatPath(a: string, b: string, hops: readonly Hop[] | null): string {
  if (!hops) return `no path: ${a} cannot reach ${b}, directly or through other workloads\n`;
  const lines = [`${a} reaches ${b} in ${hops.length} hop${hops.length === 1 ? '' : 's'}:`];
  for (const h of hops) lines.push(`  ${h.from} → ${h.to}: ${h.connections}`);
  return `${lines.join('\n')}\n`;
}
