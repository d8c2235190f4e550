import { plainSource } from '../lazy-source.js';
import type { SourceRef } from '../../model/source.js';

/** Raised for a value the snapshot cache cannot keep as it is (a class instance it does not know, a function). */
export class NotCacheable extends Error {
  constructor(what: string) {
    super(`cannot keep ${what} in the snapshot cache`);
    this.name = 'NotCacheable';
  }
}

const isSourceRef = (v: object): v is SourceRef => 'file' in v && 'doc' in v && 'line' in v && 'col' in v;

/** A label named __proto__ stays a label. */
function define(out: Record<string, unknown>, key: string, v: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  else out[key] = v;
}

/** Deeper than any loaded object goes: a cycle. */
const MAX_DEPTH = 200;

/**
 * A copy of loaded data that the structured clone keeps whole: plain objects, arrays, Maps, Sets,
 * typed arrays and primitives (no object without a prototype: it would come back with one), with
 * lazily located source references (lazy-source.ts, whose positions live behind getters) turned
 * into plain ones. What needs no change is not copied; an object that does and is met twice is
 * copied twice (loaded data is read, never compared by identity across a cache part). `forbidden` objects (those another part of the cache holds)
 * throw, as anything unknown does.
 */
export function plainCopy(value: unknown, forbidden?: ReadonlySet<object>, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'function' || typeof value === 'symbol') throw new NotCacheable(typeof value === 'function' ? 'a function' : 'a symbol');
    return value;
  }
  if (depth > MAX_DEPTH) throw new NotCacheable('a cycle');
  if (forbidden?.has(value)) throw new NotCacheable('an object shared between two parts');
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Object.prototype) {
    // Copied only from the first field that changes: most of a pod (labels, ports) is kept as it is.
    let out: Record<string, unknown> | undefined;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const before = (value as Record<string, unknown>)[key];
      const v = plainCopy(before, forbidden, depth + 1);
      if (v === before && !out) continue;
      if (!out) {
        out = {};
        for (let j = 0; j < i; j++) define(out, keys[j]!, (value as Record<string, unknown>)[keys[j]!]);
      }
      define(out, key, v);
    }
    return out ?? value;
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = plainCopy(value[i], forbidden, depth + 1);
      if (v === value[i] && !out) continue;
      out ??= value.slice(0, i);
      out.push(v);
    }
    return out ?? value;
  }
  if (ArrayBuffer.isView(value)) return value;
  if (value instanceof Map) {
    const out = new Map();
    for (const [k, v] of value) out.set(plainCopy(k, forbidden, depth + 1), plainCopy(v, forbidden, depth + 1));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set();
    for (const v of value) out.add(plainCopy(v, forbidden, depth + 1));
    return out;
  }
  if (isSourceRef(value)) return plainSource(value);
  throw new NotCacheable(`an instance of ${(value.constructor as { name?: string } | undefined)?.name ?? 'a class'}`);
}
