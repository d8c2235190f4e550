import type { Migration } from '../../legacy/migrate.js';
import { portText } from '../../net/port-text.js';
import { formatSource } from '../../model/source.js';
import { describeSemantics } from '../../model/semantics.js';

const n = (x: number) => x.toLocaleString('en-US');

/** The report of `netpol-check migrate`: what changed, the caveats, and the proof. */
export function formatMigrationText(m: Migration, written: readonly string[]): string {
  const lines = [`migrate to networking.k8s.io/v1 from ${describeSemantics(m.semantics)}`];
  for (const c of m.changes) lines.push(`  ${c}`);
  if (written.length) lines.push(`wrote ${written.join(', ')}`);
  if (m.notes.length) {
    lines.push('notes:');
    for (const note of m.notes) lines.push(`  - ${note}`);
  }
  for (const d of m.reloadProblems) lines.push(`error reading the written manifests back (please report): ${formatSource(d.source)}: ${d.message} [${d.code}]`);
  if (m.files.length === 0) return `${lines.join('\n')}\n`; // nothing written, nothing to prove
  const p = m.proof;
  const what = `${n(p.pods)} pod${p.pods === 1 ? '' : 's'} or workload${p.pods === 1 ? '' : 's'}, ${n(p.connectedPairs)} connected pod pair${p.connectedPairs === 1 ? '' : 's'}, ${n(p.checks)} connections checked`;
  if (p.equivalent) {
    lines.push(`equivalent: ${what} (before: ${m.semantics.mode === 'legacy' ? 'legacy' : 'v1'} semantics on the manifests as written; after: the v1 manifests, read back)`);
  } else {
    lines.push(`NOT equivalent: ${p.differences.length}${p.differences.length >= 50 ? '+' : ''} difference(s) (${what})`);
    for (const d of p.differences) lines.push(`  ${d.src} → ${d.dst} ${portText(d.protocol, d.port)}: before ${d.before ? 'allowed' : 'denied'}, after ${d.after ? 'allowed' : 'denied'}`);
  }
  return `${lines.join('\n')}\n`;
}
