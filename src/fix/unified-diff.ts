import { structuredPatch } from 'diff';

/** A unified diff (`diff -u`, three lines of context) of two texts, `''` when they are equal. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const { hunks } = structuredPatch(path, path, before, after, undefined, undefined, { context: 3 });
  const out = [`--- ${path}`, `+++ ${path}`];
  for (const h of hunks) out.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines);
  return `${out.join('\n')}\n`;
}
