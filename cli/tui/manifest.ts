import { escapeTerminal } from '../../src/format/escape/terminal.js';
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
 * The object as read, as YAML lines escaped for the terminal (a manifest is hostile input: a
 * control character in a value is shown as `\x1b`, never sent to the terminal). The file is read
 * again when asked, and the object found by its document and line; when the file is gone, was
 * rendered by a tool (kustomize) or no longer holds the object there, the lines say so.
 */
export function manifestLines(ref: ManifestRef, readText: ReadText = readFromDisk): string[] {
  const where = escapeTerminal(ref.source.file);
  let text: string;
  try {
    text = readText(ref.source.file);
  } catch (e) {
    return [`(the manifest cannot be shown: ${where} cannot be read again: ${escapeTerminal((e as NodeJS.ErrnoException).code ?? (e as Error).message)})`];
  }
  const found = parseDocuments(ref.source.file, text).objects.find((o) => {
    const at = o.at([]);
    return at.doc === ref.source.doc && at.line === ref.source.line;
  });
  const meta = found?.value.metadata as Record<string, unknown> | undefined;
  const same = found && found.kind === ref.kind && meta?.name === ref.name && (ref.namespace === undefined || (meta.namespace ?? ref.namespace) === ref.namespace);
  if (!same) return [`(the manifest cannot be shown: ${where} no longer holds ${escapeTerminal(ref.kind)} ${escapeTerminal(ref.name)} at line ${ref.source.line}; it changed since explore started)`];
  return yamlLib()
    .stringify(found.value, { lineWidth: 0 })
    .replace(/\n$/, '')
    .split('\n')
    .map(escapeTerminal);
}
