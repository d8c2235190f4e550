/**
 * Command-line flags of the benchmark scripts: node:util parseArgs in strict mode, so an unknown
 * flag or a missing value is refused with a message and exit code 2 instead of running the whole
 * benchmark; `-h`/`--help` prints the usage and exits 0.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export class UsageError extends Error {}

export type Values<O extends Options> = { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };

/** Parses argv against `options` (plus --help); prints usage and exits on --help or a bad flag. */
export function parseScriptArgs<const O extends Options>(script: string, usage: string, options: O, argv: string[] = process.argv.slice(2)): Values<O> {
  try {
    const all: Options = { ...options, help: { type: 'boolean', short: 'h' } };
    const { values } = parseArgs({ args: argv, options: all, strict: true, allowPositionals: false });
    if (values['help']) {
      process.stdout.write(`${usage.trimEnd()}\n`);
      process.exit(0);
    }
    return values as Values<O>;
  } catch (e) {
    return fail(script, usage, (e as Error).message);
  }
}

/** Prints the problem and the usage on stderr and exits 2. */
export function fail(script: string, usage: string, message: string): never {
  process.stderr.write(`${script}: ${message}\n\n${usage.trimEnd()}\n`);
  process.exit(2);
}

/** A flag's value as a whole number ≥ min, or a usage error. */
export function intFlag(script: string, usage: string, name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) fail(script, usage, `--${name} expects a whole number ≥ ${min}, got '${value}'`);
  return n;
}

/** A comma-separated flag value, each item one of `allowed` (when given), or a usage error. */
export function listFlag<T extends string>(script: string, usage: string, name: string, value: string | undefined, fallback: readonly T[], allowed?: readonly T[]): T[] {
  if (value === undefined) return [...fallback];
  const items = value.split(',').map((s) => s.trim()).filter(Boolean) as T[];
  const bad = allowed ? items.filter((i) => !allowed.includes(i)) : [];
  if (!items.length || bad.length) fail(script, usage, `--${name} expects a comma-separated list${allowed ? ` of ${allowed.join(', ')}` : ''}, got '${value}'`);
  return items;
}

/** A comma-separated list of whole numbers (sizes: 2000,5000 or 2k,5k). */
export function sizesFlag(script: string, usage: string, name: string, value: string | undefined, fallback: readonly number[]): number[] {
  if (value === undefined) return [...fallback];
  return value.split(',').map((s) => {
    const m = /^(\d+)(k?)$/i.exec(s.trim());
    if (!m) fail(script, usage, `--${name} expects sizes such as 2000,10k, got '${value}'`);
    return Number(m[1]) * (m[2] ? 1000 : 1);
  });
}
