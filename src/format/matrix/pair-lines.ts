import type { ConnectivityWalk } from '../../engine/connectivity.js';
import { perIndex } from '../../engine/edge-rows.js';
import { sanitizeTerminalText } from '../../text/escape/terminal.js';
import { ChunkBuilder } from './chunks.js';

/** A format that writes one line per allowed pair (txt, csv, md, dot). */
export interface PairLines {
  /** How a node's id and a connection set's text are written (escaped or quoted). */
  escape: (s: string) => string;
  /** What comes before the lines (a header, DOT's nodes), in pieces. */
  head?: Iterable<string>;
  /** The part of a line that depends on the source alone: its escaped name and what follows it. */
  start: (src: string) => string;
  /** A whole line from its start, the destination's escaped name and the connections' escaped text. */
  line: (start: string, dst: string, text: string) => string;
  /** Lines that could start a workflow command are sanitized (the formats shown at a terminal). */
  guard?: boolean;
  /** Written when there is no pair. */
  none?: string;
  /** What comes after the lines. */
  tail?: string;
}

/**
 * Whether a line made of pieces that are already escaped (no control character left) and that
 * starts with `start` may need `sanitizeTerminalText`: only a workflow command at the line's
 * start remains possible, and that needs a blank, `:` or `#` first. Lines of one source all start
 * with the source's name, so this is asked once per source.
 */
export function lineNeedsGuard(start: string): boolean {
  const c = start.charCodeAt(0);
  return c === 0x20 || c === 0x09 || c === 0x3a || c === 0x23;
}

/**
 * The lines of every pair of the walk, in chunks of about 64 KiB (chunks.ts), row by row: each
 * node's name and each connection id's text escaped once and read by position
 * (engine/edge-rows.ts), no object and no generator step per line.
 */
export function* pairLineChunks(c: ConnectivityWalk, f: PairLines): Generator<string> {
  const out = new ChunkBuilder();
  for (const piece of f.head ?? []) {
    out.add(piece);
    if (out.full) yield out.take();
  }
  const name = c.nodes.map((n) => f.escape(n.id));
  const text = perIndex((id) => f.escape(c.pool.get(id).toString()));
  let none = true;
  for (const r of c.rows) {
    const start = f.start(name[r.src]!);
    const guard = f.guard === true && lineNeedsGuard(start);
    for (let k = 0; k < r.to.length; k += 2) {
      none = false;
      const line = f.line(start, name[r.to[k]!]!, text(r.to[k + 1]!));
      out.add(guard ? sanitizeTerminalText(line) : line);
      if (out.full) yield out.take();
    }
  }
  if (none && f.none !== undefined) out.add(f.none);
  if (f.tail !== undefined) out.add(f.tail);
  const last = out.take();
  if (last) yield last;
}
