import { jsonOrYaml } from '../json-or-yaml.js';
import { emit } from '../emit.js';
import { paintCan } from '../paint.js';
import { formatCanJson } from '../../src/format/explanation/json.js';
import { formatCanText } from '../../src/format/explanation/text.js';
import { formatInputStatusText } from '../../src/format/input/input-status.js';
import { ask } from '../../src/query/ask.js';
import { flag, formatOption, outputFile, parse, str, strs, loadOptions } from '../args.js';
import { helpPage } from '../help.js';
import { CAN } from '../specs/can.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadForCommand } from '../load.js';
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
  const loaded = loadForCommand(strs(args, 'file'), quiet ? { ...io, err: () => {} } : io, loadOptions(args));
  const namespace = flag(args, 'all-namespaces') ? undefined : str(args, 'namespace');
  if (!quiet) noteCiliumCni(io, loaded.snapshot, cniOption(args));
  const result = ask(loaded.snapshot, { src, dst, cni: cniOption(args), ...(namespace ? { namespace } : {}) });
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
