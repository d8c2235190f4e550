import { COMMAND_SPECS } from '../specs/index.js';
import type { CommandSpec, OptionSpec } from '../specs/option.js';

/** What the completion scripts offer: the commands, and each command's options from its spec. */
export interface CompletionCommand {
  name: string;
  summary: string;
  options: readonly OptionSpec[];
}

/** The commands with options, then completion and help (which take a word, not options). */
export function completionCommands(specs: readonly CommandSpec[] = COMMAND_SPECS): CompletionCommand[] {
  return [
    ...specs.map((s) => ({ name: s.name, summary: s.summary, options: s.options })),
    { name: 'completion', summary: 'a shell completion script: bash, zsh or fish', options: [] },
    { name: 'help', summary: "a command's options", options: [] },
  ];
}

/** The first line of an option's help, for a one-line description. */
export function oneLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
