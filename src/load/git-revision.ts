/**
 * A git revision from the command line (`git:REV`), checked before git sees it: not empty, not
 * an option (`-…`: `--output=…` would make git write a file), no whitespace or control
 * characters, none of the characters git refuses in ref names except those revision syntax
 * uses (`~ ^ : @ { }` …), at most 256 characters. Returns why it is refused, or undefined.
 */
export function checkRevision(rev: string): string | undefined {
  if (!rev) return 'no revision after git: (write git:REV, e.g. git:origin/main)';
  if (rev.startsWith('-')) return `git revision "${rev.slice(0, 64)}" starts with "-": refused (it would reach git as an option)`;
  if (rev.length > 256) return 'git revision longer than 256 characters: refused';
  if (/[\u0000-\u0020\u007f\\]/.test(rev)) return 'git revision holds whitespace, a backslash or a control character: refused';
  return undefined;
}
