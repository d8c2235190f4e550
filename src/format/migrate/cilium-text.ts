import type { CiliumConversion } from '../../legacy/cilium-convert.js';
import { formatSource } from '../../model/source.js';

const n = (x: number) => x.toLocaleString('en-US');

/** The report of `netpol-check migrate --cilium`: per Cilium rule, exact (and where it went), not expressible (why) or differs (where). */
export function formatCiliumConversionText(c: CiliumConversion, written: readonly string[]): string {
  const lines = ['convert Cilium policies to networking.k8s.io/v1 NetworkPolicy'];
  if (c.items.length === 0) lines.push('  nothing to convert: no CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy in the input');
  for (const item of c.items) {
    const at = `${item.policy} (${formatSource(item.source)})`;
    if (item.status === 'exact') {
      lines.push(`  ${at}: exact → NetworkPolicy ${item.written} (${n(item.checks)} endpoint pairs compared)`);
      continue;
    }
    lines.push(`  ${at}: ${item.status === 'differs' ? 'translated, but the connections differ: not written' : 'not expressible as NetworkPolicy'}`);
    for (const r of item.reasons) lines.push(`    - ${r}`);
    for (const d of item.differences) lines.push(`    ${d.src} → ${d.dst}: with the Cilium rule ${d.before}, with the NetworkPolicy ${d.after}`);
  }
  for (const d of c.reloadProblems) lines.push(`error reading a translation back (please report): ${formatSource(d.source)}: ${d.message} [${d.code}]`);
  if (written.length) lines.push(`wrote ${written.join(', ')}`);
  const count = (s: string) => c.items.filter((i) => i.status === s).length;
  if (c.items.length) lines.push(`${c.items.length} Cilium rule(s): ${count('exact')} exact, ${count('not-expressible')} not expressible, ${count('differs')} differ`);
  return `${lines.join('\n')}\n`;
}
