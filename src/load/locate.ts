import type { LineCounter, Node as YamlNode } from 'yaml';
import { fieldPath, type SourceRef } from '../model/source.js';
import { yamlLib } from './yaml-lib.js';

export type Path = readonly (string | number)[];

/** Maps field paths inside one object to source positions. */
export interface Locator {
  /** Position of the deepest node on `path` that exists; `field` names the full path. */
  at(path: Path): SourceRef;
}

function childOf(node: unknown, seg: string | number): { node: unknown; keyOffset?: number } | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlLib();
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (String(key) === String(seg)) {
        const keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        return { node: pair.value ?? pair.key, keyOffset };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof seg === 'number') {
    const item = node.items[seg];
    return item === undefined ? undefined : { node: item };
  }
  return undefined;
}

export function makeLocator(
  file: string,
  doc: number,
  root: unknown,
  lineCounter: LineCounter,
  prefix: Path = [],
): Locator {
  const { isMap, isSeq } = yamlLib();
  const offsetOf = (n: unknown): number | undefined => (n as YamlNode | null)?.range?.[0];
  return {
    at(path: Path): SourceRef {
      let node: unknown = root;
      for (const seg of prefix) node = childOf(node, seg)?.node;
      let offset = offsetOf(node) ?? 0;
      for (const seg of path) {
        const next = childOf(node, seg);
        if (!next) break;
        node = next.node;
        const valueOffset = offsetOf(node);
        // A mapping value starts on the line after its key: point at the key, as editors do.
        offset = isMap(node) || isSeq(node) ? (next.keyOffset ?? valueOffset ?? offset) : (valueOffset ?? offset);
      }
      const pos = lineCounter.linePos(offset);
      const ref: SourceRef = { file, doc, line: pos.line, col: pos.col };
      if (path.length) ref.field = fieldPath(path);
      return ref;
    },
  };
}
