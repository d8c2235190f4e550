import { emit } from '../emit.js';
import { formatCanJson } from '../../src/format/explanation/json.js';
import { formatCanText } from '../../src/format/explanation/text.js';
import { formatInputStatusText } from '../../src/format/input/input-status.js';
import { ask } from '../../src/query/ask.js';
import { COMMON_OPTIONS, flag, formatOption, outputFile, parse, str, strs, loadOptions } from '../args.js';
import { CNI_ROW, FILE_ROW, HELP_ROWS, KUSTOMIZE_ROW, optionTable, outputRows, SEMANTICS_ROWS } from '../help.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadForCommand } from '../load.js';
import { CNI_OPTION, cniOption } from '../cni.js';

export const CAN_HELP = `Usage: netpol-check can SRC reach DST[:PORT[/PROTO]] -f PATH [options]

Answers whether SRC can open a connection to DST, and why: which policies isolate each side,
which rule and peer allowed it, or what came closest.

SRC and DST may be:
  NAME, NAMESPACE/NAME          a workload, pod or service (frontend, shop/db)
  KIND/NAME, NS/KIND/NAME       deploy/frontend, shop/sts/db, svc/db, pod/web-7f9c-x2x9k
  SELECTOR                      app=frontend,tier!=canary (kubectl -l syntax; scoped by -n)
  IP or CIDR                    203.0.113.7, 10.0.0.0/24, [2001:db8::1]:443
PORT is a number or a port name, with /tcp (default), /udp or /sctp. For a Service, PORT is a
Service port, mapped through its targetPort to each pod's container port. Without PORT the
answer lists every open port.

${optionTable([
  FILE_ROW,
  ['-n, --namespace NS', 'look names and selectors up in NS (default: all namespaces), and put\nmanifests that name no namespace in NS, as kubectl apply -n does'],
  ...outputRows('text (default; txt is the same) | json'),
  ['-v, --verbose', 'list every pair, not only the denied ones'],
  ['-q, --quiet', 'print nothing; the exit code is the answer'],
  KUSTOMIZE_ROW,
  ...SEMANTICS_ROWS,
  CNI_ROW,
  ...HELP_ROWS,
])}

Exit codes: 0 yes (every pair allowed), 1 no, 2 error (unknown or ambiguous name, bad port,
bad input), 3 undetermined (a policy netpol-check does not evaluate, e.g. Cilium's or Calico's,
may select a pair; the answer shows what NetworkPolicies alone decide; or, without --cni, network
plugins answer a pair differently: the answer shows each plugin's).
`;

export async function canCommand(argv: string[], io: Io): Promise<number> {
  const args = parse(argv, { ...COMMON_OPTIONS, ...CNI_OPTION, verbose: { type: 'boolean', short: 'v' }, quiet: { type: 'boolean', short: 'q' } });
  if (flag(args, 'help')) {
    io.out(CAN_HELP);
    return EXIT.ok;
  }
  const [src, verb, dst, ...extra] = args.positionals;
  if (!src || !dst || (verb !== 'reach' && verb !== 'reach?') || extra.length) {
    throw new UsageError('expected: netpol-check can SRC reach DST[:PORT] -f PATH (see netpol-check help can)');
  }
  const format = formatOption(args, ['text', 'json'] as const, 'text');
  const quiet = flag(args, 'quiet');
  const loaded = loadForCommand(strs(args, 'file'), quiet ? { ...io, err: () => {} } : io, loadOptions(args));
  const namespace = str(args, 'namespace');
  const result = ask(loaded.snapshot, { src, dst, cni: cniOption(args), ...(namespace ? { namespace } : {}) });
  if (!result.ok) {
    if (!quiet) {
      const hint = result.candidates.length ? `\n  did you mean: ${result.candidates.join(', ')}` : '';
      io.err(`netpol-check: ${result.which === 'question' ? '' : `${result.which}: `}${result.reason}${hint}\n`);
    }
    return EXIT.error;
  }
  if (!quiet) {
    const output = format === 'json' ? formatCanJson(result.answer, loaded.input) : formatInputStatusText(loaded.input) + formatCanText(result.answer, { verbose: flag(args, 'verbose') });
    emit(io, output, { format, output: outputFile(args), inputFiles: loaded.inputFiles });
  }
  if (loaded.errors > 0) return EXIT.error;
  if (result.answer.undeterminedPairs > 0) return EXIT.undetermined;
  return result.answer.allowed ? EXIT.ok : EXIT.no;
}
