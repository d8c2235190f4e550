import { escapeTerminal } from './terminal.js';

/**
 * One CSV cell (RFC 4180). Control characters become visible escapes, so a record is always one
 * line; a cell with `"` or `,` is quoted; a cell a spreadsheet would read as a formula (`=`, `+`,
 * `-`, `@` first) gets a leading `'` (CSV injection).
 */
export function escapeCsvCell(s: string): string {
  let v = escapeTerminal(s);
  if (/^[=+\-@]/.test(v)) v = `'${v}`;
  return /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
