import { sanitizeTerminalText } from '../../text/escape/terminal.js';

/**
 * `f` computed once per object (keep objects that live as long as the walk: nodes): a matrix names each node and each connection set on thousands of
 * lines, and escaping the same name again for every line was most of the time of a dense matrix.
 */
export function oncePerObject<T extends object>(f: (x: T) => string): (x: T) => string {
  const memo = new Map<T, string>();
  return (x) => {
    let s = memo.get(x);
    if (s === undefined) memo.set(x, (s = f(x)));
    return s;
  };
}

/** `f` computed once per distinct string (for values made fresh per line, such as filtered connection sets' text). */
export function oncePerString(f: (s: string) => string): (s: string) => string {
  const memo = new Map<string, string>();
  return (x) => {
    let s = memo.get(x);
    if (s === undefined) memo.set(x, (s = f(x)));
    return s;
  };
}

/**
 * `sanitizeTerminalText` for one line made of pieces that are already escaped (no control
 * character left): only a workflow command at the line's start remains possible, and that needs
 * a blank, `:` or `#` first — the other lines are returned as they are, without a scan.
 */
export function guardEscapedLine(line: string): string {
  const c = line.charCodeAt(0);
  return c === 0x20 || c === 0x09 || c === 0x3a || c === 0x23 ? sanitizeTerminalText(line) : line;
}
