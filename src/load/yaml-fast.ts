import jsYaml from 'js-yaml';
import type { LineCounter } from 'yaml';
import { fieldPath, type SourceRef } from '../model/source.js';
import { lazySource } from './lazy-source.js';
import { LineIndex } from './line-index.js';
import { makeLocator, type Locator, type Path } from './locate.js';
import { retab } from './retab.js';
import { contentEnd, isSimpleText, NOT_SIMPLE, positionOf, readSimplePositions, readSimpleYaml, type NodePosition } from './yaml-simple.js';
import { yamlLib } from './yaml-lib.js';

/**
 * The fast way through big YAML: the simple block reader (yaml-simple.ts) or else js-yaml reads
 * the values (both several times faster than the yaml package), and positions are found lazily
 * — an object's first line by scanning lines, a field's position by reading just that object's
 * lines again when somebody asks. The text is never cut into an array of lines: a dump has
 * millions. Returns `undefined` when the text needs the careful path (syntax errors, anchors,
 * directives): the yaml package then reports problems with their positions.
 */
export interface FastDocument {
  value: unknown;
  locate: (prefix: Path) => Locator;
}

/**
 * A stretch of the text: offsets [from, to) and the number (0-based) of its first line, which
 * is counted when a position needs it.
 */
interface Region {
  from: number;
  to: number;
  line?: number;
}

