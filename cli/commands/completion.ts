import { bashCompletion } from '../completion/bash.js';
import { fishCompletion } from '../completion/fish.js';
import { completionCommands, SHELLS, type Shell } from '../completion/words.js';
import { zshCompletion } from '../completion/zsh.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';

export const COMPLETION_HELP = `Usage: netpol-check completion bash|zsh|fish

Prints a shell completion script for the commands and their options (the same tables as the
help pages).

  bash   source <(netpol-check completion bash)      (or save it in bash-completion's folder)
  zsh    netpol-check completion zsh > "\${fpath[1]}/_netpol-check"   (then restart zsh)
  fish   netpol-check completion fish > ~/.config/fish/completions/netpol-check.fish

Exit codes: 0 printed, 2 no shell or an unknown one.
`;

const SCRIPTS: Record<Shell, typeof bashCompletion> = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion };

export async function completionCommand(argv: string[], io: Io): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.out(COMPLETION_HELP);
    return EXIT.ok;
  }
  const [shell, ...extra] = argv;
  if (!shell || extra.length || !SHELLS.includes(shell as Shell)) throw new UsageError(`completion takes one shell: ${SHELLS.join(', ')}${shell ? `; got "${[shell, ...extra].join(' ')}"` : ''}`);
  io.out(SCRIPTS[shell as Shell](completionCommands()));
  return EXIT.ok;
}
