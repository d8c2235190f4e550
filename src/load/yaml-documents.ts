import type { LineCounter } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { fieldPath, type SourceRef } from '../model/source.js';
import { CONTROL } from './go-yaml/reader.js';
import { decodeCarefully, decodeKubectlYaml, type KubectlYamlResult } from './kubectl-yaml.js';
import { lazySource } from './lazy-source.js';
import { LineIndex } from './line-index.js';
import { makeLocator, type Locator, type Path } from './locate.js';
import { kubectlTabs } from './retab.js';
import { contentEnd, isSimpleText, NOT_SIMPLE, positionOf, readSimplePositions, readSimpleYaml, type NodePosition } from './yaml-simple.js';
import { yamlLib } from './yaml-lib.js';

/**
 * A YAML stream read as kubectl reads it: split into documents by kubectl's YAMLReader (a line
 * that starts with `---` and holds nothing else but spaces and a comment), each document decoded
 * as sigs.k8s.io/yaml decodes it (kubectl-yaml.ts). A document that cannot be read is reported
 * and left out; the others still load. Positions are found lazily — an object's first line by
 * scanning lines, a field's position by reading just that object's lines again when somebody
 * asks. The text is never cut into an array of lines: a dump has millions.
 */
export interface YamlDocument {
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

/** Lines that start with `---` (a line starts after LF only: not after a CR or U+2028, as `^` would). */
const SEPARATOR_LINE = /(?<![^\n])---[^\n]*/g;
const NOT_PLAIN_ASCII = /[^\n\x20-\x7e]/;
/** A quick first look for CONTROL (whose look-arounds for lone surrogates are slow on megabytes). */
const MAYBE_CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/;
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

export interface ReadYamlOptions {
  /** false: every document through the careful reader (tests compare the two). */
  simple?: boolean;
}

export function readYamlDocuments(file: string, text: string, options: ReadYamlOptions = {}): { docs: YamlDocument[]; diagnostics: Diagnostic[] } {
  const chunks: (Region & { refused?: { message: string; line: number }; decodeFrom?: number })[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = new LineIndex(text);
  let from = 0;
  /** A separator line met with nothing read yet: kubectl's YAMLReader makes it the next document's first line. */
  let kept: number | undefined;
  let stopped = false;
  SEPARATOR_LINE.lastIndex = 0;
  for (let m = SEPARATOR_LINE.exec(text); m; m = SEPARATOR_LINE.exec(text)) {
    const rest = goTrimSpace(m[0].slice(3));
    if (rest !== '' && !rest.startsWith('#')) {
      // kubectl's YAMLReader fails here ("invalid Yaml document separator") and reads no more:
      // not the document this line would end, not anything after it.
      const message = `invalid document separator "${m[0].slice(0, 40)}": kubectl stops reading the file there (only a comment may follow ---); the document it ends and the rest of the file are skipped`;
      chunks.push({ from, to: text.length, refused: { message, line: lines.linePos(m.index).line } });
      stopped = true;
      break;
    }
    const empty = kept === undefined && from === m.index;
    chunks.push({ from, to: m.index, ...(kept !== undefined ? { decodeFrom: kept } : {}) });
    kept = empty ? m.index : undefined;
    from = Math.min(text.length, m.index + m[0].length + 1);
  }
  if (!stopped) chunks.push({ from, to: text.length, ...(kept !== undefined ? { decodeFrom: kept } : {}) });
  const lineOf = (region: Region): number => (region.line ??= lines.linePos(region.from).line - 1);
  const docs: YamlDocument[] = [];
  // One look at the whole text decides whether every document may take the simple reader in place.
  // Printable ASCII and line feeds only (most dumps) is all of that in one quick look.
  const allSimple = options.simple !== false && (!NOT_PLAIN_ASCII.test(text) || (isSimpleText(text) && !(MAYBE_CONTROL.test(text) && CONTROL.test(text)) && !text.includes('\r')));
  for (const [docIndex, c] of chunks.entries()) {
    if (c.refused) {
      diagnostics.push({ severity: 'error', code: 'yaml-syntax', message: c.refused.message, source: { file, doc: docIndex, line: c.refused.line, col: 1 } });
      continue;
    }
    const start = c.decodeFrom !== undefined && !separatorIsMoot(text, c.decodeFrom, c.from, c.to) ? c.decodeFrom : c.from;
    // A dump's documents are read in place (no copy of each): its lines already end as kubectl hands them on.
    const inPlace = allSimple && start === c.from && (c.to < text.length || text.endsWith('\n'));
    const direct = inPlace ? readSimpleYaml(text, c.from, c.to) : NOT_SIMPLE;
    const body = direct === NOT_SIMPLE ? asKubectlReadsIt(text.slice(start, c.to)) : '';
    const result: KubectlYamlResult =
      direct !== NOT_SIMPLE ? { ok: true, value: direct, warnings: [] } : options.simple === false ? decodeCarefully(body) : isSimpleText(body) ? decodeKubectlYaml(body) : decodeCarefully(body);
    const at = (offset: number): SourceRef => {
      const firstLine = start === c.from ? lineOf(c) : lines.linePos(start).line - 1;
      // An error at the end of the input is on its last line with content, as go-yaml says it.
      const pos = new LineIndex(body).linePos(Math.min(offset, body.trimEnd().length));
      return { file, doc: docIndex, line: pos.line + firstLine, col: pos.col };
    };
    if (!result.ok) {
      diagnostics.push({ severity: 'error', code: 'yaml-syntax', message: `invalid YAML/JSON: ${result.error}; document skipped`, source: at(result.offset) });
      continue;
    }
    for (const w of result.warnings) diagnostics.push({ severity: 'warning', code: 'yaml-duplicate-key', message: w.message, source: at(w.offset) });
    if (result.value === undefined || result.value === null) continue;
    docs.push({ value: result.value, locate: chunkLocators(file, docIndex, text, c, result.value, lineOf) });
  }
  return { docs, diagnostics };
}

/**
 * Whether go-yaml reads the document the same without the separator line kubectl leaves at its
 * start (text[separator, from)): `---` with nothing after it but blanks and a comment is an
 * explicit document start, which changes nothing unless the document holds directives (`%`) or
 * document ends (`...`), or a control character (go-yaml's reader sees those by byte offset).
 * Then the simple reader can still take the document.
 */
function separatorIsMoot(text: string, separator: number, from: number, to: number): boolean {
  const rest = text.slice(separator + 3, from).replace(/\r?\n?$/, '');
  if (!/^(?:[ \t]+(?:#.*)?)?$/.test(rest)) return false;
  const body = text.slice(from, to);
  return !/(?<![^\n])(?:%|\.\.\.)/.test(body) && !CONTROL.test(body);
}

/**
 * A document's text as kubectl's line reader hands it on: every line ends with LF (CR LF
 * becomes LF; a last line without a line break gets one). Lines and columns stay as they were.
 */
function asKubectlReadsIt(body: string): string {
  const lf = body.includes('\r') ? body.replaceAll('\r\n', '\n') : body;
  return lf === '' || lf.endsWith('\n') ? lf : `${lf}\n`;
}

/** Go's strings.TrimSpace (unicode.IsSpace: NEL is a space, U+FEFF is not, unlike String.prototype.trim). */
function goTrimSpace(s: string): string {
  const space = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  let a = 0;
  let b = s.length;
  while (a < b && space.test(s[a]!)) a++;
  while (b > a && space.test(s[b - 1]!)) b--;
  return s.slice(a, b);
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
      let d = parseDocument(body, { lineCounter: counter, uniqueKeys: false });
      if (d.errors.length) {
        // The careful reader read it, so the trouble is tabs the yaml package refuses and Go takes.
        counter = new LineCounter();
        d = parseDocument(kubectlTabs(body).text, { lineCounter: counter, uniqueKeys: false });
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
