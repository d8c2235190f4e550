/**
 * Lines wrapped to a pane's width instead of cut with "…": at spaces when a word fits, inside
 * a word when it does not (a long label selector, a file path). A continuation keeps the line's
 * indentation plus two spaces, so an explanation's structure still reads. Widths are terminal
 * cells: East Asian wide characters and most emoji take two, combining marks none.
 */

/** Cells a character takes in a terminal (the common cases; the text is escaped before, so no controls). */
export function cellWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || (c >= 0xfe00 && c <= 0xfe0f)) return 0;
  if (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1f64f) ||
    (c >= 0x1f900 && c <= 0x1f9ff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  )
    return 2;
  return 1;
}

export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += cellWidth(ch);
  return w;
}

/** One line → the lines it takes at `width` cells (at least one, `''` for an empty line). */
export function wrapLine(line: string, width: number): string[] {
  if (width < 1 || textWidth(line) <= width) return [line];
  const indent = /^ */.exec(line)![0].length;
  // A continuation's indentation, kept small enough to leave room for text.
  const hang = ' '.repeat(Math.min(indent + 2, Math.floor(width / 2)));
  const out: string[] = [];
  let rest = line;
  let prefix = '';
  while (prefix.length + textWidth(rest) > width) {
    const room = width - prefix.length;
    // The most characters of `rest` that fit in `room` cells.
    let fit = 0;
    let used = 0;
    const chars = [...rest];
    while (fit < chars.length && used + cellWidth(chars[fit]!) <= room) used += cellWidth(chars[fit++]!);
    const head = chars.slice(0, fit).join('');
    // Break at the last space that leaves a word on this line (not inside the indentation).
    const space = chars[fit] === ' ' ? head.length : head.lastIndexOf(' ');
    const cut = space > (prefix ? 0 : indent) ? space : Math.max(1, head.length);
    out.push(prefix + rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^ +/, '');
    prefix = hang;
    if (!rest) return out;
  }
  out.push(prefix + rest);
  return out;
}

export function wrapLines(lines: readonly string[], width: number): string[] {
  return lines.flatMap((l) => wrapLine(l, width));
}
