import type { Diagnostic } from '../model/diagnostic.js';
import { jsonLocators } from './json-locator.js';
import type { Locator, Path } from './locate.js';
import { NotStrictJson, parseItem, splitJsonList } from './json-list.js';
export { NotStrictJson } from './json-list.js';
import { readYamlDocuments } from './yaml-documents.js';
import type { ItemIdentity, JsonListFile } from './json-list-file.js';
import { listFileLocators } from './json-list-file-locator.js';

/** One Kubernetes object as written, before it is understood. */
export interface RawObject {
  kind: string;
  apiVersion: string;
  value: Record<string, unknown>;
  at: Locator['at'];
}

const ALPHA = 'net.alpha.kubernetes.io/v1alpha1';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Splits a YAML or JSON text into Kubernetes objects. Multi-document files and `kind: List`
 * (and `PodList`, `NamespaceList`, … whose items may omit `kind`) are flattened. A document that
 * cannot be parsed is reported and skipped; the others still load. JSON is read with
 * JSON.parse, positions found on demand; YAML with the yaml package, which keeps ranges.
 */
export function parseDocuments(file: string, text: string, options: { simple?: boolean } = {}): { objects: RawObject[]; diagnostics: Diagnostic[] } {
  try {
    const stream = streamDocuments(file, text, options);
    return { objects: [...stream.objects], diagnostics: stream.diagnostics };
  } catch (e) {
    if (!(e instanceof NotStrictJson)) throw e;
    const stream = streamDocuments(file, text, { ...options, listItems: 'whole' });
    return { objects: [...stream.objects], diagnostics: stream.diagnostics };
  }
}

/** Objects to be taken one at a time; `diagnostics` is complete once `objects` has been iterated. */
export interface DocumentStream {
  /** How many objects there are about to be (list items not yet looked at included). */
  count: number;
  objects: Iterable<RawObject>;
  diagnostics: Diagnostic[];
}

/**
 * As `parseDocuments`, but the items of a big JSON list (a `kubectl get -o json` dump) are parsed
 * one at a time, as they are taken: a reader that is done with an item before taking the next
 * keeps only what it read (json-list.ts: a 100,000-pod dump then needs about a third less
 * memory). Taking an item that is not strict JSON throws `NotStrictJson`: read the text again
 * with `listItems: 'whole'`, which parses it whole first (and hands it to the YAML reader when
 * JSON.parse refuses it).
 */
