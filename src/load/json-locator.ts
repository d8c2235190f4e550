import { fieldPath, type SourceRef } from '../model/source.js';
import { childOffset, elementOffsets, LineIndex } from './json-positions.js';
import type { Locator, Path } from './locate.js';

/**
 * Locators into a JSON text. The offsets of a top-level `items` list are found in one pass,
 * so that ten thousand list items cost one scan, not ten thousand.
 */
export function jsonLocators(file: string, text: string): (prefix: Path) => Locator {
  const lines = new LineIndex(text);
  const root = text.search(/\S/);
  let items: number[] | undefined;
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
    at(path: Path): SourceRef {
      let offset = start(prefix) ?? root;
      for (const seg of path) {
        const next = childOffset(text, offset, seg);
        if (next === undefined) break;
        offset = next;
      }
      const pos = lines.linePos(offset);
      const ref: SourceRef = { file, doc: 0, line: pos.line, col: pos.col };
      if (path.length) ref.field = fieldPath(path);
      return ref;
    },
  });
}
