import { jsonOrYaml } from '../json-or-yaml.js';
import { emit } from '../emit.js';
import { paintVerify } from '../paint.js';
import { readFileSync } from 'node:fs';
import { formatInputStatusText } from '../../src/format/input/input-status.js';
import { formatVerifyJson, formatVerifyText, verifyTotals } from '../../src/format/verify/text.js';
import { semanticsName } from '../../src/model/semantics.js';
import { checkExpectations } from '../../src/verify/check.js';
import { parseExpectations, type Expectation } from '../../src/verify/expectations.js';
import { flag, formatOption, outputFile, parse, str, strs, loadOptions, type Parsed } from '../args.js';
import { helpPage } from '../help.js';
import { VERIFY } from '../specs/verify.js';
import { EXIT, UsageError } from '../errors.js';
import { formatDiagnostic, type Io } from '../io.js';
import { loadForQuestion, loadThroughCache } from '../load.js';
import { expectationNamespaces } from '../../src/verify/expectation-namespaces.js';
import type { LoadResult } from '../../src/load/load-snapshot.js';
import type { InputStatus } from '../../src/load/input-status.js';
import { cniOption, noteCiliumCni } from '../cni.js';

export const VERIFY_HELP = helpPage(VERIFY);

export async function verifyCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, VERIFY);
  if (flag(args, 'help')) {
    io.out(VERIFY_HELP);
    return EXIT.ok;
  }
  const [expectFile, ...extra] = args.positionals;
  if (!expectFile || extra.length) throw new UsageError('expected: netpol-check verify EXPECT.yaml -f PATH');
  const format = formatOption(args, ['text', 'json', 'yaml'] as const, 'text');
  let text: string;
  try {
    text = readFileSync(expectFile, 'utf8');
  } catch {
    throw new UsageError(`cannot read expectations file ${expectFile}`);
  }
  const parsed = parseExpectations(expectFile, text);
  if (parsed.problems.length) {
    for (const p of parsed.problems) io.err(`${formatDiagnostic(p)}\n`);
    return EXIT.error;
  }
  const cacheDir = str(args, 'cache-dir');
  const loaded = cacheDir
    ? loadThroughCache(strs(args, 'file'), io, loadOptions(args), cacheDir, (cached) => expectationNamespaces(parsed.expectations, cached))
    : { ...loadForQuestion(strs(args, 'file'), io, loadOptions(args), (names) => expectationNamespaces(parsed.expectations, names)), keep: () => {} };
  try {
    return await check(args, io, loaded, parsed.expectations, format);
  } finally {
    loaded.keep();
  }
}

async function check(args: Parsed, io: Io, loaded: LoadResult & { errors: number; input: InputStatus }, expectations: readonly Expectation[], format: 'text' | 'json' | 'yaml'): Promise<number> {
  const cni = cniOption(args);
  noteCiliumCni(io, loaded.snapshot, cni);
  const results = checkExpectations(loaded.snapshot, expectations, cni);
  emit(io, format !== 'text' ? await jsonOrYaml(format, formatVerifyJson(results, semanticsName(loaded.snapshot.semantics), loaded.input, cni)) : formatInputStatusText(loaded.input) + formatVerifyText(results), { paint: paintVerify, format, output: outputFile(args), inputFiles: loaded.inputFiles });
  if (loaded.errors > 0) return EXIT.error;
  const totals = verifyTotals(results);
  return totals.failed > 0 ? EXIT.no : totals.undetermined > 0 ? EXIT.undetermined : EXIT.ok;
}
