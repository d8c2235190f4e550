import type { LoadOptions } from '../src/load/load-snapshot.js';
import type { ReadOptions } from '../src/load/read-inputs.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SemanticsChoice } from '../src/model/semantics.js';
import { UsageError } from './errors.js';

export const COMMON_OPTIONS = {
  file: { type: 'string', short: 'f', multiple: true },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
  semantics: { type: 'string' },
  'legacy-semantics': { type: 'boolean' },
  namespace: { type: 'string', short: 'n' },
  kustomize: { type: 'string', short: 'k', multiple: true },
  'follow-symlinks': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export const KUSTOMIZE_HELP = `  -k, --kustomize DIR   a kustomize folder, read as kubectl kustomize DIR renders it; repeatable`;

export const NAMESPACE_HELP = `  -n, --namespace NS    the namespace of manifests that name none, as with kubectl apply -n
                        (default: default)`;

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

export const SEMANTICS_HELP = `      --semantics S   auto (default) | v1 | legacy: how to read policies (legacy = Kubernetes
                      1.2–1.6 namespace isolation annotations); --legacy-semantics = legacy
      --follow-symlinks  follow symlinks in a folder that point outside it (default: skipped,
                      with a warning)`;

/** --semantics / --legacy-semantics. */
export function semanticsOption(p: Parsed): SemanticsChoice {
  if (flag(p, 'legacy-semantics')) return 'legacy';
  return oneOf<SemanticsChoice>('semantics', str(p, 'semantics'), ['auto', 'v1', 'legacy'], 'auto');
}

export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** node:util parseArgs, with its errors turned into usage errors. */
export function parse(argv: string[], options: NonNullable<ParseArgsConfig['options']>): Parsed {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true }) as Parsed;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
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
