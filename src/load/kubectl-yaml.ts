import type { Document, Node as YamlNode } from 'yaml';
import { jsonKey, jsonValue, resolvePlain, resolveTagged, type GoScalar } from './go-yaml-scalar.js';
import { kubectlTabs } from './retab.js';
import { isSimpleText, NOT_SIMPLE, readSimpleYaml } from './yaml-simple.js';
import { yamlLib } from './yaml-lib.js';

/**
 * One YAML document read as kubectl reads it: `sigs.k8s.io/yaml.YAMLToJSON`, i.e. go-yaml v2's
 * decoding into Go maps and slices, then the conversion to JSON. The simple reader
 * (yaml-simple.ts) takes the documents machines write; anything else is parsed by the yaml
 * package and its tree decoded here with go-yaml v2's rules:
 * - plain scalars resolved as go-yaml resolves them (go-yaml-scalar.ts), quoted ones strings;
 * - a key set twice keeps the last value (with a warning: kubectl says nothing);
 * - merge keys `<<` set the merged entries where they stand: later keys override them, and
 *   they override earlier keys (go-yaml v2's order, not the YAML 1.1 spec's);
 * - non-string keys become JSON keys as sigs.k8s.io/yaml writes them; null keys, collections as
 *   keys, ±Inf and NaN values refuse the document;
 * - aliases expand, with go-yaml's bound on the share of nodes that come from aliases.
 * The differential test against the real Go program (test/load/kubectl-yaml.test.ts) holds
 * both paths to kubectl's answers.
 */
export interface YamlWarning {
  message: string;
  /** Offset into the document's text. */
  offset: number;
}

export type KubectlYamlResult =
  | { ok: true; value: unknown; warnings: YamlWarning[] }
  | { ok: false; error: string; offset: number };

/** One document as kubectl's YAMLReader hands it to YAMLToJSON (no `---` separator lines inside). */
export function decodeKubectlYaml(text: string): KubectlYamlResult {
  const control = CONTROL.exec(text);
  if (control) return { ok: false, error: 'control characters are not allowed', offset: control.index };
  if (isSimpleText(text)) {
    const value = readSimpleYaml(text);
    if (value !== NOT_SIMPLE) return { ok: true, value, warnings: [] };
  }
  return decodeCarefully(text);
}

/** Characters go-yaml's reader refuses anywhere (readerc.go): C0/C1 controls but tab, LF, CR and NEL; U+FFFE/U+FFFF; lone surrogates. */
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The escapes go-yaml's scanner knows in double-quoted scalars (scannerc.go); `\/` is not one. */
const ESCAPE = /\\(?:[0abt\tnvfre "'\\N_LP]|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|\r?\n|(.|$))/g;

/** Why go-yaml refuses the escapes of a double-quoted scalar's source, or undefined. */
export function escapeProblem(source: string): string | undefined {
  ESCAPE.lastIndex = 0;
  for (let m = ESCAPE.exec(source); m; m = ESCAPE.exec(source)) {
    if (m[4] !== undefined) return 'found unknown escape character';
    const hex = m[1] ?? m[2] ?? m[3];
    if (hex !== undefined) {
      const code = parseInt(hex, 16);
      if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return 'found invalid Unicode character escape code';
    }
  }
  return undefined;
}

class DecodeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** The yaml package's tree decoded with go-yaml v2's rules. */
export function decodeCarefully(text: string): KubectlYamlResult {
  const control = CONTROL.exec(text);
  if (control) return { ok: false, error: 'control characters are not allowed', offset: control.index };
  // Tabs where Go's reader refuses them, and where it takes them but the yaml package does not.
  const tabs = kubectlTabs(text);
  if (tabs.error) return { ok: false, error: tabs.error.message, offset: tabs.error.offset };
  const { doc, errors } = parseFirstDocument(tabs.text);
  if (errors.length > 0) {
    const e = errors[0]!;
    return { ok: false, error: /call stack/.test(e.message) ? 'nested too deeply' : e.message.split('\n')[0]!, offset: e.offset };
  }
  if (!doc) return { ok: true, value: null, warnings: [] };
  const decoder = new GoDecoder(doc, tabs.text);
  try {
    const value = decoder.value(doc.contents, true);
    return { ok: true, value, warnings: decoder.warnings };
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, error: e.message, offset: e.offset };
    if (e instanceof RangeError) return { ok: false, error: 'nested too deeply', offset: 0 };
    throw e;
  }
}

function parseFirstDocument(text: string): { doc: Document | undefined; errors: { message: string; offset: number }[] } {
  const { parseAllDocuments } = yamlLib();
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { schema: 'failsafe', uniqueKeys: false, merge: false, prettyErrors: false, strict: false, resolveKnownTags: false });
  } catch (e) {
    if (e instanceof RangeError) return { doc: undefined, errors: [{ message: 'nested too deeply', offset: 0 }] };
    throw e;
  }
  const list = Array.isArray(docs) ? docs : [docs];
  // go-yaml reads the first document of what it is given (kubectl has split the stream already).
  const doc = list[0] as Document | undefined;
  const errors = (doc?.errors ?? []).map((e) => ({ message: e.message, offset: e.pos[0] }));
  return { doc, errors };
}

