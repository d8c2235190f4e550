/**
 * `f(i)` computed when first asked and kept in an array, for small integer keys: the connection
 * ids of a walk's rows (engine/edge-rows.ts). A dense matrix prints a few connection sets on
 * millions of lines; escaping or laying out the same set again per line was most of its time.
 */
export function perIndex<T>(f: (i: number) => T): (i: number) => T {
  const memo: (T | undefined)[] = [];
  return (i) => {
    let v = memo[i];
    if (v === undefined) memo[i] = v = f(i);
    return v;
  };
}

/**
 * Whether a line made of pieces that are already escaped (no control character left) and that
 * starts with `start` may need `sanitizeTerminalText`: only a workflow command at the line's
 * start remains possible, and that needs a blank, `:` or `#` first. Lines of one source all start
 * with the source's name, so the matrices ask once per source.
 */
export function lineNeedsGuard(start: string): boolean {
  const c = start.charCodeAt(0);
  return c === 0x20 || c === 0x09 || c === 0x3a || c === 0x23;
}
