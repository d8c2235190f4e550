import { createRequire } from 'node:module';

/**
 * The yaml package, loaded on first use: JSON input and the fast YAML path never need it
 * unless a position is asked for, and loading it costs ~40 ms of start-up.
 */
type YamlLib = typeof import('yaml');
let lib: YamlLib | undefined;
export function yamlLib(): YamlLib {
  return (lib ??= createRequire(import.meta.url)('yaml') as YamlLib);
}
