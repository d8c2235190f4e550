import type { SourceRef } from '../model/source.js';

/**
 * A source reference whose line and column are computed when first read: loaders of big inputs
 * hand one to every object and field, and most are never printed. Own enumerable getters, so it
 * compares and serialises like a plain reference.
 */
export function lazySource(file: string, doc: number, field: string | undefined, position: () => { line: number; col: number }): SourceRef {
  let done: { line: number; col: number } | undefined;
  const ref: SourceRef = {
    file,
    doc,
    get line() {
      return (done ??= position()).line;
    },
    get col() {
      return (done ??= position()).col;
    },
  };
  if (field !== undefined) ref.field = field;
  return ref;
}
