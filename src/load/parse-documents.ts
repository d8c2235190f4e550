import type { Diagnostic } from '../model/diagnostic.js';
import { jsonLocators } from './json-locator.js';
import { makeLocator, type Locator, type Path } from './locate.js';
import { retab } from './retab.js';
import { parseYamlFast } from './yaml-fast.js';
import { yamlLib } from './yaml-lib.js';

/** One Kubernetes object as written, before it is understood. */
export interface RawObject {
  kind: string;
  apiVersion: string;
  value: Record<string, unknown>;
  at: Locator['at'];
}

const MAX_ALIAS_COUNT = 1000;
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
export function parseDocuments(file: string, text: string, options: { fast?: boolean } = {}): { objects: RawObject[]; diagnostics: Diagnostic[] } {
  const objects: RawObject[] = [];
  const diagnostics: Diagnostic[] = [];
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    diagnostics.push({ severity: 'error', code: 'binary-input', message: 'binary data (a NUL byte), not YAML or JSON text; file skipped', source: { file, doc: 0, line, col: 1 } });
    return { objects, diagnostics };
  }
  if (options.fast !== false && /^\s*[[{]/.test(text)) {
    let value: unknown;
    let parsed = false;
    try {
      value = JSON.parse(text);
      parsed = true;
    } catch {
      // Not strict JSON (comments, trailing commas…): the YAML reader reports where.
    }
    if (parsed) {
      collect(value, jsonLocators(file, text), objects, diagnostics);
      return { objects, diagnostics };
    }
  }
  const fast = options.fast === false ? undefined : parseYamlFast(file, text);
  if (fast) {
    for (const d of fast) collect(d.value, d.locate, objects, diagnostics);
    return { objects, diagnostics };
  }
  let { list, lineCounter } = parseYaml(text);
  if (list.some((d) => d.errors.length > 0)) {
    // Go's YAML reader (kubectl's) accepts tabs in the indentation of flow collections; the
    // yaml package does not. Retry with such tabs read as the previous line's indentation.
    const retabbed = retab(text);
    if (retabbed.lines.length > 0) {
      const retry = parseYaml(retabbed.text);
      const errors = (docs: typeof list): number => docs.reduce((n, d) => n + d.errors.length, 0);
      if (errors(retry.list) < errors(list)) {
        ({ list, lineCounter } = retry);
        diagnostics.push({
          severity: 'warning',
          code: 'yaml-tab-indent',
          message: `tab characters in the indentation of line(s) ${retabbed.lines.slice(0, 5).join(', ')}${retabbed.lines.length > 5 ? ', …' : ''} were read as spaces`,
          source: { file, doc: 0, line: retabbed.lines[0]!, col: 1 },
        });
      }
    }
  }
  list.forEach((doc, docIndex) => {
    const error = doc.errors[0];
    if (error) {
      const pos = lineCounter.linePos(error.pos[0]);
      diagnostics.push({
        severity: 'error',
        code: 'yaml-syntax',
        message: `invalid YAML/JSON: ${/call stack/.test(error.message) ? 'nested too deeply' : error.message.split('\n')[0]}; document skipped`,
        source: { file, doc: docIndex, line: pos.line, col: pos.col },
      });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const pos = lineCounter.linePos(doc.range[0]);
      diagnostics.push({
        severity: 'error',
        code: 'yaml-aliases',
        message: `document not loaded: ${(e as Error).message}`,
        source: { file, doc: docIndex, line: pos.line, col: pos.col },
      });
      return;
    }
    collect(value, (prefix) => makeLocator(file, docIndex, doc.contents, lineCounter, prefix), objects, diagnostics);
  });
  return { objects, diagnostics };
}

/** One parsed document → objects, flattening lists. */
function collect(value: unknown, locate: (prefix: Path) => Locator, objects: RawObject[], diagnostics: Diagnostic[]): void {
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
  if (value.kind === 'List' || value.kind.endsWith('List')) {
    const itemKind = value.kind === 'List' ? undefined : value.kind.slice(0, -'List'.length);
    if (!Array.isArray(value.items)) {
      diagnostics.push({ severity: 'warning', code: 'not-a-manifest', message: `${value.kind} has no items list; skipped`, source: at([]) });
      return;
    }
    value.items.forEach((item: unknown, i: number) => {
      const itemAt = locate(['items', i]).at;
      if (!isRecord(item)) {
        diagnostics.push({ severity: 'warning', code: 'not-a-manifest', message: 'list item is not an object; skipped', source: itemAt([]) });
        return;
      }
      const kind = typeof item.kind === 'string' ? item.kind : itemKind;
      const apiVersion = typeof item.apiVersion === 'string' ? item.apiVersion : (value.apiVersion as string);
      if (!kind) {
        diagnostics.push({ severity: 'warning', code: 'not-a-manifest', message: 'list item has no kind; skipped', source: itemAt([]) });
        return;
      }
      objects.push({ kind, apiVersion, value: item, at: itemAt });
    });
    return;
  }
  objects.push({ kind: value.kind, apiVersion: value.apiVersion, value, at });
}

function parseYaml(text: string) {
  const { LineCounter, parseAllDocuments } = yamlLib();
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  return { list: Array.isArray(docs) ? docs : [docs], lineCounter };
}
