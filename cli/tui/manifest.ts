import { escapeTerminal } from '../../src/text/escape/terminal.js';
import { decodeText } from '../../src/load/decode-text.js';
import { parseDocuments } from '../../src/load/parse-documents.js';
import { MAX_INPUT_BYTES, readRegularFile } from '../../src/load/read-bounded.js';
import { yamlLib } from '../../src/load/yaml-lib.js';
import type { SourceRef } from '../../src/model/source.js';

/** Which object a YAML view shows: where it was read and what it is called there. */
export interface ManifestRef {
  source: SourceRef;
  kind: string;
  name: string;
  /** Absent for cluster-wide kinds. */
  namespace?: string;
}

export type ReadText = (file: string) => string;

/** Regular files only, bounded as when loading (the path may have become a FIFO since). */
const readFromDisk: ReadText = (file) => decodeText(readRegularFile(file, MAX_INPUT_BYTES));

/**
 * The objects of one file that a YAML view may show, by document, kind and name (the line of an
 * object is worked out lazily and costs a look at its text: a dump has thousands); or why the
 * file cannot be read.
 */
type FileObjects = Map<string, Record<string, unknown>[]> | { unreadable: string };

const keyOf = (doc: number, kind: string, name: unknown) => `${doc}|${kind}|${String(name)}`;

/**
 * A policy's manifest as read, as YAML lines escaped for the terminal (a manifest is hostile
 * input: a control character in a value is shown as `\x1b`, never sent to the terminal). A file
 * is read again the first time one of its objects is shown, and its objects of the `kinds` asked
 * for are kept, so that moving through the policies of a large dump does not parse it each time.
 * When the file is gone, was rendered by a tool (kustomize) or no longer holds the object where
 * it was, the lines say so.
 */
export class Manifests {
  private readonly files = new Map<string, FileObjects>();

  constructor(
    private readonly kinds: ReadonlySet<string>,
    private readonly readText: ReadText = readFromDisk,
  ) {}

  lines(ref: ManifestRef): string[] {
    const where = escapeTerminal(ref.source.file);
    const objects = this.objectsOf(ref.source.file);
    if ('unreadable' in objects) return [`(the manifest cannot be shown: ${where} cannot be read again: ${escapeTerminal(objects.unreadable)})`];
    const found = objects.get(keyOf(ref.source.doc, ref.kind, ref.name))?.find((value) => ref.namespace === undefined || (metadataOf(value).namespace ?? ref.namespace) === ref.namespace);
    if (!found) return [`(the manifest cannot be shown: ${where} no longer holds ${escapeTerminal(ref.kind)} ${escapeTerminal(ref.name)} in its document ${ref.source.doc + 1}; it changed since explore started)`];
    return yamlLib()
      .stringify(found, { lineWidth: 0 })
      .replace(/\n$/, '')
      .split('\n')
      .map(escapeTerminal);
  }

  private objectsOf(file: string): FileObjects {
    let objects = this.files.get(file);
    if (!objects) {
      try {
        const text = this.readText(file);
        const kept = new Map<string, Record<string, unknown>[]>();
        for (const o of parseDocuments(file, text).objects) {
          if (!this.kinds.has(o.kind)) continue;
          const key = keyOf(o.at([]).doc, o.kind, metadataOf(o.value).name);
          kept.set(key, [...(kept.get(key) ?? []), o.value]);
        }
        objects = kept;
      } catch (e) {
        objects = { unreadable: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
      }
      this.files.set(file, objects);
    }
    return objects;
  }
}

function metadataOf(value: Record<string, unknown>): Record<string, unknown> {
  const meta = value.metadata;
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta) ? (meta as Record<string, unknown>) : {};
}