export function streamDocuments(file: string, text: string, options: { simple?: boolean; listItems?: ListItems } = {}): DocumentStream {
  const diagnostics: Diagnostic[] = [];
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    diagnostics.push({ severity: 'error', code: 'binary-input', message: 'binary data (a NUL byte), not YAML or JSON text; file skipped', source: { file, doc: 0, line, col: 1 } });
    return { count: 0, objects: [], diagnostics };
  }
  if (/^\s*[[{]/.test(text)) {
    const listItems = options.listItems ?? 'auto';
    const list = listItems === 'one-by-one' || (listItems === 'auto' && text.length >= STREAMED_JSON_BYTES) ? splitJsonList(text) : undefined;
    if (list && isListKind(list.shell.kind)) {
      const item = (i: number): unknown => parseItem(text, list, i);
      return { count: list.starts.length, objects: collect(list.shell, jsonLocators(file, text, list.starts), diagnostics, { count: list.starts.length, item }), diagnostics };
    }
    let value: unknown;
    let parsed = false;
    try {
      value = JSON.parse(text);
      parsed = true;
    } catch {
      // Not strict JSON (comments, trailing commas…): the YAML reader reports where.
    }
    if (parsed) {
      const objects = [...collect(value, jsonLocators(file, text), diagnostics)];
      return { count: objects.length, objects, diagnostics };
    }
  }
  const yaml = readYamlDocuments(file, text, { simple: options.simple });
  diagnostics.push(...yaml.diagnostics);
  const objects = yaml.docs.flatMap((d) => [...collect(d.value, d.locate, diagnostics)]);
  return { count: objects.length, objects, diagnostics };
}

/**
 * Whether a list item is left unread, given its kind, apiVersion and namespace as written (the
 * item's own, or the list's; the namespace undefined when it names none), and whether it is
 * known to hold no ipBlock (its bytes hold neither the word nor an escape that could spell it).
 */
export type SkipItem = (kind: string | undefined, apiVersion: string, namespace: string | undefined, ipBlockFree: boolean) => boolean;

const IP_BLOCK = Buffer.from('ipBlock');
const ESCAPE_U = Buffer.from('\\u');

/**
 * As `streamDocuments` for a list read from its file (json-list-file.ts): the same objects,
 * diagnostics and positions, the items read one at a time without the file in memory. Items
 * `skip` says are not wanted are not parsed (their identity is read from their bytes); an item
 * whose identity is unusual is parsed and handed on.
 */
export function streamListFile(file: string, list: JsonListFile, options: { skip?: SkipItem } = {}): DocumentStream | undefined {
  if (!isListKind(list.shell.kind)) return undefined;
  const diagnostics: Diagnostic[] = [];
  const shellKind = list.shell.kind as string;
  const itemKind = shellKind === 'List' ? undefined : shellKind.slice(0, -'List'.length);
  const listApiVersion = typeof list.shell.apiVersion === 'string' ? list.shell.apiVersion : '';
  const { skip } = options;
  const unwanted = skip
    ? (id: ItemIdentity | undefined, mentions: (word: Buffer) => boolean): boolean => {
        if (id === undefined) return false;
        const kind = id.kind ?? itemKind;
        return skip(kind, id.apiVersion ?? listApiVersion, id.namespace, kind === 'NetworkPolicy' && !mentions(IP_BLOCK) && !mentions(ESCAPE_U));
      }
    : undefined;
  const texts = list.items(unwanted);
  const item = (i: number): unknown => {
    let next: IteratorResult<string | undefined>;
    try {
      next = texts.next();
    } catch {
      // The file changed or could not be read again: it is read again as one text.
      throw new NotStrictJson(`list item ${i} could not be read`);
    }
    if (next.done) throw new NotStrictJson(`list item ${i} was not read`);
    if (next.value === undefined) return SKIPPED;
    try {
      return JSON.parse(next.value);
    } catch {
      throw new NotStrictJson(`list item ${i} is not strict JSON`);
    }
  };
  return { count: list.count, objects: collect(list.shell, listFileLocators(file, list), diagnostics, { count: list.count, item }), diagnostics };
}

/** A list item left unread (`SkipItem`). */
const SKIPPED = Symbol('skipped');

/** How a JSON list's items are parsed: one at a time as they are taken, all at once, or one at a time when the text is big. */
export type ListItems = 'auto' | 'one-by-one' | 'whole';

/** From this size on, a JSON list is read item by item (below it, one JSON.parse is as fast). */
const STREAMED_JSON_BYTES = 1 << 20;

const isListKind = (kind: unknown): boolean => typeof kind === 'string' && (kind === 'List' || kind.endsWith('List'));

/** A list's items when they are parsed one at a time (`items` of the value is then empty). */
interface LazyItems {
  count: number;
  item(i: number): unknown;
}

/** One parsed document → objects, flattening lists. */
function* collect(value: unknown, locate: (prefix: Path) => Locator, diagnostics: Diagnostic[], lazy?: LazyItems): Generator<RawObject> {
  if (value === null || value === undefined) return;
  const at = locate([]).at;
  if (isRecord(value) && value.kind === 'NetworkPolicy' && value.apiVersion === undefined && isRecord(value.spec) && 'allowIncoming' in value.spec) {
    // The 2016 blog's alpha example is the body of a POST to /apis/net.alpha.kubernetes.io/v1alpha1/…: no apiVersion.
    diagnostics.push({ severity: 'warning', code: 'missing-api-version', message: `NetworkPolicy without apiVersion; read as ${ALPHA} (it has spec.allowIncoming)`, source: at([]) });
    value.apiVersion = ALPHA;
  }
  if (!isRecord(value) || typeof value.kind !== 'string' || typeof value.apiVersion !== 'string') {
    diagnostics.push({ severity: 'warning', code: 'not-a-manifest', message: 'not a Kubernetes object (no kind/apiVersion); skipped', source: at([]) });
    return;
  }
  if (isListKind(value.kind)) {
    const itemKind = value.kind === 'List' ? undefined : value.kind.slice(0, -'List'.length);
    if (!lazy && !Array.isArray(value.items)) {
      diagnostics.push({ severity: 'warning', code: 'not-a-manifest', message: `${value.kind} has no items list; skipped`, source: at([]) });
      return;
    }
    const items = lazy ?? { count: (value.items as unknown[]).length, item: (i: number) => (value.items as unknown[])[i] };
    for (let i = 0; i < items.count; i++) {
      const item = items.item(i);
      if (item === SKIPPED) continue;
      const itemAt = locate(['items', i]).at;
      if (!isRecord(item)) {
        diagnostics.push({ severity: 'warning', code: 'not-a-manifest', message: 'list item is not an object; skipped', source: itemAt([]) });
        continue;
      }
      const kind = typeof item.kind === 'string' ? item.kind : itemKind;
      const apiVersion = typeof item.apiVersion === 'string' ? item.apiVersion : (value.apiVersion as string);
      if (!kind) {
        diagnostics.push({ severity: 'warning', code: 'not-a-manifest', message: 'list item has no kind; skipped', source: itemAt([]) });
        continue;
      }
      yield { kind, apiVersion, value: item, at: itemAt };
    }
    return;
  }
  yield { kind: value.kind, apiVersion: value.apiVersion, value, at };
}
