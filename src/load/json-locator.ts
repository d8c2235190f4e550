import { fieldPath, type SourceRef } from '../model/source.js';
import { lazySource } from './lazy-source.js';
import { childOffset, elementOffsets, pathOffset } from './json-positions.js';
import { LineIndex } from './line-index.js';
import type { Locator, Path } from './locate.js';

/**
 * Locators into a JSON text. The offsets of a top-level `items` list are found in one pass,
 * so that ten thousand list items cost one scan, not ten thousand (none when the caller has them).
 */
export function jsonLocators(file: string, text: string, itemStarts?: number[]): (prefix: Path) => Locator {
  let lineIndex: LineIndex | undefined;
  const lines = (): LineIndex => (lineIndex ??= new LineIndex(text));
  const root = text.search(/\S/);
  let items: number[] | undefined = itemStarts;
  const start = (prefix: Path): number | undefined => {
    if (prefix.length === 2 && prefix[0] === 'items' && typeof prefix[1] === 'number') {
      if (!items) {
        const at = childOffset(text, root, 'items');
        items = at === undefined ? [] : elementOffsets(text, at);
      }
      return items[prefix[1]];
    }
    let offset: number | undefined = root;
    for (const seg of prefix) offset = offset === undefined ? undefined : childOffset(text, offset, seg);
    return offset;
  };
  return (prefix) => ({
    at: (path: Path): SourceRef => lazySource(file, 0, path.length ? fieldPath(path) : undefined, () => lines().linePos(pathOffset(text, start(prefix) ?? root, path))),
  });
}
