import { resolvePlain, resolveTagged, type GoScalar } from '../go-yaml-scalar.js';
import type { CollectionNode, YamlNode } from './compose.js';
import { GoMap } from './go-map.js';
import { YamlSyntaxError } from './reader.js';
import { runNested, type Nested } from './trampoline.js';

/**
 * go-yaml v2's decoding of a node tree into Go's interface{} values (decode.go, unmarshal with
 * no type hints): map[interface{}]interface{} for mappings, []interface{} for sequences,
 * scalars resolved by resolve.go's rules (go-yaml-scalar.ts). Merge keys (`<<`, or tagged
 * `!!merge`) set the merged entries where they stand, later sources first; aliases are decoded
 * again where they are used, with go-yaml's bound on the share of decoding that comes from
 * aliases and its refusal of an alias inside its own anchor. Written as nested generators run
 * by a loop (trampoline.ts): 10,000 levels of nesting take no call stack.
 */
export type GoValue = GoScalar | GoMap | GoValue[];

const MERGE_TAG = 'tag:yaml.org,2002:merge';

/** go-yaml v2's alias bound (decode.go allowedAliasRatio). */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99;
  if (decodeCount >= 4_000_000) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - 400_000) / 3_600_000);
}

export function decodeGo(root: YamlNode): { value: GoValue; warnings: { message: string; offset: number }[] } {
  const d = new Decoder();
  d.count(0); // the document node
  const value = runNested(d.unmarshal(root));
  return { value, warnings: d.warnings };
}

function isMerge(n: YamlNode): boolean {
  return n.kind === 'scalar' && n.value === '<<' && (n.implicit || n.tag === MERGE_TAG);
}

class Decoder {
  readonly warnings: { message: string; offset: number }[] = [];
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly expanding = new Set<YamlNode>();

  count(offset: number): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw new YamlSyntaxError('document contains excessive aliasing', offset);
    }
  }

  /** A node's value; `into`: the map a merged mapping is set into. */
  *unmarshal(n: YamlNode, into?: GoMap): Nested<GoValue> {
    this.count(n.offset);
    switch (n.kind) {
      case 'alias': {
        if (this.expanding.has(n)) throw new YamlSyntaxError(`anchor '${n.name}' value contains itself`, n.offset);
        this.expanding.add(n);
        this.aliasDepth++;
        const value = (yield this.unmarshal(n.target, into)) as GoValue;
        this.aliasDepth--;
        this.expanding.delete(n);
        return value;
      }
      case 'scalar':
        return this.scalar(n.tag, n.implicit, n.value, n.offset);
      case 'sequence': {
        const out: GoValue[] = [];
        for (const item of n.items) out.push((yield this.unmarshal(item)) as GoValue);
        return out;
      }
      case 'mapping':
        return (yield this.mapping(n, into)) as GoValue;
    }
  }

  private *mapping(n: CollectionNode, into: GoMap | undefined): Nested<GoValue> {
    const out = into ?? new GoMap(this.warnings);
    for (let i = 0; i < n.items.length; i += 2) {
      const k = n.items[i]!;
      const v = n.items[i + 1]!;
      if (isMerge(k)) {
        yield this.merge(v, out);
        continue;
      }
      const key = (yield this.unmarshal(k)) as GoValue;
      if (key instanceof GoMap || Array.isArray(key)) throw new YamlSyntaxError('invalid map key: a collection', k.offset);
      const value = (yield this.unmarshal(v)) as GoValue;
      out.set(key, value, k.offset, into === undefined);
    }
    return out;
  }

  /** A `<<` value: a mapping, an alias of one, or a sequence of those (the earlier ones win). */
  private *merge(n: YamlNode, out: GoMap): Nested<void> {
    const isMapping = (m: YamlNode): boolean => m.kind === 'mapping' || (m.kind === 'alias' && m.target.kind === 'mapping');
    const wantMap = (): never => {
      throw new YamlSyntaxError('map merge requires map or sequence of maps as the value', n.offset);
    };
    if (n.kind === 'sequence') {
      for (let i = n.items.length - 1; i >= 0; i--) {
        const item = n.items[i]!;
        if (!isMapping(item)) wantMap();
        yield this.unmarshal(item, out);
      }
      return;
    }
    if (!isMapping(n)) wantMap();
    yield this.unmarshal(n, out);
  }

  private scalar(tag: string, implicit: boolean, text: string, offset: number): GoScalar {
    if (tag === '' && !implicit) return { kind: 'str', value: text };
    if (tag === '') return resolvePlain(text);
    try {
      return resolveTagged(tag, text);
    } catch (e) {
      throw new YamlSyntaxError((e as Error).message, offset);
    }
  }
}
