import { fieldPath } from '../model/source.js';
import { lazySource } from './lazy-source.js';
import { pathOffset } from './json-positions.js';
import type { JsonListFile } from './json-list-file.js';
import type { Locator, Path } from './locate.js';

/**
 * Locators into a list read from its file (json-list-file.ts), giving the positions jsonLocators
 * gives for the same text: an item's own position is known from the first pass; a field inside
 * it is found by reading the item again (most positions are never printed). Positions in the
 * list's own fields are its opening brace's.
 */
export function listFileLocators(file: string, list: JsonListFile): (prefix: Path) => Locator {
  return (prefix) => {
    const item = prefix.length === 2 && prefix[0] === 'items' && typeof prefix[1] === 'number' ? prefix[1] : undefined;
    return {
      at: (path: Path) => lazySource(file, 0, path.length ? fieldPath(path) : undefined, () => (item === undefined ? list.root : itemPosition(list, item, path))),
    };
  };
}

function itemPosition(list: JsonListFile, i: number, path: Path): { line: number; col: number } {
  const line = list.lines[i]!;
  if (path.length === 0 && !list.nonAscii) return { line, col: list.starts[i]! - list.lineStarts[i]! + 1 };
  let read: { before: string; text: string };
  try {
    read = list.itemText(i);
  } catch {
    // The file changed or went away since it was read: the item's line is still known.
    return { line, col: 1 };
  }
  const { before, text } = read;
  const offset = pathOffset(text, 0, path);
  let lines = 0;
  let lastBreak = -1;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    lines++;
    lastBreak = nl;
  }
  return { line: line + lines, col: lastBreak >= 0 ? offset - lastBreak : before.length + offset + 1 };
}
