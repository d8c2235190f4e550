import { isRecord } from '../object-reader.js';

/**
 * What the API server's JSON decoding makes of null and absent fields, for the typed views the
 * validators take (validation/): a null struct field is absent, a null string-map value is "",
 * a null list entry is the entry type's zero value. Only called on objects whose field types
 * were already checked (kinds/*.ts report wrong types), so values here are of the right type
 * or null.
 */
type Raw = unknown;

/** A string field: absent or null is undefined. */
export function str(v: Raw): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A number field: absent or null is undefined. */
export function num(v: Raw): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** A map[string]string: null values are "". */
export function stringMap(v: Raw): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  let plain = true;
  for (const k in v) if (typeof v[k] !== 'string') plain = false;
  if (plain) return v as Record<string, string>; // the common case: nothing to copy
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) out[k] = typeof x === 'string' ? x : '';
  return out;
}

/** A list: null entries become `zero(null)`, as the element type's zero value. */
export function list<T>(v: Raw, item: (x: Raw) => T): T[] | undefined {
  return Array.isArray(v) ? v.map((x) => item(x)) : undefined;
}

/** A list of strings: null entries are "". */
export function strings(v: Raw): string[] | undefined {
  return list(v, (x) => (typeof x === 'string' ? x : ''));
}

export function field(v: Raw, name: string): Raw {
  return isRecord(v) ? v[name] : undefined;
}
