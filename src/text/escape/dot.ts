import { UNSAFE, visibleEscape } from './terminal.js';

const DOT = new RegExp(`[\\\\"]|${UNSAFE.source}`, 'g');

/**
 * A Graphviz quoted string: `\` and `"` escaped, control characters shown as visible escapes
 * with their backslash escaped too (Graphviz reads `\n`, `\l`, `\N` … in labels).
 */
export function quoteDot(s: string): string {
  return `"${s.replace(DOT, (c) => (c === '\\' || c === '"' ? `\\${c}` : `\\${visibleEscape(c)}`))}"`;
}
