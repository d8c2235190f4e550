import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The objects of an example folder (every YAML or JSON document, in the order netpol-check
 * reads them), lists flattened (a `PodList`'s items given its kind): what one
 * `kubectl get -o json` list of them holds.
 */
export function exampleItems(dir: string): unknown[] {
  const items: unknown[] = [];
  const add = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items)) {
      const kind = o.kind === 'List' ? undefined : o.kind.slice(0, -'List'.length);
      for (const item of o.items) add(kind && typeof item === 'object' && item !== null && !('kind' in item) ? { apiVersion: o.apiVersion, kind, ...item } : item);
    } else items.push(v);
  };
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(e.name)) for (const doc of parseAllDocuments(readFileSync(p, 'utf8'))) if (!doc.errors.length) add(doc.toJS());
    }
  };
  walk(dir);
  return items;
}
