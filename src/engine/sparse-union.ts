/**
 * Unions of bitsets whose cost follows their non-zero words, not their width. The matrix ORs
 * the peer (or target) bitsets of every rule into a few groups per distinct row; on a large
 * cluster a rule's peers are a handful of pod classes in a row of thousands of words, so ORing
 * whole rows made the engine grow with classes² per rule.
 */

/** The indices of a bitset's non-zero words, remembered per bitset (rules are shared by many rows). */
export class NonZeroWords {
  private readonly known = new WeakMap<Uint32Array, Int32Array>();

  of(words: Uint32Array): Int32Array {
    let nz = this.known.get(words);
    if (nz === undefined) {
      let n = 0;
      for (let w = 0; w < words.length; w++) if (words[w] !== 0) n++;
      nz = new Int32Array(n);
      for (let w = 0, i = 0; w < words.length; w++) if (words[w] !== 0) nz[i++] = w;
      this.known.set(words, nz);
    }
    return nz;
  }
}

/**
 * An OR of bitsets of `width` words that knows which of its words may be non-zero. Cleared and
 * used again for the next row (the matrix keeps a few and reuses them: a fresh pair of wide
 * arrays per group and row was most of the engine's garbage).
 */
export class SparseUnion {
  readonly bits: Uint32Array;
  /** Every word is a candidate (a dense operand was ORed in): `touchedList` is then not kept. */
  private dense = false;
  private readonly touchedList: number[] = [];

  constructor(readonly width: number) {
    this.bits = new Uint32Array(width);
  }

  /** ORs `words` in, walking only its non-zero words (`nonZero`) when they are few. */
  or(words: Uint32Array, nonZero: Int32Array): void {
    if (this.dense || nonZero.length * 4 > this.width) {
      this.orDense(words);
      return;
    }
    for (let i = 0; i < nonZero.length; i++) {
      const w = nonZero[i]!;
      // A word listed in nonZero is not 0: this word is new to the union iff it is 0 here.
      if (this.bits[w] === 0) this.touchedList.push(w);
      this.bits[w]! |= words[w]!;
    }
  }

  /** ORs every word of `words` in; from then on every word is a candidate. */
  orDense(words: Uint32Array): void {
    for (let w = 0; w < this.width; w++) this.bits[w]! |= words[w]!;
    this.dense = true;
  }

  /** ORs another union in. */
  orUnion(other: SparseUnion): void {
    if (other.dense || this.dense) {
      this.orDense(other.bits);
      return;
    }
    const list = other.touchedList;
    for (let i = 0; i < list.length; i++) {
      const w = list[i]!;
      const x = other.bits[w]!;
      if (x === 0) continue;
      if (this.bits[w] === 0) this.touchedList.push(w);
      this.bits[w]! |= x;
    }
  }

  /** The words that may be non-zero, in increasing order; undefined when every word may be. */
  touched(): number[] | undefined {
    return this.dense ? undefined : this.touchedList.sort((a, b) => a - b);
  }

  /** Back to the empty set, in time that follows what was set. */
  clear(): void {
    if (this.dense) this.bits.fill(0);
    else for (const w of this.touchedList) this.bits[w] = 0;
    this.touchedList.length = 0;
    this.dense = false;
  }
}

/** SparseUnions of one width, handed out and taken back (see SparseUnion). */
export class SparseUnionPool {
  private readonly free: SparseUnion[] = [];
  private readonly lent: SparseUnion[] = [];

  constructor(readonly width: number) {}

  take(): SparseUnion {
    const u = this.free.pop() ?? new SparseUnion(this.width);
    this.lent.push(u);
    return u;
  }

  /** Clears every union handed out since the last call and takes it back. */
  takeBackAll(): void {
    for (const u of this.lent) {
      u.clear();
      this.free.push(u);
    }
    this.lent.length = 0;
  }
}
