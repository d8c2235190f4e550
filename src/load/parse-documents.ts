import type { Diagnostic } from '../model/diagnostic.js';
import { jsonLocators } from './json-locator.js';
import type { Locator, Path } from './locate.js';
import { readYamlDocuments } from './yaml-documents.js';

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
  const objects: RawObject[] = [];
  const diagnostics: Diagnostic[] = [];
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    diagnostics.push({ severity: 'error', code: 'binary-input', message: 'binary data (a NUL byte), not YAML or JSON text; file skipped', source: { file, doc: 0, line, col: 1 } });
    return { objects, diagnostics };
  }
  if (/^\s*[[{]/.test(text)) {
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
  const yaml = readYamlDocuments(file, text, { simple: options.simple });
  diagnostics.push(...yaml.diagnostics);
  for (const d of yaml.docs) collect(d.value, d.locate, objects, diagnostics);
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