const ANCHOR_OR_ALIAS = /(^|[\s[{,:-])[&*][^\s,[\]{}]/m;
/** Lines that start with a document marker or a directive (a line starts after LF only: not after a CR or U+2028, as `^` would). */
const MARKER_OR_DIRECTIVE = /(?<![^\n])(?:---|\.\.\.|%)[^\n]*/g;
const MARKER = /^(---|\.\.\.)\s*(#.*)?$/;
const EMPTY_LINE = /^\s*(#.*)?$/;

/**
 * Calls visit(start, end, line) for each line of text[from, to) (end: before the line break and a
 * CR before it), numbering them from firstLine, until visit returns true; returns whether one did.
 */
function someLine(text: string, from: number, to: number, firstLine: number, visit: (start: number, end: number, line: number) => boolean): boolean {
  let line = firstLine;
  for (let start = from; start < to; line++) {
    let nl = text.indexOf('\n', start);
    if (nl < 0 || nl >= to) nl = to;
    if (visit(start, contentEnd(text, start, nl), line)) return true;
    start = nl + 1;
  }
  return false;
}

export function parseYamlFast(file: string, text: string): FastDocument[] | undefined {
  const chunks: Region[] = [];
  let from = 0;
  MARKER_OR_DIRECTIVE.lastIndex = 0;
  for (let m = MARKER_OR_DIRECTIVE.exec(text); m; m = MARKER_OR_DIRECTIVE.exec(text)) {
    // A directive (`%YAML 1.1` changes how scalars read) or content on a marker line: the careful path.
    if (m[0].startsWith('%') || !MARKER.test(m[0].trimEnd())) return undefined;
    chunks.push({ from, to: m.index });
    from = Math.min(text.length, m.index + m[0].length + 1);
  }
  chunks.push({ from, to: text.length });
  const lines = new LineIndex(text);
  const lineOf = (region: Region): number => (region.line ??= lines.linePos(region.from).line - 1);
  // Text before the first `---` is a document only if it holds content (comments belong to the next one).
  if (chunks.length > 1 && !firstContent(text, chunks[0]!, 0)) chunks.shift();
  const docs: FastDocument[] = [];
  const simple = isSimpleText(text);
  for (const [docIndex, c] of chunks.entries()) {
    let value = simple ? readSimpleYaml(text, c.from, c.to) : NOT_SIMPLE;
    if (value === NOT_SIMPLE) {
      // Anchors and aliases take the careful path, which bounds alias expansion.
      const body = text.slice(c.from, c.to);
      if (ANCHOR_OR_ALIAS.test(body)) return undefined;
      try {
        value = jsYaml.load(body, { schema: jsYaml.CORE_SCHEMA, json: false });
      } catch {
        return undefined;
      }
    }
    if (value === undefined || value === null) continue;
    docs.push({ value, locate: chunkLocators(file, docIndex, text, c, value, lineOf) });
  }
  return docs;
}

/** The first line of the region that holds content (not blank, not a comment); its first line is numbered firstLine. */
function firstContent(text: string, region: Region, firstLine: number): { start: number; end: number; line: number } | undefined {
  let found: { start: number; end: number; line: number } | undefined;
  someLine(text, region.from, region.to, firstLine, (start, end, line) => !EMPTY_LINE.test(text.slice(start, end)) && !!(found = { start, end, line }));
  return found;
}

type LineOf = (region: Region) => number;

function chunkLocators(file: string, doc: number, text: string, chunk: Region, value: unknown, lineOf: LineOf): (prefix: Path) => Locator {
  let items: Region[] | null | undefined;
  /** The lines of each entry of the top-level `items:` list, or null when they cannot be told reliably. */
  const itemRegions = (): Region[] | null => {
    if (items !== undefined) return items;
    items = null;
    const count = Array.isArray((value as { items?: unknown }).items) ? (value as { items: unknown[] }).items.length : -1;
    if (count < 0) return items;
    const starts: { from: number; line: number }[] = [];
    let header = false;
    let indent = -1;
    let listEnd = chunk.to;
    // Characters are looked at in place: a dump's list has millions of lines.
    someLine(text, chunk.from, chunk.to, lineOf(chunk), (start, end, line) => {
      if (!header) {
        header = /^items:\s*(#.*)?$/.test(text.slice(start, end));
        return false;
      }
      let n = start;
      while (n < end && text.charCodeAt(n) === 32) n++;
      const dash = n < end && text.charCodeAt(n) === 45 && (n + 1 === end || text.charCodeAt(n + 1) === 32);
      if (dash && (indent < 0 || n - start === indent)) {
        if (indent < 0) indent = n - start;
        starts.push({ from: start, line });
      } else if (n === start && start < end && text.charCodeAt(start) !== 35 && !/\s/.test(text[start]!)) {
        listEnd = start; // the next top-level key
        return true;
      }
      return false;
    });
    if (starts.length === count) items = starts.map((s, i) => ({ ...s, to: starts[i + 1]?.from ?? listEnd }));
    return items;
  };
  const whole = lazyRegion(file, doc, text, chunk, false, lineOf);
  return (prefix) => {
    if (prefix.length === 2 && prefix[0] === 'items' && typeof prefix[1] === 'number') {
      const index = prefix[1];
      let region: Locator | undefined;
      const locator = (): Locator => {
        if (!region) {
          const found = itemRegions();
          region = found ? lazyRegion(file, doc, text, found[index]!, true, lineOf)([]) : whole(prefix);
        }
        return region;
      };
      return { at: (path) => lazySource(file, doc, path.length ? fieldPath(path) : undefined, () => locator().at(path)) };
    }
    return whole(prefix);
  };
}

/**
 * Locators into a region: `at([])` is its first content line; deeper paths read the region
 * again (once) with the simple reader, or else parse it with the yaml package. A list item's
 * region is one entry of a sequence (for the yaml package, its `- ` is blanked so columns stay
 * true).
 */
function lazyRegion(file: string, doc: number, text: string, region: Region, listItem: boolean, lineOf: LineOf): (prefix: Path) => Locator {
  let simple: NodePosition | null | undefined;
  const simplePositions = (): NodePosition | null => {
    if (simple === undefined) {
      const tree = isSimpleText(text.slice(region.from, region.to)) ? readSimplePositions(text, region.from, region.to) : undefined;
      simple = (listItem ? (tree?.items?.length === 1 ? tree.items[0] : undefined) : tree) ?? null;
    }
    return simple;
  };
  let parsed: { contents: unknown; counter: LineCounter } | undefined;
  const parse = () => {
    if (!parsed) {
      let body = text.slice(region.from, region.to);
      if (listItem) body = body.replace(/^(\s*)-( |$)/, '$1 $2');
      const { LineCounter, parseDocument } = yamlLib();
      let counter = new LineCounter();
      let d = parseDocument(body, { lineCounter: counter });
      if (d.errors.length) {
        // js-yaml read it, so the trouble is tab indentation inside a flow collection.
        counter = new LineCounter();
        d = parseDocument(retab(body).text, { lineCounter: counter });
      }
      parsed = { contents: d.contents, counter };
    }
    return parsed;
  };
  return (prefix) => ({
    at(path: Path): SourceRef {
      if (prefix.length === 0 && path.length === 0) {
        return lazySource(file, doc, undefined, () => {
          const found = firstContent(text, region, lineOf(region));
          const line = found ? text.slice(found.start, found.end) : '';
          return { line: (found?.line ?? lineOf(region)) + 1, col: (/^\s*(- )?/.exec(line)?.[0].length ?? 0) + 1 };
        });
      }
      // Positions inside an object are computed when first read: most are never printed.
      return lazySource(file, doc, path.length ? fieldPath(path) : undefined, () => {
        const tree = simplePositions();
        const found = tree ? positionOf(tree, prefix, path) : undefined;
        if (found) return { line: found.line + lineOf(region) + 1, col: found.col + 1 };
        const p = parse();
        const ref = makeLocator(file, doc, p.contents, p.counter, prefix).at(path);
        return { line: ref.line + lineOf(region), col: ref.col };
      });
    },
  });
}
