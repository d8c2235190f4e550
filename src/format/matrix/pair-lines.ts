import type { ConnectivityWalk } from '../../engine/connectivity.js';
import { perIndex } from '../../engine/edge-rows.js';
import { sanitizeTerminalText } from '../../text/escape/terminal.js';
import { ByteChunkBuilder, utf8 } from './byte-chunk-builder.js';

/**
 * A format that writes one line per allowed pair (txt, csv, md, dot, gexf, graphml). A line is
 * `start(src) + dst + between + text + end`, every input value escaped by `escape`; with
 * `numbered`, `numbered + i + start(src) + …`, i counting the lines from 0 (an edge id).
 */
export interface PairLines {
  /** How a node's id and a connection set's text are written (escaped or quoted). */
  escape: (s: string) => string;
  /** What comes before the lines (a header, DOT's nodes), in pieces. */
  head?: Iterable<string>;
  /** The part of a line that depends on the source alone: its escaped name and what follows it. */
  start: (src: string) => string;
  /** What comes before a line's number, for formats whose lines are numbered. */
  numbered?: string;
  /** What comes between the destination's escaped name and the connections' escaped text. */
  between: string;
  /** What ends a line, its line feed included. */
  end: string;
  /** Lines that could start a workflow command are sanitized (the formats shown at a terminal). */
  guard?: boolean;
  /** Written when there is no pair. */
  none?: string;
  /** What comes after the lines. */
  tail?: string;
}

const NONE = -1;
const MAX_CACHED_END = 512;

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
 * The lines of every pair of the walk as UTF-8, in chunks of about 64 KiB (byte-chunk-builder.ts),
 * row by row: each node's name and each connection id's line end (`between + text + end`) escaped
 * and encoded once and read by position (engine/edge-rows.ts); a line is two or three copies, with no
 * object, string or generator step of its own. The rare source whose lines need the workflow
 * command guard has its lines made as text, sanitized, then encoded.
 */
export function* pairLineChunks(c: ConnectivityWalk, f: PairLines): Generator<Uint8Array> {
  const out = new ByteChunkBuilder();
  for (const piece of f.head ?? []) {
    out.add(utf8(piece));
    if (out.full) yield out.take();
  }
  const name = c.nodes.map((n) => f.escape(n.id));
  const nameBytes = name.map(utf8);
  const text = perIndex((id) => `${f.between}${f.escape(c.pool.get(id).toString())}${f.end}`);
  const textBytes = perIndex((id) => utf8(text(id)));
  const numbered = f.numbered === undefined ? undefined : utf8(f.numbered);
  // Each destination's line end (its name, then `between + text + end`) for the first connection
  // id it is written with, as one piece: a line is two copies, not three, whenever the
  // destination comes again with that id, as it does in row after row of a dense cluster (a
  // destination's connections follow from its own ingress rules). Another id takes the two
  // pieces; at most a node's count of ends, each at most MAX_CACHED_END bytes, is kept.
  const endConn = new Int32Array(c.nodes.length).fill(NONE);
  const ends: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(c.nodes.length);
  let line = 0;
  let none = true;
  for (const r of c.rows) {
    const to = r.to;
    if (to.length > 0) none = false;
    const start = f.start(name[r.src]!);
    if (f.guard === true && lineNeedsGuard(f.numbered ?? start)) {
      for (let k = 0; k < to.length; k += 2) {
        const number = f.numbered === undefined ? '' : `${f.numbered}${line++}`;
        out.add(utf8(sanitizeTerminalText(`${number}${start}${name[to[k]!]!}${text(to[k + 1]!)}`)));
        if (out.full) yield out.take();
      }
      continue;
    }
    const startBytes = utf8(start);
    for (let k = 0; k < to.length; k += 2) {
      if (numbered) {
        out.add(numbered);
        out.addDecimal(line++);
      }
      const dst = to[k]!;
      const id = to[k + 1]!;
      if (endConn[dst] === id) out.add2(startBytes, ends[dst]!);
      else if (endConn[dst] === NONE && nameBytes[dst]!.length + textBytes(id).length <= MAX_CACHED_END) {
        const end = Buffer.concat([nameBytes[dst]!, textBytes(id)]);
        endConn[dst] = id;
        ends[dst] = end;
        out.add2(startBytes, end);
      } else {
        out.add(startBytes);
        out.add(nameBytes[dst]!);
        out.add(textBytes(id));
      }
      if (out.full) yield out.take();
    }
  }
  if (none && f.none !== undefined) out.add(utf8(f.none));
  if (f.tail !== undefined) out.add(utf8(f.tail));
  const last = out.take();
  if (last.length > 0) yield last;
}
