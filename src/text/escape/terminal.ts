/**
 * Text for a terminal or a CI log. Input text (names, annotations, field names, file paths) may
 * hold characters that move the cursor, recolour, rewrite or reorder what a reader sees: C0 and
 * C1 controls (ESC, CR, BS, …), DEL, bidi overrides and isolates (Trojan Source), line and
 * paragraph separators. They are shown as visible escapes (`\x1b`, `\u202e`) instead.
 */
/** Characters `escapeTerminal` replaces (exported for escapers of other contexts). */
export const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;
const UNSAFE_KEEP_LINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** `\x1b`, `\u202e`: what an unsafe character is shown as. */
export function visibleEscape(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One value on one line: every control character, newlines included, becomes a visible escape. */
export function escapeTerminal(s: string): string {
  return s.replace(UNSAFE, visibleEscape);
}

/** True when `s` holds nothing `escapeTerminal` would change. */
export function isTerminalSafe(s: string): boolean {
  return !new RegExp(UNSAFE.source).test(s);
}

/**
 * A line the GitHub runner reads as a command: `::name::…` or `::name props::…` after leading
 * blanks (the name a letter, then letters, digits, `-`, `_`), or `##[…`. An IPv6 range at the start
 * of a matrix line (`::-ffff:…`, `::ffff:0:0-…`) is not one and is left alone.
 */
export const WORKFLOW_COMMAND = /^([ \t]*)(::[A-Za-z][\w-]*(?: [^\n]*?)?::|##\[)/gm;

/**
 * A whole text output (several lines): control characters other than the line feed become
 * visible escapes (tabs too), and a line that a CI runner would read as a workflow command
 * (WORKFLOW_COMMAND) gets its first character escaped, so it is
 * shown, not obeyed. The guard the CLI applies to everything it prints as text and to stderr;
 * formatters escape each input value as well.
 */
export function sanitizeTerminalText(text: string): string {
  return text.replace(UNSAFE_KEEP_LINES, visibleEscape).replace(WORKFLOW_COMMAND, (_m, blank: string, cmd: string) => `${blank}${visibleEscape(cmd[0]!)}${cmd.slice(1)}`);
}
