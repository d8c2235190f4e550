import type { LoadOptions } from '../src/load/load-snapshot.js';
import type { ReadOptions } from '../src/load/read-inputs.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SemanticsChoice } from '../src/model/semantics.js';
import { editDistance } from '../src/query/did-you-mean.js';
import { UsageError } from './errors.js';

export const COMMON_OPTIONS = {
  file: { type: 'string', short: 'f', multiple: true },
  // -o/--output is the format, as in kubectl and netpol-analyzer; --format is its alias.
  output: { type: 'string', short: 'o' },
  format: { type: 'string' },
  'output-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  semantics: { type: 'string' },
  'legacy-semantics': { type: 'boolean' },
  namespace: { type: 'string', short: 'n' },
  kustomize: { type: 'string', short: 'k', multiple: true },
  'follow-symlinks': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** What the loader needs from the common options: --semantics, and -n for namespace-less manifests. */
export function loadOptions(args: { values: Record<string, unknown> }): LoadOptions & ReadOptions {
  const namespace = args.values.namespace;
  const kustomize = args.values.kustomize;
  return {
    semantics: semanticsOption(args as Parameters<typeof semanticsOption>[0]),
    ...(typeof namespace === 'string' && namespace ? { defaultNamespace: namespace } : {}),
    ...(Array.isArray(kustomize) && kustomize.length ? { kustomize: kustomize as string[] } : {}),
    ...(args.values['follow-symlinks'] === true ? { followSymlinks: true } : {}),
  };
}

/** --semantics / --legacy-semantics. */
export function semanticsOption(p: Parsed): SemanticsChoice {
  if (flag(p, 'legacy-semantics')) return 'legacy';
  return oneOf<SemanticsChoice>('semantics', str(p, 'semantics'), ['auto', 'v1', 'legacy'], 'auto');
}

export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** node:util parseArgs, with its errors turned into usage errors; an unknown flag names the closest known one. */
export function parse(argv: string[], options: NonNullable<ParseArgsConfig['options']>): Parsed {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as Parsed;
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(unknownFlag(err.message, options));
    throw new UsageError(err.message);
  }
}

/** "unknown flag --fromat (did you mean --format?)" from Node's "Unknown option '--fromat'…". */
function unknownFlag(message: string, options: NonNullable<ParseArgsConfig['options']>): string {
  const given = /option '([^']*)'/.exec(message)?.[1];
  if (!given) return message;
  const name = given.split('=')[0]!;
  const known = Object.entries(options).flatMap(([long, o]) => [`--${long}`, ...(o.short && !name.startsWith('--') ? [`-${o.short}`] : [])]);
  // The nearest in spelling (closest() prefers containment, which makes --output-flie --output).
  const limit = Math.max(2, Math.floor(name.length / 3));
  const near = known.map((k) => ({ k, d: editDistance(name, k) })).filter((x) => x.d <= limit).sort((x, y) => x.d - y.d)[0]?.k;
  return `unknown flag ${given}${near ? ` (did you mean ${near}?)` : ''}; see --help for the options`;
}

/**
 * The output format: -o/--output FORMAT, or its alias --format. txt and text name the same
 * format everywhere; `canonical` maps them to the name the command uses.
 */
export function formatOption<T extends string>(p: Parsed, allowed: readonly T[], fallback: T): T {
  const o = str(p, 'output');
  const f = str(p, 'format');
  if (o !== undefined && f !== undefined && textAlias(o) !== textAlias(f)) throw new UsageError(`-o ${o} and --format ${f} disagree: give the format once`);
  const given = o ?? f;
  if (given === undefined) return fallback;
  const value = textAlias(given) === 'text' ? (allowed.find((a) => textAlias(a) === 'text') ?? given) : given;
  if (!allowed.includes(value as T)) {
    const names = allowed.flatMap((a) => (textAlias(a) === 'text' ? ['txt', 'text'] : [a]));
    const file = /[./\\]/.test(given) ? `; to write a file use --output-file ${given}` : '';
    throw new UsageError(`${o !== undefined ? '-o/--output' : '--format'} must be one of ${names.join(', ')}; got "${given}"${file}`);
  }
  return value as T;
}

function textAlias(name: string): string {
  return name === 'txt' ? 'text' : name;
}

/** --output-file FILE: where the answer goes instead of standard output. */
export function outputFile(p: Parsed): string | undefined {
  return str(p, 'output-file') || undefined;
}

export function str(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function strs(p: Parsed, name: string): string[] {
  const v = p.values[name];
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
}

export function flag(p: Parsed, name: string): boolean {
  return p.values[name] === true;
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}
