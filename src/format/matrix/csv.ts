import type { Connectivity } from '../../engine/connectivity.js';

function cell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `src,dst,connections` with a header row; RFC 4180 quoting. */
export function formatCsv(c: Connectivity): string {
  const lines = ['src,dst,connections'];
  for (const e of c.edges) lines.push([e.src.id, e.dst.id, e.connections.toString()].map(cell).join(','));
  return `${lines.join('\n')}\n`;
}
