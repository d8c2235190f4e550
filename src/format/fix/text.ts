import type { FixResult } from '../../fix/fix-files.js';

/** The report of `lint --fix`: each file's diff, what was fixed and not, and what it does to connectivity. */
export function formatFixText(r: FixResult, written: readonly string[] | 'dry-run'): string {
  const lines: string[] = [];
  const diffs = r.files.map((f) => f.diff).join('');
  if (r.applied.length === 0) lines.push('nothing to fix');
  else {
    const byFix = new Map<string, number>();
    for (const a of r.applied) byFix.set(a.fix, (byFix.get(a.fix) ?? 0) + 1);
    lines.push(`fixed: ${r.applied.length} (${[...byFix].map(([fix, n]) => `${fix} ${n}`).join(', ')})`);
    for (const a of r.applied) lines.push(`  ${a.file}:${a.line} ${a.object}: ${a.what}`);
  }
  if (r.skipped.length) {
    lines.push(`not fixed: ${r.skipped.length}`);
    for (const s of r.skipped) lines.push(`  ${s.file}:${s.line} ${s.object} (${s.fix}): ${s.why}`);
  }
  if (r.untouched.length) lines.push(`not looked at (the fixes edit YAML files): ${r.untouched.join(', ')}`);
  if (r.applied.length) {
    if (r.resolverAssumed) lines.push('the input has no cluster resolver: the proof adds a stand-in on both sides (kube-system pods labelled k8s-app=kube-dns)');
    if (r.changes.length === 0) lines.push('connectivity: unchanged (the matrix before and after the fixes, compared pair by pair)');
    else {
      lines.push(`connectivity: ${r.changes.length} pair${r.changes.length === 1 ? '' : 's'} change (the matrix before and after the fixes):`);
      for (const c of r.changes) {
        if (!c.added.isEmpty()) lines.push(`  + ${c.src} => ${c.dst} : ${c.added}`);
        if (!c.removed.isEmpty()) lines.push(`  - ${c.src} => ${c.dst} : ${c.removed}`);
      }
    }
    if (r.errors.before !== r.errors.after) lines.push(`input errors: ${r.errors.before} before, ${r.errors.after} after`);
    lines.push(written === 'dry-run' ? 'dry run: nothing written (--fix writes the files)' : `wrote ${written.join(', ')}`);
  }
  return `${diffs}${lines.join('\n')}\n`;
}
