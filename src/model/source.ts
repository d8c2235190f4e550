import { escapeTerminal } from '../text/escape/terminal.js';

/** Where an object or a field came from: file, YAML document index, 1-based line and column. */
export interface SourceRef {
  file: string;
  /** 0-based index of the document within the file (list items share their document). */
  doc: number;
  /** 0 when the problem concerns the whole file (e.g. it cannot be read). */
  line: number;
  col: number;
  /** Dotted field path inside the object, e.g. `spec.ingress[0].from[1].ipBlock.cidr`. */
  field?: string;
}

/** `file:line:col` for people: control characters in the file name shown as visible escapes. */
export function formatSource(src: SourceRef | undefined): string {
  if (!src) return '<unknown>';
  const file = escapeTerminal(src.file);
  return src.line > 0 ? `${file}:${src.line}:${src.col}` : file;
}

/** Field path segments → `spec.ingress[0].from`. */
export function fieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}
