import jsYaml from 'js-yaml';
import type { LineCounter } from 'yaml';
import { fieldPath, type SourceRef } from '../model/source.js';
import { lazySource } from './lazy-source.js';
import { makeLocator, type Locator, type Path } from './locate.js';
import { retab } from './retab.js';
import { NOT_SIMPLE, NOT_SIMPLE_CHARACTERS, positionOf, readSimplePositions, readSimpleYaml, type NodePosition } from './yaml-simple.js';
import { yamlLib } from './yaml-lib.js';

/**
 * The fast way through big YAML: the simple block reader (yaml-simple.ts) or else js-yaml reads
 * the values (both several times faster than the yaml package), and positions are found lazily — an object's first line by scanning lines, a field's
 * position by parsing just that object's lines with the yaml package when somebody asks.
 * Returns `undefined` when the text needs the careful path (syntax errors, anchors, directives):
 * the yaml package then reports problems with their positions.
 */
export interface FastDocument {
  value: unknown;
  locate: (prefix: Path) => Locator;
}

const ANCHOR_OR_ALIAS = /(^|[\s[{,:-])[&*][^\s,[\]{}]/m;
const LONE_CR = /\r(?!\n)/;

export function parseYamlFast(file: string, text: string): FastDocument[] | undefined {
  if (/^%/m.test(text) || ANCHOR_OR_ALIAS.test(text)) return undefined;
  // CR LF line ends are line ends to YAML: split there, so that no line keeps a CR.
  const crlf = text.includes('\r\n') && !LONE_CR.test(text);
  const lines = text.split(crlf ? /\r?\n/ : '\n');
  const chunks: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const first = l.charCodeAt(0);
    if ((first === 45 && l.startsWith('---')) || (first === 46 && l.startsWith('...'))) {
      if (!/^(---|\.\.\.)\s*(#.*)?$/.test(l.trimEnd())) return undefined; // content on a marker line
      chunks.push({ start, end: i });
      start = i + 1;
    }
  }
  chunks.push({ start, end: lines.length });
  // Text before the first `---` is a document only if it holds content (comments belong to the next one).
  if (chunks.length > 1 && firstContent(lines, chunks[0]!.start, chunks[0]!.end) === -1) chunks.shift();
  const docs: FastDocument[] = [];
  const simple = !NOT_SIMPLE_CHARACTERS.test(crlf ? text.replaceAll('\r\n', '\n') : text);
  for (const [docIndex, c] of chunks.entries()) {
    let value = simple ? readSimpleYaml(lines, c.start, c.end) : NOT_SIMPLE;
    if (value === NOT_SIMPLE) {
      try {
        value = jsYaml.load(lines.slice(c.start, c.end).join('\n'), { schema: jsYaml.CORE_SCHEMA, json: false });
      } catch {
        return undefined;
      }
    }
    if (value === undefined || value === null) continue;
    docs.push({ value, locate: chunkLocators(file, docIndex, lines, c.start, c.end, value) });
  }
  return docs;
}

/** First line in [from, to) that holds content (not blank, not a comment), or -1. */
function firstContent(lines: string[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (!/^\s*(#[^\n]*)?$/.test(lines[i]!)) return i;
  return -1;
}

function chunkLocators(file: string, doc: number, lines: string[], start: number, end: number, value: unknown): (prefix: Path) => Locator {
  let items: number[] | null | undefined;
  /** Start lines of the top-level `items:` list entries, or null when they cannot be told reliably. */
  const itemLines = (): number[] | null => {
    if (items !== undefined) return items;
    items = null;
    const count = Array.isArray((value as { items?: unknown }).items) ? (value as { items: unknown[] }).items.length : -1;
    const header = lines.findIndex((l, i) => i >= start && i < end && /^items:\s*(#.*)?$/.test(l));
    if (header < 0 || count < 0) return items;
    const found: number[] = [];
    let indent: string | undefined;
    for (let i = header + 1; i < end; i++) {
      const l = lines[i]!;
      const m = /^(\s*)- /.exec(l) ?? /^(\s*)-$/.exec(l);
      if (m && (indent === undefined || m[1] === indent)) {
        indent ??= m[1]!;
        found.push(i);
      } else if (/^\S/.test(l) && !l.startsWith('#')) break; // the next top-level key
    }
    if (found.length === count) items = found;
    return items;
  };
  const whole = lazyRegion(file, doc, lines, start, end, false);
  return (prefix) => {
    if (prefix.length === 2 && prefix[0] === 'items' && typeof prefix[1] === 'number') {
      const index = prefix[1];
      let region: Locator | undefined;
      const locator = (): Locator => {
        if (!region) {
          const found = itemLines();
          region = found ? lazyRegion(file, doc, lines, found[index]!, found[index + 1] ?? end, true)([]) : whole(prefix);
        }
        return region;
      };
      return { at: (path) => lazySource(file, doc, path.length ? fieldPath(path) : undefined, () => locator().at(path)) };
    }
    return whole(prefix);
  };
}

/**
 * Locators into lines [from, to): `at([])` is the first content line; deeper paths parse the
 * region with the yaml package (once). A list item's `- ` is blanked so columns stay true.
 */
function lazyRegion(file: string, doc: number, lines: string[], from: number, to: number, listItem: boolean): (prefix: Path) => Locator {
  const regionLines = (): string[] => {
    const region = lines.slice(from, to);
    if (listItem && region.length) region[0] = region[0]!.replace(/^(\s*)-( |$)/, '$1 $2');
    return region;
  };
  // Positions come from the simple reader where it can tell them, else from the yaml package.
  let simple: NodePosition | null | undefined;
  const simplePositions = (): NodePosition | null => {
    if (simple === undefined) {
      const region = regionLines();
      simple = region.some((l) => NOT_SIMPLE_CHARACTERS.test(l)) ? null : (readSimplePositions(region, 0, region.length) ?? null);
    }
    return simple;
  };
  let parsed: { contents: unknown; counter: LineCounter } | undefined;
  const parse = () => {
    if (!parsed) {
      const region = regionLines();
      const { LineCounter, parseDocument } = yamlLib();
      let counter = new LineCounter();
      let d = parseDocument(region.join('\n'), { lineCounter: counter });
      if (d.errors.length) {
        // js-yaml read it, so the trouble is tab indentation inside a flow collection.
        counter = new LineCounter();
        d = parseDocument(retab(region.join('\n')).text, { lineCounter: counter });
      }
      parsed = { contents: d.contents, counter };
    }
    return parsed;
  };
  return (prefix) => ({
    at(path: Path): SourceRef {
      if (prefix.length === 0 && path.length === 0) {
        return lazySource(file, doc, undefined, () => {
          const found = firstContent(lines, from, to);
          const line = found < 0 ? from : found;
          return { line: line + 1, col: (/^\s*(- )?/.exec(lines[line] ?? '')?.[0].length ?? 0) + 1 };
        });
      }
      // Positions inside an object are computed when first read: most are never printed.
      return lazySource(file, doc, path.length ? fieldPath(path) : undefined, () => {
        const tree = simplePositions();
        const found = tree ? positionOf(tree, prefix, path) : undefined;
        if (found) return { line: found.line + from + 1, col: found.col + 1 };
        const p = parse();
        const ref = makeLocator(file, doc, p.contents, p.counter, prefix).at(path);
        return { line: ref.line + from, col: ref.col };
      });
    },
  });
}
