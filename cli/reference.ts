import { optionTable } from './help.js';
import { COMMAND_SPECS } from './specs/index.js';
import type { CommandSpec } from './specs/option.js';

/** The README's command reference lies between these comments; test/cli/reference.test.ts keeps it current. */
export const REFERENCE_START = '<!-- command-reference:start (generated from cli/specs; UPDATE_FIXTURES=1 npx vitest run test/cli/reference.test.ts) -->';
export const REFERENCE_END = '<!-- command-reference:end -->';

function section(spec: CommandSpec): string {
  return `### \`netpol-check ${spec.name}\`\n\n${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.\n\n\`\`\`text\nnetpol-check ${spec.usage}\n\n${optionTable(spec.options)}\n\n${spec.exitCodes.trimEnd()}\n\`\`\``;
}

/** Markdown: every command's usage, option table and exit codes, the same as its --help. */
export function commandReference(specs: readonly CommandSpec[] = COMMAND_SPECS): string {
  return [
    REFERENCE_START,
    '',
    '`netpol-check help COMMAND` prints the same, with what the command does; `netpol-check completion bash|zsh|fish` prints a shell completion script made from these tables.',
    '',
    ...specs.flatMap((s) => [section(s), '']),
    REFERENCE_END,
  ].join('\n');
}

/** `readme` with its reference section replaced by `reference` (the markers must be there). */
export function withReference(readme: string, reference: string): string {
  const a = readme.indexOf('<!-- command-reference:start');
  const b = readme.indexOf(REFERENCE_END);
  if (a < 0 || b < 0) throw new Error('the README has no command-reference markers');
  return readme.slice(0, a) + reference + readme.slice(b + REFERENCE_END.length);
}
