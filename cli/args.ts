import type { LoadOptions } from '../src/load/load-snapshot.js';
import type { ReadOptions } from '../src/load/read-inputs.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { COMMON_SPECS } from './specs/common.js';
import type { CommandSpec, OptionSpec } from './specs/option.js';
import type { SemanticsChoice } from '../src/model/semantics.js';
import { editDistance } from '../src/text/did-you-mean.js';
import { UsageError } from './errors.js';

/** What the loader needs from the common options: --semantics, and -n (the first) for namespace-less manifests. */
export function loadOptions(args: Parsed): LoadOptions & ReadOptions {
  const namespace = strs(args, 'namespace')[0];
  const kustomize = args.values.kustomize;
  return {
    semantics: semanticsOption(args),
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

/**
 * node:util parseArgs over the command's options and every common flag; its errors become usage
 * errors that say what was expected. An unknown flag names the closest known one; a common flag
 * the command does not take is refused with the command's reason; a value given twice to an
 * option that takes one is refused (parseArgs would keep the last silently).
 */
export function parse(argv: string[], spec: CommandSpec): Parsed {
  const own = new Map(spec.options.map((o) => [o.name, o]));
  const all = new Map(COMMON_SPECS.map((o) => [o.name, o]));
  for (const o of spec.options) all.set(o.name, o);
  // Every string option is read as repeatable, to see a repeat and refuse it below.
  const config: NonNullable<ParseArgsConfig['options']> = {};
  for (const o of all.values()) config[o.name] = { type: o.value ? 'string' : 'boolean', ...(o.value ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) };
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: argv, options: config, allowPositionals: true, strict: true }) as Parsed;
  } catch (e) {
    throw new UsageError(parseError(e as Error & { code?: string }, argv, all, spec));
  }
  const values: Parsed['values'] = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    const o = all.get(name)!;
    if (value === undefined) continue;
    if (!own.has(name) && !(name === 'version' || name === 'help')) throw new UsageError(refusal(spec, o));
    if (Array.isArray(value) && !o.multiple) {
      if (value.length > 1 && new Set(value).size > 1) throw new UsageError(`${shown(o)} given ${value.length} times (${value.map((v) => JSON.stringify(v)).join(', ')}): ${spec.name} takes one`);
      values[name] = value[0];
    } else values[name] = value;
  }
  return { values, positionals: parsed.positionals };
}

/** `-l/--selector` */
function shown(o: OptionSpec): string {
  return o.short ? `-${o.short}/--${o.name}` : `--${o.name}`;
}

function refusal(spec: CommandSpec, o: OptionSpec): string {
  return `${spec.name} does not take ${shown(o)}${spec.refused?.[o.name] ? `: ${spec.refused[o.name]}` : ''}`;
}

/** Node's parseArgs messages, said in the words of the help page. */
function parseError(err: Error & { code?: string }, argv: string[], all: Map<string, OptionSpec>, spec: CommandSpec): string {
  const byFlag = (flag: string): OptionSpec | undefined => [...all.values()].find((o) => `--${o.name}` === flag || `-${o.short}` === flag);
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return unknownFlag(err.message, [...all.values()]);
  const missing = /^Option '(?:-\w, )?--([\w-]+) <value>' argument missing/.exec(err.message);
  if (missing) {
    const o = all.get(missing[1]!)!;
    return `${shown(o)} needs a value (${o.value}) and none was given; see netpol-check help ${spec.name}`;
  }
  const ambiguous = /^Option '(-\w|--[\w-]+)' argument is ambiguous/.exec(err.message);
  if (ambiguous) {
    const flag = ambiguous[1]!;
    const o = byFlag(flag);
    const at = argv.findIndex((a, i) => a === flag && argv[i + 1]?.startsWith('-'));
    const next = argv[at + 1];
    return `${flag} needs a value${o?.value ? ` (${o.value})` : ''}, but the next word${next ? ` "${next}"` : ''} is a flag; for a value that starts with a dash write --${o?.name ?? flag.replace(/^-+/, '')}=VALUE`;
  }
  const noValue = /^Option '(?:-\w, )?--([\w-]+)' does not take an argument/.exec(err.message);
  if (noValue) return `${shown(all.get(noValue[1]!)!)} is a switch and takes no value (write it alone)`;
  return `cannot read the command line: ${err.message.split('\n')[0]}; see netpol-check help ${spec.name}`;
}

/** "unknown flag --fromat (did you mean --format?)" from Node's "Unknown option '--fromat'…". */
function unknownFlag(message: string, options: readonly OptionSpec[]): string {
  const given = /option '([^']*)'/.exec(message)?.[1];
  if (!given) return `unknown flag; see --help for the options`;
  const name = given.split('=')[0]!;
  const known = options.flatMap((o) => [`--${o.name}`, ...(o.short && !name.startsWith('--') ? [`-${o.short}`] : [])]);
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
