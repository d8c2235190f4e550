import type { InputStatus } from '../../src/load/input-status.js';
import { createElement } from 'react';
import type { Level } from '../../src/engine/connectivity.js';
import { runLint } from '../../src/lint/run-lint.js';
import { flag, oneOf, outputFile, parse, str, strs, loadOptions } from '../args.js';
import { helpPage } from '../help.js';
import { EXPLORE } from '../specs/explore.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadForCommand } from '../load.js';
import { cniOption, noteCiliumCni } from '../cni.js';
import { pluginMatrix, withProfile } from '../plugin-matrix.js';
import { formatInputStatusText } from '../../src/format/input/input-status.js';
import { prepareTerminalEnv } from '../tui/colour-env.js';
import { formatBytes, manifestBytes } from '../tui/input-size.js';
import { LoadingScreen } from '../tui/loading-screen.js';

export const EXPLORE_HELP = helpPage(EXPLORE);

export async function exploreCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, EXPLORE);
  if (flag(args, 'help')) {
    io.out(EXPLORE_HELP);
    return EXIT.ok;
  }
  const level = oneOf<Level>('level', str(args, 'level'), ['workload', 'pod'], 'workload');
  if (!io.isTTY || !process.stdin.isTTY) {
    io.err('netpol-check explore needs an interactive terminal (stdin and stdout a TTY); for scripts and CI use matrix, can or lint\n');
    return EXIT.error;
  }
  const files = [...strs(args, 'file'), ...args.positionals];
  if (files.includes('-')) throw new UsageError('explore reads the keyboard from stdin, so manifests cannot come from it: write them to a file and give -f FILE');
  const cni = cniOption(args);
  // Ink draws only a final frame when CI is set, and its colour library reads a present CI as "no
  // colour"; explore runs only at a terminal (checked above), where a person is waiting for live
  // frames. Both read the environment when they load: the CI markers go before (colour-env.ts).
  const { colour } = prepareTerminalEnv(process.env);
  const { ExploreModel } = await import('../tui/model.js');

  // Loading and computing do not yield: a second thread shows how far they are and answers q
  // and Ctrl-C meanwhile (tui/loading-screen.ts). What they say on stderr waits until it is done.
  const screen = LoadingScreen.start({ columns: process.stdout.columns || 80 });
  const held: string[] = [];
  const { statusLine: _terminalProgress, ...rest } = io;
  const quiet: Io = { ...rest, err: (t) => void held.push(t) };
  let loaded: ReturnType<typeof loadForCommand>;
  let model: InstanceType<typeof ExploreModel>;
  let input: InputStatus;
  try {
    const bytes = manifestBytes(files);
    screen.step(bytes > 0 ? `reading ${formatBytes(bytes)} of manifests` : 'reading manifests');
    loaded = loadForCommand(files, quiet, { ...loadOptions(args), progress: screen.progress });
    noteCiliumCni(quiet, loaded.snapshot, cni);
    screen.step('building the matrix');
    const computed = pluginMatrix(loaded.snapshot, cni, loaded.input, level, screen.progress);
    input = computed.input;
    const snapshot = withProfile(loaded.snapshot, cni);
    screen.step('linting');
    const findings = runLint(snapshot, loaded.diagnostics, { matrix: computed.matrix, progress: screen.progress });
    screen.step('listing who reaches whom');
    model = new ExploreModel(snapshot, computed.matrix, findings, level);
  } finally {
    await screen.stop();
    for (const text of held) io.err(text);
  }
  const notes = formatInputStatusText(input);
  if (notes) io.err(notes);
  const [{ render }, { App }] = await Promise.all([import('ink'), import('../tui/App.js')]);
  const app = render(createElement(App, { model, notice: explorerNotice(input), colour }), { exitOnCtrlC: true });
  await app.waitUntilExit();
  return loaded.errors > 0 ? EXIT.error : EXIT.ok;
}

/** One line for the explorer's header: what its answers leave out or depend on (the details are on stderr). */
export function explorerNotice(input: InputStatus): string {
  const parts: string[] = [];
  if (!input.complete) parts.push(`PARTIAL: ${input.errors.length} input error${input.errors.length === 1 ? '' : 's'} left out`);
  if (input.unmodelled?.length) parts.push(`NOT EVALUATED: ${input.unmodelled.length} plugin or operator object${input.unmodelled.length === 1 ? '' : 's'}`);
  if (input.plugin?.dependent.length) parts.push(`${input.plugin.profile === 'generic' ? 'DEPENDS ON THE NETWORK PLUGIN' : `ASSUMED ${input.plugin.profile}`}: ${input.plugin.dependent.length} pair${input.plugin.dependent.length === 1 ? '' : 's'}`);
  return parts.length ? `${parts.join(' · ')} (details on stderr when it started)` : '';
}
