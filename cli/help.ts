import { flagsText, type CommandSpec, type OptionSpec } from './specs/option.js';

/**
 * Help pages share one layout, made from the command's spec: Usage, what the command does, one
 * aligned table of its options, exit codes. Flags start at column 2 (a short flag) or 6 (long
 * only); text at column 26, continuation lines too.
 */
const COLUMN = 26;

export function optionTable(options: readonly OptionSpec[]): string {
  const lines = options.map((o) => {
    const flags = flagsText(o);
    const head = `  ${o.short ? flags : `    ${flags}`}`;
    const [first, ...rest] = o.help.split('\n');
    const lead = head.length < COLUMN ? head.padEnd(COLUMN) : `${head}\n${' '.repeat(COLUMN)}`;
    return [lead + first, ...rest.map((l) => ' '.repeat(COLUMN) + l)].join('\n');
  });
  return `Options:\n${lines.join('\n')}`;
}

/** `netpol-check COMMAND --help`. */
export function helpPage(spec: CommandSpec): string {
  const description = spec.description ? `\n${spec.description.trimEnd()}\n` : '';
  const notes = spec.notes ? `\n${spec.notes.trimEnd()}\n` : '';
  return `Usage: netpol-check ${spec.usage}\n${description}\n${optionTable(spec.options)}\n\n${spec.exitCodes.trimEnd()}\n${notes}`;
}
