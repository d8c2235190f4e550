import type { OptionSpec } from '../specs/option.js';

/** `-f --file`: the spellings of an option on a command line. */
export function flagsOf(o: OptionSpec): string[] {
  return [...(o.short ? [`-${o.short}`] : []), `--${o.name}`];
}
