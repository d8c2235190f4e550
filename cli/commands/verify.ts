import { emit } from '../emit.js';
import { readFileSync } from 'node:fs';
import { formatInputStatusText } from '../../src/format/input/input-status.js';
import { formatVerifyJson, formatVerifyText, verifyTotals } from '../../src/format/verify/text.js';
import { semanticsName } from '../../src/model/semantics.js';
import { checkExpectations } from '../../src/verify/check.js';
import { parseExpectations } from '../../src/verify/expectations.js';
import { COMMON_OPTIONS, flag, formatOption, outputFile, parse, strs, loadOptions } from '../args.js';
import { CNI_ROW, FILE_ROW, HELP_ROWS, KUSTOMIZE_ROW, NAMESPACE_ROW, optionTable, outputRows, SEMANTICS_ROWS } from '../help.js';
import { EXIT, UsageError } from '../errors.js';
import { formatDiagnostic, type Io } from '../io.js';
import { loadForCommand } from '../load.js';
import { CNI_OPTION, cniOption } from '../cni.js';

export const VERIFY_HELP = `Usage: netpol-check verify EXPECT.yaml -f PATH [-o text|json] [--output-file FILE]

Checks written security intent against the snapshot. EXPECT.yaml (schema:
docs/expectations.schema.json):

  expectations:
    - from: frontend            # names, selectors, IPs as in \`netpol-check can\`; * is every pod
      to: api:9000
      expect: allow             # allow: every pair; deny: no pair
    - from: '*'
      namespace: payments       # scope for names on both ends (fromNamespace / toNamespace)
      to: '*'
      toNamespace: search
      expect: deny              # no pod of payments reaches search
    - to: db:5432
      onlyFrom: [api]           # nothing else reaches db on 5432 (pods and outside addresses)
    - isolated: both            # ingress | egress | both
      pods: '*'
      namespace: shop

${optionTable([FILE_ROW, ...outputRows('text (default; txt is the same) | json'), NAMESPACE_ROW, KUSTOMIZE_ROW, ...SEMANTICS_ROWS, CNI_ROW, ...HELP_ROWS])}

Exit codes: 0 all pass, 1 a failure, 2 a bad expectations file or input, 3 none failed but
some are undetermined (a policy netpol-check does not evaluate may decide them).
`;

export async function verifyCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, { ...COMMON_OPTIONS, ...CNI_OPTION });
  if (flag(args, 'help')) {
    io.out(VERIFY_HELP);
    return EXIT.ok;
  }
  const [expectFile, ...extra] = args.positionals;
  if (!expectFile || extra.length) throw new UsageError('expected: netpol-check verify EXPECT.yaml -f PATH');
  const format = formatOption(args, ['text', 'json'] as const, 'text');
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
  const loaded = loadForCommand(strs(args, 'file'), io, loadOptions(args));
  const cni = cniOption(args);
  const results = checkExpectations(loaded.snapshot, parsed.expectations, cni);
  emit(io, format === 'json' ? formatVerifyJson(results, semanticsName(loaded.snapshot.semantics), loaded.input, cni) : formatInputStatusText(loaded.input) + formatVerifyText(results), { format, output: outputFile(args), inputFiles: loaded.inputFiles });
  if (loaded.errors > 0) return EXIT.error;
  const totals = verifyTotals(results);
  return totals.failed > 0 ? EXIT.no : totals.undetermined > 0 ? EXIT.undetermined : EXIT.ok;
}
