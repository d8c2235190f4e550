import type { SourceRef } from '../model/source.js';

type Position = { line: number; col: number };

/**
 * A source reference whose line and column are computed when first read: loaders of big inputs
 * hand one to every object, rule, peer and port, and most are never printed. The getters live
 * on the prototype (one pair for all, nothing allocated per reference but the reference), and
 * `toJSON` serialises it like a plain reference. Copy it with `plainSource`, not with a spread.
 */
class LazySource implements SourceRef {
  field?: string;
  #position: (() => Position) | undefined;
  #done: Position | undefined;

  constructor(
    readonly file: string,
    readonly doc: number,
    field: string | undefined,
    position: () => Position,
  ) {
    if (field !== undefined) this.field = field;
    this.#position = position;
  }

  #resolve(): Position {
    if (!this.#done) {
      this.#done = this.#position!();
      this.#position = undefined;
    }
    return this.#done;
  }

  get line(): number {
    return this.#resolve().line;
  }

  get col(): number {
    return this.#resolve().col;
  }

  toJSON(): SourceRef {
    return plainSource(this);
  }
}

export function lazySource(file: string, doc: number, field: string | undefined, position: () => Position): SourceRef {
  return new LazySource(file, doc, field, position);
}

/** A plain copy of a source reference (resolving a lazy one). */
export function plainSource(s: SourceRef): SourceRef {
  const out: SourceRef = { file: s.file, doc: s.doc, line: s.line, col: s.col };
  if (s.field !== undefined) out.field = s.field;
  return out;
}
