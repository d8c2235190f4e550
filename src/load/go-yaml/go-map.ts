import { jsonKey, jsonValue, type GoScalar } from '../go-yaml-scalar.js';
import { YamlSyntaxError } from './reader.js';

/**
 * A Go map[interface{}]interface{} as go-yaml fills it: keys are typed (the int 1 and the
 * string "1" are two keys), the last value set wins. Turned into JSON (toJson) as
 * sigs.k8s.io/yaml then does, after the whole document is decoded: a value or key JSON cannot
 * hold (±Inf, NaN, a null or uint64 key) refuses the document only if it is still there then.
 */
type Value = GoScalar | GoMap | Value[];

export interface MapWarning {
  message: string;
  offset: number;
}

export class GoMap {
  readonly entries = new Map<string, { key: GoScalar; value: Value; offset: number }>();

  constructor(private readonly warnings: MapWarning[]) {}

  /** `explicit`: written in this mapping (not merged in), so a key set twice is worth a warning. */
  set(key: GoScalar, value: Value, offset: number, explicit: boolean): void {
    const id = `${key.kind}:${String(key.kind === 'null' ? '' : key.value)}`;
    if (explicit && this.entries.has(id)) {
      const name = key.kind === 'str' ? key.value : String(key.kind === 'null' ? 'null' : key.value);
      this.warnings.push({ message: `key "${name.slice(0, 60)}" is set more than once; kubectl keeps the last value`, offset });
    }
    this.entries.set(id, { key, value, offset });
  }
}

/**
 * Go's JSON decoding reads 10,000 levels of arrays and objects and refuses more
 * (encoding/json's and sigs.k8s.io/json's maxNestingDepth): YAMLToJSON writes such a document,
 * but kubectl cannot read it back. A sequence 5,000 deep holding flow mappings 5,001 deep is
 * within each of go-yaml's limits and over this one.
 */
const MAX_JSON_DEPTH = 10_000;

/** The JSON value of a decoded document (iterative: documents nest 10,000 deep). */
export function toJson(root: Value, warnings: MapWarning[]): unknown {
  const result: { value?: unknown } = {};
  const work: [Value, (v: unknown) => void, number][] = [[root, (v) => (result.value = v), 0]];
  while (work.length > 0) {
    const [value, put, depth] = work.pop()!;
    if ((Array.isArray(value) || value instanceof GoMap) && depth >= MAX_JSON_DEPTH) {
      throw new YamlSyntaxError(`json: exceeded max depth of ${MAX_JSON_DEPTH} (kubectl's JSON decoding refuses it)`, 0);
    }
    if (Array.isArray(value)) {
      const out: unknown[] = new Array<unknown>(value.length);
      put(out);
      for (let i = value.length - 1; i >= 0; i--) work.push([value[i]!, (v) => (out[i] = v), depth + 1]);
    } else if (value instanceof GoMap) {
      const out: Record<string, unknown> = {};
      put(out);
      const seen = new Set<string>();
      const entries = [...value.entries.values()];
      for (const { key, offset } of entries) {
        let name: string;
        try {
          name = jsonKey(key);
        } catch (e) {
          throw new YamlSyntaxError(`${(e as Error).message}, key at this position`, offset);
        }
        if (seen.has(name)) warnings.push({ message: `keys of different types both become "${name.slice(0, 60)}" in JSON; which one kubectl keeps is not defined`, offset });
        seen.add(name);
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const { key, value: v } = entries[i]!;
        const name = jsonKey(key);
        work.push([v, (x) => Object.defineProperty(out, name, { value: x, enumerable: true, writable: true, configurable: true }), depth + 1]);
      }
    } else {
      try {
        put(jsonValue(value));
      } catch (e) {
        throw new YamlSyntaxError((e as Error).message, 0);
      }
    }
  }
  return result.value;
}
