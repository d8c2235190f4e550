import { sanitizeTerminalText } from '../escape/terminal.js';
import { escapeCsvCell } from '../escape/csv.js';
import type { Connectivity } from '../../engine/connectivity.js';

/** `src,dst,connections` with a header row; RFC 4180 quoting, one line per record (escape/csv.ts). */
export function formatCsv(c: Connectivity): string {
  const lines = ['src,dst,connections'];
  for (const e of c.edges) lines.push([e.src.id, e.dst.id, e.connections.toString()].map(escapeCsvCell).join(','));
  return sanitizeTerminalText(`${lines.join('\n')}\n`);
}