/** go-yaml v2's alias bound (decode.go allowedAliasRatio). */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99;
  if (decodeCount >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000);
}

const DEPTH_LIMIT = 10_000;

class GoDecoder {
  readonly warnings: YamlWarning[] = [];
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private depth = 0;
  private readonly expanding = new Set<unknown>();
  private readonly lib = yamlLib();

  constructor(
    private readonly doc: Document,
    private readonly text: string,
  ) {}

  /** Counts one decoded node as go-yaml's unmarshal does, failing on excessive aliasing. */
  private count(at: unknown): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw new DecodeError('document contains excessive aliasing', offsetOf(at));
    }
  }

  /** The JSON value of a node (`top`: the document itself, which go-yaml counts too). */
  value(node: unknown, top = false): unknown {
    if (top) this.count(node);
    this.count(node);
    if (++this.depth > DEPTH_LIMIT) throw new DecodeError('nested too deeply', offsetOf(node));
    try {
      const { isAlias, isMap, isScalar, isSeq } = this.lib;
      if (node === null || node === undefined) return null;
      if (isAlias(node)) return this.alias(node, (target) => this.value(target));
      if (isScalar(node)) return jsonOf(this.scalar(node), node);
      if (isSeq(node)) return node.items.map((item) => this.value(item));
      if (isMap(node)) {
        const out = new GoMap();
        this.fill(node, out);
        return out.toObject(this.warnings);
      }
      // Collections the yaml package types by their tag (!!omap, !!pairs, !!set): go-yaml reads them by their shape.
      const items = (node as { items?: unknown[] }).items;
      if (Array.isArray(items)) {
        if (items.length > 0 && items.every((i) => this.lib.isPair(i))) {
          const out = new GoMap();
          this.fill(node, out);
          return out.toObject(this.warnings);
        }
        return items.map((item) => this.value(item));
      }
      throw new DecodeError('unexpected YAML node', offsetOf(node));
    } finally {
      this.depth--;
    }
  }

  private alias<T>(node: YamlNode, decode: (target: unknown) => T): T {
    const target = (node as unknown as { resolve(doc: Document): unknown }).resolve(this.doc);
    const name = (node as unknown as { source: string }).source;
    if (target === undefined) throw new DecodeError(`unknown anchor '${name}' referenced`, offsetOf(node));
    if (this.expanding.has(node)) throw new DecodeError(`anchor '${name}' value contains itself`, offsetOf(node));
    this.expanding.add(node);
    this.aliasDepth++;
    try {
      return decode(target);
    } finally {
      this.aliasDepth--;
      this.expanding.delete(node);
    }
  }

  private scalar(node: YamlNode): GoScalar {
    const s = node as unknown as { type?: string; tag?: string; value: unknown; source?: string };
    const text = typeof s.source === 'string' ? s.source : typeof s.value === 'string' ? s.value : '';
    try {
      if (s.tag) return resolveTagged(s.tag, text);
    } catch (e) {
      throw new DecodeError((e as Error).message, offsetOf(node));
    }
    if (s.type === 'PLAIN') return resolvePlain(text);
    if (s.type === 'QUOTE_DOUBLE') {
      const range = (node as unknown as { range: [number, number] }).range;
      const problem = escapeProblem(this.text.slice(range[0], range[1]));
      if (problem) throw new DecodeError(problem, range[0]);
    }
    return { kind: 'str', value: s.type === 'BLOCK_LITERAL' || s.type === 'BLOCK_FOLDED' ? this.clipAtEnd(node, text) : text };
  }

  /**
   * A clipped block scalar that ends the text without a line break has none in Go's reading
   * (the yaml package adds one).
   */
  private clipAtEnd(node: YamlNode, text: string): string {
    const [from, to] = (node as unknown as { range: [number, number] }).range;
    const source = this.text;
    if (to < source.length || source.endsWith('\n') || !text.endsWith('\n')) return text;
    const header = /^[|>]([-+0-9]*)/.exec(source.slice(from).replace(/^(![^\s]*|&[^\s]*|\s)+/, ''))?.[1] ?? '';
    return header.includes('-') ? text : text.slice(0, -1);
  }

  /** The entries of a mapping node set into out, in go-yaml's order (merges where they stand). */
  private fill(node: unknown, out: GoMap): void {
    const { isScalar } = this.lib;
    for (const pair of (node as { items: { key: unknown; value: unknown }[] }).items) {
      const key = pair.key;
      if (isScalar(key) && key.type === 'PLAIN' && !key.tag && (key.source ?? key.value) === '<<') {
        this.merge(pair.value, out);
        continue;
      }
      const typed = this.key(key);
      const value = this.value(pair.value);
      out.set(typed, value, offsetOf(key), true);
    }
  }

  /** A `<<` value: a mapping, an alias of one, or a sequence of those (the earlier ones win). */
  private merge(value: unknown, out: GoMap): void {
    const { isAlias, isMap, isSeq } = this.lib;
    const wantMap = (): never => {
      throw new DecodeError('map merge requires map or sequence of maps as the value', offsetOf(value));
    };
    const mergeOne = (n: unknown): void => {
      if (isMap(n)) {
        this.count(n);
        this.fill(n, new MergeTarget(out));
      } else if (isAlias(n)) {
        this.count(n);
        this.alias(n, (target) => {
          if (!isMap(target)) wantMap();
          this.count(target);
          this.fill(target, new MergeTarget(out));
        });
      } else wantMap();
    };
    if (isSeq(value)) {
      for (let i = value.items.length - 1; i >= 0; i--) {
        const item = value.items[i];
        if (!isMap(item) && !(isAlias(item) && isMap((item as unknown as { resolve(d: Document): unknown }).resolve(this.doc)))) wantMap();
        mergeOne(item);
      }
      return;
    }
    if (isAlias(value) || isMap(value)) return mergeOne(value);
    wantMap();
  }

  /** A key's Go value: a scalar (or an alias of one); collections are refused. */
  private key(node: unknown): GoScalar {
    const { isAlias, isScalar } = this.lib;
    this.count(node);
    if (node === null || node === undefined) return { kind: 'null' };
    if (isAlias(node)) {
      return this.alias(node, (target) => {
        this.count(target);
        if (!isScalar(target)) throw new DecodeError('invalid map key: a collection', offsetOf(node));
        return this.scalar(target);
      });
    }
    if (!isScalar(node)) throw new DecodeError('invalid map key: a collection', offsetOf(node));
    return this.scalar(node);
  }
}

