import { jsonOrYaml } from '../json-or-yaml.js';
import { emit } from '../emit.js';
import { paintCan } from '../paint.js';
import { formatCanJson } from '../../src/format/explanation/json.js';
import { formatCanText } from '../../src/format/explanation/text.js';
import { formatInputStatusText } from '../../src/format/input/input-status.js';
import { ask, type CanQuestion } from '../../src/query/ask.js';
import type { LoadResult } from '../../src/load/load-snapshot.js';
import type { InputStatus } from '../../src/load/input-status.js';
import { flag, formatOption, outputFile, parse, str, strs, loadOptions, type Parsed } from '../args.js';
import { helpPage } from '../help.js';
import { CAN } from '../specs/can.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadForQuestion, loadThroughCache } from '../load.js';
import { questionNamespaces } from '../../src/query/question-namespaces.js';
import { cniOption, noteCiliumCni } from '../cni.js';

export const CAN_HELP = helpPage(CAN);

export async function canCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, CAN);
  if (flag(args, 'help')) {
    io.out(CAN_HELP);
    return EXIT.ok;
  }
  const [src, verb, dst, ...extra] = args.positionals;
  if (!src || !dst || (verb !== 'reach' && verb !== 'reach?') || extra.length) {
    throw new UsageError('expected: netpol-check can SRC reach DST[:PORT] -f PATH (see netpol-check help can)');
  }
  const format = formatOption(args, ['text', 'json', 'yaml'] as const, 'text');
  const quiet = flag(args, 'quiet');
  const namespace = flag(args, 'all-namespaces') ? undefined : str(args, 'namespace');
  const question = { src, dst, cni: cniOption(args), ...(namespace ? { namespace } : {}) };
  const loadIo = quiet ? { ...io, err: () => {} } : io;
  const cacheDir = str(args, 'cache-dir');
  const loaded = cacheDir
    ? loadThroughCache(strs(args, 'file'), loadIo, loadOptions(args), cacheDir, (cached) => questionNamespaces(question, cached))
    : { ...loadForQuestion(strs(args, 'file'), loadIo, loadOptions(args), (names) => questionNamespaces(question, names)), keep: () => {} };
  try {
    return await answer(args, io, loaded, question, quiet, format);
  } finally {
    loaded.keep();
  }
}

async function answer(args: Parsed, io: Io, loaded: LoadResult & { errors: number; input: InputStatus }, question: CanQuestion, quiet: boolean, format: 'text' | 'json' | 'yaml'): Promise<number> {
  if (!quiet) noteCiliumCni(io, loaded.snapshot, cniOption(args));
  const result = ask(loaded.snapshot, question);
  if (!result.ok) {
    if (!quiet) {
      const hint = result.candidates.length ? `\n  did you mean: ${result.candidates.join(', ')}` : '';
      io.err(`netpol-check: ${result.which === 'question' ? '' : `${result.which}: `}${result.reason}${hint}\n`);
    }
    return EXIT.error;
  }
  if (!quiet) {
    const output = format !== 'text' ? await jsonOrYaml(format, formatCanJson(result.answer, loaded.input)) : formatInputStatusText(loaded.input) + formatCanText(result.answer, { verbose: flag(args, 'verbose') });
    emit(io, output, { paint: paintCan, format, output: outputFile(args), inputFiles: loaded.inputFiles });
  }
  if (loaded.errors > 0) return EXIT.error;
  if (result.answer.undeterminedPairs > 0) return EXIT.undetermined;
  return result.answer.allowed ? EXIT.ok : EXIT.no;
}
