/**
 * One option of one command, written once: parseArgs reads it (args.ts), the help page and the
 * README's command reference print it (help.ts), shell completion offers it (completion/).
 */
export interface OptionSpec {
  /** The long name, without `--`. */
  name: string;
  short?: string;
  /** The value's placeholder (FORMAT, PATH); absent for a boolean flag. */
  value?: string;
  multiple?: boolean;
  /** The help text; lines after the first continue under the text column. */
  help: string;
  /** Values shell completion offers (formats, levels, profiles). */
  choices?: readonly string[];
  /** Shell completion offers file names (`file`) or folder names (`dir`). */
  complete?: 'file' | 'dir';
}

/**
 * A command: its usage line, what it does, its options (one table) and its exit codes. Every
 * common flag (COMMON in common.ts) that it does not list is refused with `refused[flag]` or a
 * plain "does not take" message, never ignored.
 */
export interface CommandSpec {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** After `Usage: netpol-check `. */
  usage: string;
  /** Paragraphs between the usage line and the options. */
  description: string;
  options: readonly OptionSpec[];
  /** Why a common flag does not apply, and what to use instead. */
  refused?: Readonly<Record<string, string>>;
  exitCodes: string;
  /** Text after the exit codes. */
  notes?: string;
}

/** `-o, --output FORMAT` / `    --output-file FILE` as the help table shows it. */
export function flagsText(o: OptionSpec): string {
  const long = `--${o.name}${o.value ? ` ${o.value}` : ''}`;
  return o.short ? `-${o.short}, ${long}` : long;
}