function jsonOf(s: GoScalar, node: unknown): unknown {
  try {
    return jsonValue(s);
  } catch (e) {
    throw new DecodeError((e as Error).message, offsetOf(node));
  }
}

function offsetOf(node: unknown): number {
  return (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
}

/**
 * A Go map[interface{}]interface{}: keys are typed (the int 1 and the string "1" are two keys),
 * the last value set wins; turned into a JSON object as sigs.k8s.io/yaml does.
 */
class GoMap {
  private readonly entries = new Map<string, { key: GoScalar; value: unknown; offset: number }>();

  set(key: GoScalar, value: unknown, offset: number, explicit: boolean): void {
    const id = `${key.kind}:${String(key.kind === 'null' ? '' : key.value)}`;
    const before = this.entries.get(id);
    if (before && explicit) this.duplicates.push({ key, offset });
    this.entries.set(id, { key, value, offset });
  }

  readonly duplicates: { key: GoScalar; offset: number }[] = [];

  toObject(warnings: YamlWarning[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    for (const { key, offset } of this.duplicates) {
      const name = key.kind === 'str' ? key.value : String(key.kind === 'null' ? 'null' : key.value);
      warnings.push({ message: `key "${name.slice(0, 60)}" is set more than once; kubectl keeps the last value`, offset });
    }
    for (const { key, value, offset } of this.entries.values()) {
      let name: string;
      try {
        name = jsonKey(key);
      } catch (e) {
        throw new DecodeError(`${(e as Error).message}, key at this position`, offset);
      }
      if (seen.has(name)) {
        warnings.push({ message: `keys of different types both become "${name.slice(0, 60)}" in JSON; which one kubectl keeps is not defined`, offset });
      }
      seen.set(name, offset);
      if (name === '__proto__') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
      else out[name] = value;
    }
    return out;
  }
}

/** Entries merged with `<<` are set without duplicate warnings (overriding is what merges are for). */
class MergeTarget extends GoMap {
  constructor(private readonly target: GoMap) {
    super();
  }

  override set(key: GoScalar, value: unknown, offset: number): void {
    this.target.set(key, value, offset, false);
  }
}
